import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// The crash-and-resume example must keep running: this runs it as a reader would (from source, via tsx).
describe('examples/exactly-once-resume.ts', () => {
  it('syncs through faults and a crash with every row accounted for, exactly once', () => {
    const out = mkdtempSync(join(tmpdir(), 'recon-resume-'));
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['--conditions=@recon/source', 'examples/exactly-once-resume.ts', `--out=${out}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('every row (no gap)');
    expect(run.stdout).toContain('no duplicates');
    expect(run.stdout).toMatch(/faults survived: .*429.*503.*reset/);
    const lines = readFileSync(join(out, 'sample-ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.at(-1)?.type).toBe('state');
    expect(lines.filter((l) => l.type === 'record').length).toBeGreaterThan(200);
  });
});
