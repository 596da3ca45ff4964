import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSftpSandbox } from '@recon/sftp';
import { describe, expect, it } from 'vitest';
import { sandboxOnlyEnv } from './example-test-env';
import { runExample } from './run-example.test-helper';

const root = resolve(import.meta.dirname, '..');

/** Run the example without blocking this process, which serves the SFTP sandbox it talks to. */
function runAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['--conditions=@recon/source', join(root, 'examples/sftp-poller.ts'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

// The SFTP example must run with no setup: this runs it exactly as its header says (tsx, from source).
describe('examples/sftp-poller.ts', () => {
  it('fetches hourly over SFTP with a pinned key, through a dropped connection, each statement line exactly once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'recon-sftp-example-'));
    try {
      const run = await runExample(['examples/sftp-poller.ts', `--out=${out}`], { cwd: out, timeoutMs: 90_000, env: sandboxOnlyEnv() });
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

  it('switches to the server named in the environment: pinned key, each file once across runs, archived', async () => {
    const work = mkdtempSync(join(tmpdir(), 'recon-sftp-real-'));
    // Stands in for the bank's server: the example only knows it through KOTAK_SFTP_* variables.
    const serverRoot = join(work, 'server');
    mkdirSync(join(serverRoot, 'outbox'), { recursive: true });
    const statement = [':20:KKBK240601', ':25:50200012345678', ':28C:101/1', ':60F:C240531INR100000,00', ':61:2406010601C25000,00NTRFKKBKN2406010001//KK010001', ':86:NEFT CR-HDFC0000001-ACME RETAIL PVT LTD-UTR HDFCN240601778', ':61:2406010601D4999,50NTRFIMPS412010088//KK010002', ':86:IMPS DR-41201088-VENDOR PAYOUT', ':62F:C240601INR120000,50', '-'].join('\r\n');
    writeFileSync(join(serverRoot, 'outbox', 'KOTAK_STMT_20240601.sta'), statement);
    utimesSync(join(serverRoot, 'outbox', 'KOTAK_STMT_20240601.sta'), 1_717_214_400, 1_717_214_400);
    const server = await startSftpSandbox({ root: serverRoot });
    const password = server.credentials.password as string;
    const env = sandboxOnlyEnv({
      KOTAK_SFTP_HOST: server.host,
      KOTAK_SFTP_PORT: String(server.port),
      KOTAK_SFTP_USER: server.credentials.username,
      KOTAK_SFTP_PASSWORD: password,
      KOTAK_SFTP_HOST_KEY: server.hostKeyFingerprint,
      KOTAK_SFTP_DIR: '/outbox',
      KOTAK_SFTP_PATTERN: 'KOTAK_*.sta',
      KOTAK_SFTP_ARCHIVE_DIR: '/outbox/processed',
    });
    const poll = () => runAsync(['--once', `--out=${join(work, 'out')}`], work, env);
    try {
      const first = await poll();
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/check\(\): ok/);
      expect(first.stdout).toContain('completed: 2 transactions, 0 invalid');
      expect(first.stdout + first.stderr).not.toContain(password);
      expect(existsSync(join(serverRoot, 'outbox', 'processed', 'KOTAK_STMT_20240601.sta'))).toBe(true);
      // The same statement uploaded again is not read twice: the ledger remembers it.
      writeFileSync(join(serverRoot, 'outbox', 'KOTAK_STMT_20240601.sta'), statement);
      utimesSync(join(serverRoot, 'outbox', 'KOTAK_STMT_20240601.sta'), 1_717_214_400, 1_717_214_400);
      const second = await poll();
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('completed: 0 transactions');
      const lines = readFileSync(join(work, 'out', 'kotak.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; txn?: { amount: string; direction: string } });
      expect(lines.filter((l) => l.type === 'record').map((l) => `${l.txn?.direction} ${l.txn?.amount}`)).toEqual(['CREDIT 25000.00', 'DEBIT 4999.50']);
      // A wrong pin is refused before any file is touched.
      const impostor = await runAsync(['--once', `--out=${join(work, 'out2')}`], work, { ...env, KOTAK_SFTP_HOST_KEY: 'SHA256:W1NBdr6mJ7ZuvLyjX3X1B1W1dTY1oZ9fX0yGQY3a1Lc' });
      expect(impostor.status).toBe(1);
      expect(impostor.stdout).toMatch(/check\(\): FAILED: .*host key/i);
    } finally {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
