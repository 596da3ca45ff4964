#!/usr/bin/env node
// Packs every published package the way `pnpm publish` would (workspace: ranges rewritten),
// then runs publint (--strict) and arethetypeswrong on the tarball, so what we check is what ships.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packPackages, root } from './pack-packages.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);

let failed = 0;
for (const { name, dir, tarball } of packPackages(join(root, '.tmp', 'packs'))) {
  for (const [label, cmd, args] of [
    ['publint', bin('publint'), ['run', tarball, '--strict']],
    ['attw', bin('attw'), [tarball, '--format', 'table-flipped', '--profile', 'node16']],
  ]) {
    try {
      execFileSync(cmd, args, { cwd: dir, stdio: 'pipe' });
      console.log(`ok   ${label.padEnd(8)} ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${label.padEnd(8)} ${name}\n${error.stdout?.toString() ?? ''}${error.stderr?.toString() ?? ''}`);
    }
  }
}
if (failed) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}
console.log('every package passes publint and attw');
