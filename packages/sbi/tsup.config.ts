import { defineConfig } from 'tsup';
import { reconPackage } from '../../scripts/tsup-preset';

export default defineConfig(reconPackage({ index: 'src/index.ts', sandbox: 'src/sandbox/index.ts' }));
