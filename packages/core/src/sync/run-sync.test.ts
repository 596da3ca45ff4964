import { describe, expect, it, vi } from 'vitest';
import { ConfigError, InvalidDataError, ReconError, UpstreamError } from '../errors';
import { createPagedSource, deferred, expectedIds, fixtureTxn, txnId } from './fixtures/paged-connector';
import { captureLogger, failingSink, withoutCursors } from './fixtures/test-sinks';
import { createMemoryCursorStore } from './memory-cursor-store';
import { createMemorySink } from './memory-sink';
import { runSync } from './run-sync';
import type { CursorStore, Sink } from './types';

const ids = (txns: { txn_id: string }[]) => txns.map((t) => t.txn_id);

describe('runSync: batching and checkpoints', () => {
  it('hands records to the sink in batches that end at each checkpoint', async () => {
    const { connector } = createPagedSource({ total: 10, pageSize: 4 });
    const sink = createMemorySink();
    const report = await runSync({ connector, sink });

    expect(sink.batches.map((b) => ({ ids: ids(b.records), cursor: b.cursor }))).toEqual([
      { ids: [txnId(0), txnId(1), txnId(2), txnId(3)], cursor: { offset: 4 } },
      { ids: [txnId(4), txnId(5), txnId(6), txnId(7)], cursor: { offset: 8 } },
      { ids: [txnId(8), txnId(9)], cursor: { offset: 10 } },
    ]);
    expect(sink.batches.every((b) => b.stream === 'fixture')).toBe(true);
    const byStatus: Record<string, number> = {};
    for (let i = 0; i < 10; i++) byStatus[fixtureTxn(i).status] = (byStatus[fixtureTxn(i).status] ?? 0) + 1;
    expect(report).toMatchObject({ status: 'completed', stream: 'fixture', records: 10, invalid: 0, batches: 3, checkpoints: 3, unacknowledged: 0, cursor: { offset: 10 }, byStatus });
    expect(report.resumedFrom).toBeUndefined();
    expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
  });

  it('resumes from the cursor the sink keeps, and passes from/to through', async () => {
    const first = createPagedSource({ total: 6, pageSize: 4 });
    const sink = createMemorySink();
    await runSync({ connector: first.connector, sink, from: '2024-01-01', to: '2024-02-01' });
    expect(first.stats.windows).toEqual([{ from: '2024-01-01', to: '2024-02-01' }]);

    const second = createPagedSource({ total: 9, pageSize: 4 });
    const report = await runSync({ connector: second.connector, sink });
    expect(second.stats.startOffsets).toEqual([6]);
    expect(report).toMatchObject({ status: 'completed', resumedFrom: { offset: 6 }, cursor: { offset: 9 }, records: 3 });
    expect(ids(sink.records())).toEqual(expectedIds(9).valid);
  });

  it('keeps the cursor in the cursor store when the sink does not keep it', async () => {
    const inner = createMemorySink();
    const store = createMemoryCursorStore();
    await runSync({ connector: createPagedSource({ total: 5, pageSize: 2 }).connector, sink: withoutCursors(inner), cursorStore: store });
    expect(store.snapshot()).toEqual({ fixture: { offset: 5 } });

    const again = createPagedSource({ total: 7, pageSize: 2 });
    const report = await runSync({ connector: again.connector, sink: withoutCursors(inner), cursorStore: store });
    expect(again.stats.startOffsets).toEqual([5]);
    expect(report.records).toBe(2);
    expect(ids(inner.records())).toEqual(expectedIds(7).valid);
  });

  it('trusts the sink over a cursor store when the sink keeps cursors', async () => {
    const store = createMemoryCursorStore({ fixture: { offset: 3 } });
    const sink = createMemorySink();
    const { connector, stats } = createPagedSource({ total: 4, pageSize: 2 });
    await runSync({ connector, sink, cursorStore: store });
    expect(stats.startOffsets).toEqual([0]);
    expect(store.snapshot()).toEqual({ fixture: { offset: 3 } });
  });

  it('uses the given stream name for batches and cursors', async () => {
    const sink = createMemorySink();
    const report = await runSync({ connector: createPagedSource({ total: 2, pageSize: 2 }).connector, sink, stream: 'sftp:kotak' });
    expect(report.stream).toBe('sftp:kotak');
    expect(sink.cursor('sftp:kotak')).toEqual({ offset: 2 });
    expect(sink.cursor('fixture')).toBeUndefined();
  });
});

