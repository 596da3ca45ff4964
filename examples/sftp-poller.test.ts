import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// The SFTP example must run with no setup: this runs it exactly as its header says (tsx, from source).
describe('examples/sftp-poller.ts', () => {
  it('fetches hourly over SFTP with a pinned key, through a dropped connection, each statement line exactly once', () => {
    const out = mkdtempSync(join(tmpdir(), 'recon-sftp-example-'));
    try {
      const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['--conditions=@recon/source', 'examples/sftp-poller.ts', `--out=${out}`], { cwd: root, encoding: 'utf8', timeout: 90_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Wrong pin: .*host key refused: .* offered ssh-ed25519 SHA256:/);
      expect(run.stdout).toMatch(/retry: download .* after SFTP_CONNECTION_LOST/);
      expect(run.stdout).toContain('quarantine: KOTAK_STMT_20240602.pdf.sta -> /outbox/failed/KOTAK_STMT_20240602.pdf.sta');
      expect(run.stdout).toContain('Every statement line once: no gap, no duplicate.');
      const lines = readFileSync(join(out, 'kotak.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; txn?: { txn_id: string; source: string } });
      const ids = lines.flatMap((l) => (l.type === 'record' && l.txn ? [l.txn.txn_id] : []));
      expect(ids).toHaveLength(9);
      expect(new Set(ids).size).toBe(9);
      expect(lines.filter((l) => l.type === 'record').every((l) => l.txn?.source === 'sftp:kotak')).toBe(true);
      expect(lines.at(-1)?.type).toBe('state');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
