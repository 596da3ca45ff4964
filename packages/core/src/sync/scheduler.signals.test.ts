import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectedIds } from './fixtures/paged-connector';
import { readJsonLines } from './json-lines-format';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../../../..');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-sigterm-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scheduler with handleSignals, in a real process', () => {
  it('stops on SIGTERM: exit code 0, a log line, and a file that ends at a checkpoint', async () => {
    const path = join(dir, 'out.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@recon/source', join(here, 'fixtures/sigterm-child.ts'), path], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let checkpoints = 0;
    let signalled = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      checkpoints += chunk.split('\n').filter((l) => l.includes('"msg":"batch acknowledged"') && l.includes('"cursor"')).length;
      // Signal mid-run, once a few checkpoints are on disk.
      if (checkpoints >= 3 && !signalled) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });

    const { code, signal } = await exited;
    expect(signalled, stderr).toBe(true);
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
    const logLines = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; signal?: string; status?: string });
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'received SIGTERM: stopping', signal: 'SIGTERM' }));
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'sync aborted', status: 'aborted' }));
    expect(logLines.at(-1)).toMatchObject({ msg: 'scheduler stopped' });

    const text = await readFile(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = await readJsonLines(path, { includeUncommitted: true });
    expect(lines.at(-1)?.type).toBe('state');
    expect(await readJsonLines(path)).toEqual(lines);
    const last = lines.at(-1);
    const offset = last?.type === 'state' ? (last.cursor as { offset: number }).offset : -1;
    expect(offset).toBeGreaterThanOrEqual(9);
    expect(lines.flatMap((l) => (l.type === 'record' ? [l.txn.txn_id] : []))).toEqual(expectedIds(offset).valid);
  });
});
