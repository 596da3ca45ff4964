#!/usr/bin/env node
// Packs every published package the way `pnpm publish` would (workspace: ranges rewritten),
// then runs publint (--strict) and arethetypeswrong on the tarball, so what we check is what ships.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packDir = join(root, '.tmp', 'packs');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pnpm = ['bash', join(root, 'scripts', 'pnpm.sh')];

let failed = 0;
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkgDir = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const before = new Set(readdirSync(packDir));
  execFileSync(pnpm[0], [pnpm[1], 'pack', '--pack-destination', packDir], { cwd: pkgDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(packDir).find((f) => !before.has(f));
  if (!tarball) throw new Error(`pnpm pack produced nothing for ${pkg.name}`);
  const file = join(packDir, tarball);
  for (const [label, cmd, args] of [
    ['publint', bin('publint'), ['run', file, '--strict']],
    ['attw', bin('attw'), [file, '--format', 'table-flipped', '--profile', 'node16']],
  ]) {
    try {
      execFileSync(cmd, args, { cwd: pkgDir, stdio: 'pipe' });
      console.log(`ok   ${label.padEnd(8)} ${pkg.name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${label.padEnd(8)} ${pkg.name}\n${error.stdout?.toString() ?? ''}${error.stderr?.toString() ?? ''}`);
    }
  }
}
if (failed) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}
console.log('every package passes publint and attw');