describe('runSync: cursor only after the acknowledgement', () => {
  it('does not save the cursor while the write is pending', async () => {
    const store = createMemoryCursorStore();
    const writeStarted = deferred();
    const release = deferred();
    const inner = createMemorySink();
    const gated: Sink = {
      name: 'gated',
      async write(batch) {
        writeStarted.resolve();
        await release.promise;
        await inner.write(batch);
      },
    };
    const running = runSync({ connector: createPagedSource({ total: 3, pageSize: 3 }).connector, sink: gated, cursorStore: store });
    await writeStarted.promise;
    expect(await store.load('fixture')).toBeUndefined();
    release.resolve();
    const report = await running;
    expect(report.status).toBe('completed');
    expect(await store.load('fixture')).toEqual({ offset: 3 });
  });

  it('leaves the cursor store unchanged for a write that rejects, and reports the error as thrown', async () => {
    const store = createMemoryCursorStore();
    const inner = createMemorySink();
    const error = new UpstreamError('broker unavailable', { code: 'SINK_DOWN' });
    const sink = failingSink(withoutCursors(inner), { failOnWrite: 2, when: 'before', error });
    const report = await runSync({ connector: createPagedSource({ total: 10, pageSize: 4 }).connector, sink, cursorStore: store });

    expect(report.status).toBe('failed');
    if (report.status !== 'failed') return;
    expect(report.error).toBe(error);
    expect(report.failedAt).toBe('write');
    expect(store.snapshot()).toEqual({ fixture: { offset: 4 } });
    expect(report).toMatchObject({ records: 4, batches: 1, checkpoints: 1, cursor: { offset: 4 }, unacknowledged: 4 });
  });

  it('wraps a non-Recon sink error with a stable code and keeps it as cause', async () => {
    const cause = new Error('EACCES: permission denied');
    const sink = failingSink(createMemorySink(), { failOnWrite: 1, when: 'before', error: cause });
    const report = await runSync({ connector: createPagedSource({ total: 2, pageSize: 2 }).connector, sink });
    expect(report.status).toBe('failed');
    expect(report.error).toBeInstanceOf(ReconError);
    expect(report.error?.code).toBe('SINK_WRITE_FAILED');
    expect(report.error?.message).toContain('EACCES');
    expect(report.error?.cause).toBe(cause);
  });

  it('reports a failed cursor save after the batch was acknowledged', async () => {
    const inner = createMemorySink();
    const store: CursorStore = {
      load: async () => undefined,
      save: async () => {
        throw new Error('disk full');
      },
    };
    const report = await runSync({ connector: createPagedSource({ total: 4, pageSize: 2 }).connector, sink: withoutCursors(inner), cursorStore: store });
    expect(report).toMatchObject({ status: 'failed', failedAt: 'save-cursor', records: 2, batches: 1, checkpoints: 0, unacknowledged: 0 });
    expect(report.cursor).toBeUndefined();
    expect(report.error?.code).toBe('CURSOR_SAVE_FAILED');
  });

  it('reports a cursor that cannot be loaded without reading anything', async () => {
    const { connector, stats } = createPagedSource({ total: 4, pageSize: 2 });
    const store: CursorStore = {
      load: async () => {
        throw new Error('unreadable');
      },
      save: async () => undefined,
    };
    const report = await runSync({ connector, sink: withoutCursors(createMemorySink()), cursorStore: store });
    expect(report).toMatchObject({ status: 'failed', failedAt: 'load-cursor' });
    expect(report.error?.code).toBe('CURSOR_LOAD_FAILED');
    expect(stats.reads).toBe(0);
  });
});

describe('runSync: invalid records and connector errors', () => {
  it('passes invalid records to the sink with their raw payload and error', async () => {
    const sink = createMemorySink();
    const report = await runSync({ connector: createPagedSource({ total: 9, pageSize: 4, invalidEvery: 3 }).connector, sink });
    const expected = expectedIds(9, 3);

    expect(ids(sink.records())).toEqual(expected.valid);
    expect(sink.invalid().map((r) => (r.raw as { txn_id: string }).txn_id)).toEqual(expected.invalid);
    for (const record of sink.invalid()) {
      expect(record.stream).toBe('fixture');
      expect(record.error).toBeInstanceOf(InvalidDataError);
      expect(record.error.issues.map((i) => i.path.join('.'))).toContain('amount');
      expect(record.raw).toMatchObject({ amount: '1.5' });
    }
    expect(report).toMatchObject({ records: expected.valid.length, invalid: expected.invalid.length });
  });

  it('stops at a connector error, keeps what was acknowledged, and a rerun completes without gap or duplicate', async () => {
    const sink = createMemorySink();
    const failing = createPagedSource({ total: 10, pageSize: 3, failOnPage: (page) => page === 2 });
    const report = await runSync({ connector: failing.connector, sink });

    expect(report.status).toBe('failed');
    if (report.status !== 'failed') return;
    expect(report.failedAt).toBe('read');
    expect(report.error).toBeInstanceOf(UpstreamError);
    expect(report.error.code).toBe('FIXTURE_PAGE_FAILED');
    expect(report).toMatchObject({ records: 6, checkpoints: 2, cursor: { offset: 6 } });

    const rerun = await runSync({ connector: createPagedSource({ total: 10, pageSize: 3 }).connector, sink });
    expect(rerun).toMatchObject({ status: 'completed', resumedFrom: { offset: 6 }, records: 4 });
    expect(ids(sink.records())).toEqual(expectedIds(10).valid);
  });

  it('turns a bad maxBufferedRecords into a failed report, reading nothing', async () => {
    const { connector, stats } = createPagedSource({ total: 2, pageSize: 2 });
    const report = await runSync({ connector, sink: createMemorySink(), maxBufferedRecords: 0 });
    expect(report).toMatchObject({ status: 'failed', failedAt: 'setup' });
    expect(report.error).toBeInstanceOf(ConfigError);
    expect(stats.reads).toBe(0);
  });
});

