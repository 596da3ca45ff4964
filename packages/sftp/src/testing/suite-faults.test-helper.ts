import { createHash } from 'node:crypto';
import { chmodSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SftpEvent } from '../events';
import { createMemoryLedgerStore } from '../ledger/memory-ledger-store';
import { defaultParser } from '../parse/default-parser';
import type { FileParser } from '../parse/types';
import { allIds, statementFiles, testTransaction, type TestFile } from './statement-files.test-helper';
import { connectorFor, drain, testFolder, writeFiles, type SuiteContext } from './suite-context.test-helper';

/** A statement file big enough that a download spans many SFTP reads (several MB). */
function bigFile(name: string, rows: number, mtime: number): TestFile {
  const ids: string[] = [];
  const txns = [];
  for (let i = 0; i < rows; i++) {
    const id = `big-${name}-${i}`;
    ids.push(id);
    txns.push({ ...testTransaction(id, i), description: `NEFT CR ${'X'.repeat(120)} ${i}` });
  }
  return { name, content: JSON.stringify(txns), mtime, ids, invalid: 0 };
}

/** A parser that records exactly which bytes it was given. */
function spyParser() {
  const calls: Array<{ name: string; sha256: string; length: number }> = [];
  const parser: FileParser = (file, context) => {
    calls.push({ name: file.name, sha256: createHash('sha256').update(file.bytes).digest('hex'), length: file.bytes.length });
    return defaultParser(file, context);
  };
  return { parser, calls };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Faults: dropped connections, permission denied, files still being written, abort, an unreachable server. */
export function describeFaults(ctx: SuiteContext): void {
  describe('faults', () => {
    it('a connection killed mid-download is retried on a new connection; the parser only ever sees the whole file', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'killed');
      const file = bigFile('KOTAK_big.json', 20_000, 1_717_200_000);
      await writeFiles(server, folder, [file]);
      const spy = spyParser();
      const events: SftpEvent[] = [];
      let killedAt = -1;
      const ledger = createMemoryLedgerStore();
      const connector = connectorFor(server, folder, {
        ledger,
        parse: spy.parser,
        onEvent: async (event) => {
          events.push(event);
          if (event.type === 'download-progress' && killedAt < 0) {
            killedAt = event.bytes;
            expect(await server.dropConnections()).toBeGreaterThan(0);
          }
        },
      });
      const result = await drain(connector.read());

      expect(result.error).toBeUndefined();
      expect(killedAt).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(file.content.length);
      const retries = events.filter((e) => e.type === 'retry');
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries[0]).toMatchObject({ operation: 'download', error: { code: 'SFTP_CONNECTION_LOST' } });
      expect(result.ids).toEqual(file.ids);
      expect(spy.calls).toEqual([{ name: file.name, sha256: sha256(file.content), length: file.content.length }]);
      expect(ledger.snapshot()?.entries.map((e) => e.sha256)).toEqual([sha256(file.content)]);
    });

    it('a server that stops answering (mid-download, then before an archive step) is given up on and the work redone on a new connection', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'hung');
      const file = bigFile('KOTAK_big.json', 20_000, 1_717_200_000);
      await writeFiles(server, folder, [file]);
      const events: SftpEvent[] = [];
      const frozen = { download: 0, archive: 0 };
      const connector = connectorFor(server, folder, {
        idleTimeoutMs: 500,
        concurrency: 1,
        afterProcessing: 'archive',
        archiveDir: `${folder.remote}/archive`,
        onEvent: (event) => {
          events.push(event);
          if (event.type === 'download-progress' && frozen.download === 0) frozen.download = server.freezeConnections();
          // The file is parsed; its checkpoint comes next, then the archive step on a hung server.
          if (event.type === 'file' && frozen.archive === 0) frozen.archive = server.freezeConnections();
        },
      });
      try {
        const result = await drain(connector.read());
        expect(frozen.download).toBeGreaterThan(0);
        expect(frozen.archive).toBeGreaterThan(0);
        expect(result.error).toBeUndefined();
        expect(result.ids).toEqual(file.ids);
        const retries = events.flatMap((e) => (e.type === 'retry' ? [`${e.operation} ${e.error.code}`] : []));
        expect(retries[0]).toBe('download SFTP_TIMEOUT');
        expect(retries.slice(1)).toContainEqual(expect.stringMatching(/^(mkdir|rename) SFTP_TIMEOUT$/));
        expect(readdirSync(join(folder.local, 'archive'))).toEqual([file.name]);
      } finally {
        await server.dropConnections();
      }
    });

    it('when retries run out, the read fails with a retryable network error, nothing parsed or recorded, no temp file left', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'killed-no-retry');
      const file = bigFile('KOTAK_big.json', 20_000, 1_717_200_000);
      await writeFiles(server, folder, [file]);
      const spy = spyParser();
      const ledger = createMemoryLedgerStore();
      const tempDir = await mkdtemp(join(tmpdir(), 'recon-sftp-temp-'));
      try {
        let killed = false;
        const connector = connectorFor(server, folder, {
          ledger,
          tempDir,
          parse: spy.parser,
          retry: { retries: 0 },
          onEvent: async (event) => {
            if (event.type === 'download-progress' && !killed) {
              killed = true;
              await server.dropConnections();
            }
          },
        });
        const result = await drain(connector.read());
        expect(result.error).toMatchObject({ code: 'SFTP_CONNECTION_LOST', kind: 'network', retryable: true });
        expect(result.ids).toEqual([]);
        expect(result.states).toEqual([]);
        expect(spy.calls).toEqual([]);
        expect(ledger.snapshot()?.entries ?? []).toEqual([]);
        expect(readdirSync(tempDir)).toEqual([]);

        // The next run (connection healthy again) gets the whole file.
        const next = await drain(connector.read());
        expect(next.error).toBeUndefined();
        expect(next.ids).toEqual(file.ids);
      } finally {
        await rm(tempDir, { recursive: true, force: true });
      }
    });

    it('a file it may not read is skipped, the others go on, and the read ends with SFTP_PERMISSION_DENIED', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'permission-file');
      const files = statementFiles({ count: 3 });
      await writeFiles(server, folder, files);
      const denied = join(folder.inboxLocal, files[1]!.name);
      chmodSync(denied, 0o000);
      const ledger = createMemoryLedgerStore();
      const connector = connectorFor(server, folder, { ledger });
      const result = await drain(connector.read());

      expect(result.ids).toEqual([...files[0]!.ids, ...files[2]!.ids]);
      expect(result.states.map((s) => s.file?.name)).toEqual([files[0]!.name, files[2]!.name]);
      expect(result.error).toMatchObject({ code: 'SFTP_PERMISSION_DENIED', kind: 'upstream', retryable: false });
      expect((result.error as Error).message).toContain(files[1]!.name);
      expect(ledger.snapshot()?.entries.map((e) => e.name)).toEqual([files[0]!.name, files[2]!.name]);

      chmodSync(denied, 0o644);
      const next = await drain(connector.read());
      expect(next.error).toBeUndefined();
      expect(next.ids).toEqual(files[1]!.ids);
    });

    it('a remote folder it may not list fails the read and check() with SFTP_PERMISSION_DENIED', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'permission-dir');
      await writeFiles(server, folder, statementFiles({ count: 1 }));
      chmodSync(folder.inboxLocal, 0o000);
      try {
        const connector = connectorFor(server, folder);
        const result = await drain(connector.read());
        expect(result.error).toMatchObject({ code: 'SFTP_PERMISSION_DENIED' });
        const check = await connector.check();
        expect(check.ok).toBe(false);
        expect(!check.ok && check.error.code).toBe('SFTP_PERMISSION_DENIED');
      } finally {
        chmodSync(folder.inboxLocal, 0o755);
      }
    });

    it('a file still being written (changed during the stability check) is left for a later read, never parsed half-written', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'growing');
      const files = statementFiles({ count: 3 });
      const growing = files[1]!;
      const half = growing.content.slice(0, Math.floor(growing.content.length / 2));
      await writeFiles(server, folder, [files[0]!, { ...growing, content: half }, files[2]!]);
      const spy = spyParser();
      const events: SftpEvent[] = [];
      const ledger = createMemoryLedgerStore();
      let uploadDone = false;
      const connector = connectorFor(server, folder, {
        ledger,
        parse: spy.parser,
        stabilityIntervalMs: 50,
        onEvent: async (event) => {
          events.push(event);
          // The bank's upload finishes while the connector waits to see whether files are stable.
          if (event.type === 'stability-wait' && !uploadDone) {
            uploadDone = true;
            await server.write(join(folder.inboxLocal, growing.name), growing.content, growing.mtime + 30);
          }
        },
      });
      const first = await drain(connector.read());
      expect(first.error).toBeUndefined();
      expect(first.ids).toEqual([...files[0]!.ids, ...files[2]!.ids]);
      expect(events.filter((e) => e.type === 'unstable').map((e) => (e.type === 'unstable' ? e.file.name : ''))).toEqual([growing.name]);
      // Downloads overlap (concurrency 2), so the parser may see them in either order.
      expect(spy.calls.map((c) => c.name).sort()).toEqual([files[0]!.name, files[2]!.name].sort());

      const second = await drain(connector.read());
      expect(second.error).toBeUndefined();
      expect(second.ids).toEqual(growing.ids);
      expect(spy.calls.at(-1)).toEqual({ name: growing.name, sha256: sha256(growing.content), length: growing.content.length });
      expect(ledger.snapshot()?.entries.map((e) => e.outcome)).toEqual(['processed', 'processed', 'processed']);
    });

    it('a file rewritten during its download is discarded for this read and fetched whole next time', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'growing-download');
      const file = bigFile('KOTAK_big.json', 20_000, 1_717_200_000);
      const partial = file.content.slice(0, Math.floor(file.content.length / 3));
      await server.write(join(folder.inboxLocal, file.name), partial, file.mtime);
      const spy = spyParser();
      const events: SftpEvent[] = [];
      let rewritten = false;
      const connector = connectorFor(server, folder, {
        parse: spy.parser,
        onEvent: async (event) => {
          events.push(event);
          if (event.type === 'download-progress' && !rewritten) {
            rewritten = true;
            await writeFile(join(folder.inboxLocal, file.name), file.content);
          }
        },
      });
      const first = await drain(connector.read());
      expect(first.error).toBeUndefined();
      expect(first.ids).toEqual([]);
      expect(spy.calls).toEqual([]);
      expect(events.find((e) => e.type === 'unstable')).toMatchObject({ reason: expect.stringMatching(/changed while downloading/) });

      const second = await drain(connector.read());
      expect(second.ids).toEqual(file.ids);
      expect(spy.calls).toEqual([{ name: file.name, sha256: sha256(file.content), length: file.content.length }]);
    });

    it('abort during a download stops the read promptly with kind aborted and records nothing', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'abort');
      const files = [bigFile('KOTAK_big.json', 20_000, 1_717_200_000)];
      await writeFiles(server, folder, files);
      const controller = new AbortController();
      const ledger = createMemoryLedgerStore();
      const connector = connectorFor(server, folder, {
        ledger,
        onEvent: (event) => {
          if (event.type === 'download-progress') controller.abort();
        },
      });
      const result = await drain(connector.read({ signal: controller.signal }));
      expect(result.error).toMatchObject({ kind: 'aborted' });
      expect(result.ids).toEqual([]);
      expect(ledger.snapshot()?.entries ?? []).toEqual([]);
      const next = await drain(connector.read());
      expect(next.ids).toEqual(allIds(files));
    });

    it('an unreachable server fails with a retryable network error after a bounded number of attempts', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'unreachable');
      const port = await closedPort();
      const events: SftpEvent[] = [];
      const connector = connectorFor(server, folder, { port, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }, onEvent: (e) => void events.push(e) });
      const result = await drain(connector.read());
      expect(result.error).toMatchObject({ code: 'SFTP_CONNECT_FAILED', kind: 'network', retryable: true });
      expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
      const check = await connector.check();
      expect(check.ok).toBe(false);
    });
  });
}

/** A port on 127.0.0.1 with nothing listening (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
