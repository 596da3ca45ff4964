#!/usr/bin/env node
// Writes each package's version from its package.json into src/version.ts (the `VERSION` export,
// sent e.g. in User-Agent headers). `changeset version` bumps package.json only, so the release flow
// runs this right after it; scripts/versions.test.ts fails when the two disagree.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const dir of readdirSync(join(root, 'packages'))) {
  const { version } = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  const file = join(root, 'packages', dir, 'src', 'version.ts');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/export const VERSION = '[^']*';/, `export const VERSION = '${version}';`);
  if (next !== text) {
    writeFileSync(file, next);
    console.log(`${dir}: VERSION = ${version}`);
  }
}
