import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const packages = readdirSync(join(root, 'packages'));

// `VERSION` is what a package reports about itself (User-Agent); it must be the published version.
describe('every package exports the version of its package.json', () => {
  it.each(packages)('%s', (dir) => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { version: string };
    const source = readFileSync(join(root, 'packages', dir, 'src', 'version.ts'), 'utf8');
    expect(source).toContain(`export const VERSION = '${version}';`);
  });
});
