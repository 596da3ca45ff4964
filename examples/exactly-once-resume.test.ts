import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.test-helper';


// The crash-and-resume example must keep running: this runs it as a reader would (from source, via tsx).
describe('examples/exactly-once-resume.ts', () => {
  it('syncs through faults and a crash with every row accounted for, exactly once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'recon-resume-'));
    const run = await runExample(['examples/exactly-once-resume.ts', `--out=${out}`], {
      timeoutMs: 90_000,
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
