import { defineConfig } from 'tsup';
import { reconPackage } from '../../scripts/tsup-preset';

// p-retry and is-network-error ship ESM only: inline them in the CJS build so `require` works on every Node 20.
export default defineConfig(reconPackage({ index: 'src/index.ts', testing: 'src/testing/index.ts', 'testing-vitest': 'src/testing/vitest.ts' }, { inlineForCjs: ['p-retry', 'is-network-error'] }));