describe('runSync: buffering', () => {
  it('writes without a cursor when no checkpoint comes within maxBufferedRecords, and warns', async () => {
    const sink = createMemorySink();
    const logger = captureLogger();
    const report = await runSync({ connector: createPagedSource({ total: 10, pageSize: 10 }).connector, sink, maxBufferedRecords: 3, logger });

    expect(sink.batches.map((b) => [b.records.length, b.cursor])).toEqual([
      [3, undefined],
      [3, undefined],
      [3, undefined],
      [1, { offset: 10 }],
    ]);
    expect(ids(sink.records())).toEqual(expectedIds(10).valid);
    expect(report).toMatchObject({ batches: 4, checkpoints: 1 });
    expect(logger.lines.filter((l) => l.level === 'warn' && l.msg?.includes('maxBufferedRecords'))).toHaveLength(3);
  });

  it('writes records that follow the last checkpoint at the end, without a cursor', async () => {
    const sink = createMemorySink();
    const logger = captureLogger();
    const report = await runSync({ connector: createPagedSource({ total: 5, pageSize: 2, noCheckpoints: true }).connector, sink, logger });
    expect(sink.batches).toHaveLength(1);
    expect(sink.batches[0]?.cursor).toBeUndefined();
    expect(report).toMatchObject({ status: 'completed', records: 5, checkpoints: 0 });
    expect(report.cursor).toBeUndefined();
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg?.includes('after its last checkpoint'))).toBe(true);
  });
});

describe('runSync: abort', () => {
  it('stops at the next message, drops records after the last checkpoint, and a rerun completes exactly', async () => {
    const controller = new AbortController();
    const sink = createMemorySink();
    const source = createPagedSource({
      total: 12,
      pageSize: 3,
      beforePage: async ({ pageInRead }) => {
        if (pageInRead === 2) controller.abort(); // mid-run, after two acknowledged checkpoints
      },
    });
    const report = await runSync({ connector: source.connector, sink, signal: controller.signal });

    expect(report).toMatchObject({ status: 'aborted', records: 6, checkpoints: 2, cursor: { offset: 6 }, unacknowledged: 0 });
    expect(report.error).toBeUndefined();
    expect(ids(sink.records())).toEqual(expectedIds(6).valid);
    await vi.waitFor(() => expect(source.stats.active).toBe(0)); // the generator gets closed, its finally runs

    const rerun = await runSync({ connector: createPagedSource({ total: 12, pageSize: 3 }).connector, sink });
    expect(rerun.status).toBe('completed');
    expect(ids(sink.records())).toEqual(expectedIds(12).valid);
  });

  it('returns on abort even when the connector ignores the signal, and closes it once it moves', async () => {
    const controller = new AbortController();
    const stuck = deferred();
    const source = createPagedSource({ total: 6, pageSize: 3, beforePage: ({ pageInRead }) => (pageInRead === 1 ? stuck.promise : Promise.resolve()) });
    const sink = createMemorySink();
    const running = runSync({ connector: source.connector, sink, signal: controller.signal });
    await vi.waitFor(() => expect(sink.batches).toHaveLength(1));
    controller.abort();

    const report = await running;
    expect(report).toMatchObject({ status: 'aborted', records: 3, cursor: { offset: 3 } });
    expect(source.stats.active).toBe(1);
    stuck.resolve();
    await vi.waitFor(() => expect(source.stats.active).toBe(0));
    expect(sink.batches).toHaveLength(1);
  });

  it('reads nothing when the signal is already aborted', async () => {
    const { connector, stats } = createPagedSource({ total: 3, pageSize: 3 });
    const report = await runSync({ connector, sink: createMemorySink(), signal: AbortSignal.abort() });
    expect(report.status).toBe('aborted');
    expect(stats.reads).toBe(0);
  });

  it('reports aborted, not failed, when the connector throws because of the abort', async () => {
    const controller = new AbortController();
    const source = createPagedSource({
      total: 6,
      pageSize: 3,
      beforePage: async ({ pageInRead, signal }) => {
        if (pageInRead !== 1) return;
        controller.abort();
        signal?.throwIfAborted();
      },
    });
    // Without the race the runner would see the throw first; with it, abort wins either way.
    const report = await runSync({ connector: source.connector, sink: createMemorySink(), signal: controller.signal });
    expect(report).toMatchObject({ status: 'aborted', records: 3 });
  });
});
