import { defineConfig } from 'tsup';
import { reconPackage } from '../../scripts/tsup-preset';

// jose ships ESM only: inline it in the CJS build so `require('@recon/hdfc')` works on every Node 20.
export default defineConfig(reconPackage({ index: 'src/index.ts', sandbox: 'src/sandbox/index.ts' }, { inlineForCjs: ['jose'] }));
