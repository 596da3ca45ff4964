import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLinesSink, readJsonLines, runSync, type Sink } from '@recon/core';
import { sftp } from '../connector/sftp-connector';
import { createFileLedgerStore } from '../ledger/file-ledger-store';
import { allIds, invalidCount, statementFiles } from './statement-files.test-helper';
import { baseConfig, testFolder, writeFiles, type SuiteContext } from './suite-context.test-helper';

const REPO = resolve(import.meta.dirname, '../../../..');
const CHILD = join(import.meta.dirname, 'restart-child.test-helper.ts');
const STREAM = 'sftp:kotak';

/** Committed ids in the sink file, in order (uncommitted lines after the last checkpoint excluded). */
async function committedIds(path: string): Promise<{ ids: string[]; invalid: number }> {
  const lines = await readJsonLines(path);
  return { ids: lines.flatMap((l) => (l.type === 'record' ? [l.txn.txn_id] : [])), invalid: lines.filter((l) => l.type === 'invalid').length };
}

/** Run the child until it reports it stopped at the chosen point, then SIGKILL it. */
async function runChildUntilKilled(input: object): Promise<string> {
  // node itself with tsx as a loader (not the tsx CLI, which runs node as a grandchild that a
  // SIGKILL of the CLI would leave running).
  const child = spawn(process.execPath, ['--conditions=@recon/source', '--import', 'tsx', CHILD], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RECON_RESTART_CHILD_INPUT: JSON.stringify(input) },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('STOPPED')) done();
    });
    child.once('exit', (code) => fail(new Error(`the child exited (${code}) before its stop point:\n${out}\n${err}`)));
  });
  child.kill('SIGKILL');
  await exited;
  return out;
}

/** Restart in the middle of a batch: no file processed twice, none skipped. */
export function describeRestarts(ctx: SuiteContext): void {
  describe('restart in the middle of a batch (runSync + JSON-lines sink + file ledger)', () => {
    const dirs: string[] = [];
    afterEach(async () => {
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    });

    async function setUp(name: string) {
      const server = ctx.server();
      const folder = await testFolder(server, name);
      const files = statementFiles({ count: 4, corrupt: true });
      await writeFiles(server, folder, files);
      const dir = await mkdtemp(join(tmpdir(), 'recon-sftp-restart-'));
      dirs.push(dir);
      const ledgerPath = join(dir, 'ledger.json');
      const sinkPath = join(dir, 'kotak.jsonl');
      const config = baseConfig(server, folder, { ledger: ledgerPath, afterProcessing: 'archive', archiveDir: `${folder.remote}/archive`, source: 'sftp:kotak' });
      return { server, folder, files, ledgerPath, sinkPath, config };
    }

    /** The end state every scenario must reach: every file once in the ledger, every record once in the sink. */
    async function expectExactlyOnce(setup: Awaited<ReturnType<typeof setUp>>) {
      const sink = createJsonLinesSink({ path: setup.sinkPath });
      const report = await runSync({ connector: sftp(setup.config), sink, stream: STREAM });
      await sink.close();
      expect(report.status).toBe('completed');
      const stored = await committedIds(setup.sinkPath);
      expect(stored.ids).toEqual(allIds(setup.files));
      expect(stored.invalid).toBe(invalidCount(setup.files));
      const ledger = await createFileLedgerStore(setup.ledgerPath).load();
      expect(ledger?.entries.map((e) => e.name)).toEqual(setup.files.map((f) => f.name));
      expect(ledger?.entries.every((e) => e.disposition.done)).toBe(true);
      return report;
    }

    it('a sink failure mid-batch: the failed file is read again, the acknowledged ones are not', async () => {
      const setup = await setUp('restart-sink-fails');
      const inner = createJsonLinesSink({ path: setup.sinkPath });
      let writes = 0;
      const failing: Sink = {
        name: 'fails-on-third',
        loadCursor: (stream) => inner.loadCursor(stream),
        async write(batch) {
          if (++writes === 3) throw new Error('disk full');
          await inner.write(batch);
        },
      };
      const first = await runSync({ connector: sftp(setup.config), sink: failing, stream: STREAM });
      await inner.close();
      expect(first.status).toBe('failed');
      expect(first.failedAt).toBe('write');
      expect(first.checkpoints).toBe(2);
      expect((await createFileLedgerStore(setup.ledgerPath).load())?.entries).toHaveLength(2);

      const second = await expectExactlyOnce(setup);
      expect(second.checkpoints).toBe(3);
    });

    it('stopped right after the sink acknowledged, before the ledger was saved: the cursor rolls the ledger forward, the file is not read again', async () => {
      const setup = await setUp('restart-after-ack');
      const inner = createJsonLinesSink({ path: setup.sinkPath });
      const controller = new AbortController();
      let writes = 0;
      const stopping: Sink = {
        name: 'stops-after-second',
        loadCursor: (stream) => inner.loadCursor(stream),
        async write(batch) {
          await inner.write(batch);
          if (++writes === 2) controller.abort();
        },
      };
      const first = await runSync({ connector: sftp(setup.config), sink: stopping, stream: STREAM, signal: controller.signal });
      await inner.close();
      expect(first.status).toBe('aborted');
      expect(first.checkpoints).toBe(2);
      // The ledger lags the sink by exactly the file whose checkpoint was the last thing done.
      expect((await createFileLedgerStore(setup.ledgerPath).load())?.entries).toHaveLength(1);

      const second = await expectExactlyOnce(setup);
      // Files 3, 4 and the corrupt one; file 2 was rolled forward, not read again.
      expect(second.checkpoints).toBe(3);
    });

    for (const when of ['before-ack', 'after-ack'] as const) {
      it(`a process killed (SIGKILL) ${when === 'before-ack' ? 'while the sink was writing' : 'right after the sink acknowledged'} batch 3 resumes with no file twice and none skipped`, async () => {
        const setup = await setUp(`restart-kill-${when}`);
        const out = await runChildUntilKilled({ config: setup.config, sinkPath: setup.sinkPath, stream: STREAM, stopAt: { batch: 3, when } });
        expect(out).toContain(`STOPPED 3 ${when}`);
        const before = await committedIds(setup.sinkPath);
        const acknowledged = when === 'before-ack' ? 2 : 3;
        expect(before.ids).toEqual(allIds(setup.files.slice(0, acknowledged)));
        const report = await expectExactlyOnce(setup);
        expect(report.checkpoints).toBe(setup.files.length - acknowledged);
      }, 60_000);
    }
  });
}
