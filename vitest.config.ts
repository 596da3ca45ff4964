import { defineConfig } from 'vitest/config';

/** Integration tests that need the project's Kafka broker (a JVM): their own vitest project. */
const KAFKA_INTEGRATION = ['packages/kafka-sink/src/**/*.integ.test.ts', 'examples/kafka-*.integ.test.ts'];

/**
 * One vitest run for the whole workspace. `@recon/source` makes every `@recon/*` import resolve
 * to TypeScript sources, so tests never need a build.
 *
 * Two projects: `unit` (everything else) and `kafka`, whose global setup starts a real Kafka
 * broker. vitest runs a project's global setup only when that project has files in the run, so
 * `vitest run packages/core` never starts a JVM, while `npm test` (everything) does.
 */
export default defineConfig({
  resolve: { conditions: ['@recon/source'] },
  ssr: { resolve: { conditions: ['@recon/source'], externalConditions: ['@recon/source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['scripts/vitest/event-loop-guard.ts'],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.test-d.ts', '**/index.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...KAFKA_INTEGRATION],
        },
      },
      {
        extends: true,
        test: {
          name: 'kafka',
          include: KAFKA_INTEGRATION,
          globalSetup: ['scripts/kafka/vitest-global-setup.ts'],
          // One broker on two cores: kafka files take turns in one fork (unit files run beside them).
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
        },
      },
    ],
  },
});
