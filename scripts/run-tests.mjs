#!/usr/bin/env node
// Runs every test once (vitest, with coverage) and ends with a plain `N passed, N failed` line,
// so a run that executed no test is visible. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.tmp', 'vitest-results.json');
mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(out, { force: true });
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const run = spawnSync(vitest, ['run', '--coverage', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
let code = run.status ?? 1;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.error('No test ran.');
    code = 1;
  }
} else {
  console.log('\nTests: 0 passed, 1 failed (vitest wrote no results)');
  code = code || 1;
}
process.exit(code);
