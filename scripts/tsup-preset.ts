import type { Options } from 'tsup';

/**
 * The one build recipe every package uses: ESM and CJS with type declarations for each,
 * `@recon/*` and declared dependencies left external, sources mapped.
 * `bundle` lists ESM-only dependencies that must be inlined so the CJS build can `require` us.
 */
export function reconPackage(entry: Record<string, string>, options: { inlineForCjs?: string[] } = {}): Options[] {
  const common: Options = {
    entry,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    splitting: false,
    treeshake: true,
    dts: { compilerOptions: { customConditions: [] } },
    tsconfig: 'tsconfig.build.json',
  };
  return [
    { ...common, format: ['esm'], clean: true },
    { ...common, format: ['cjs'], clean: false, noExternal: options.inlineForCjs ?? [] },
  ];
}
