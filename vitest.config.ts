import { defineConfig } from 'vitest/config';

/**
 * One vitest run for the whole workspace. `@recon/source` makes every `@recon/*` import resolve
 * to TypeScript sources, so tests never need a build.
 */
export default defineConfig({
  resolve: { conditions: ['@recon/source'] },
  ssr: { resolve: { conditions: ['@recon/source'], externalConditions: ['@recon/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.test-d.ts', '**/index.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
    },
  },
});
