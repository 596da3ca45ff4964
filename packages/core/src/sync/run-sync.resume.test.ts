import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPagedSource, expectedIds } from './fixtures/paged-connector';
import { failingSink, withoutCursors } from './fixtures/test-sinks';
import { readJsonLines } from './json-lines-format';
import { createJsonLinesSink } from './json-lines-sink';
import { createMemoryCursorStore } from './memory-cursor-store';
import { createMemorySink } from './memory-sink';
import { runSync } from './run-sync';
import type { CursorStore, Sink, SinkBatch, SyncReport } from './types';

/**
 * Crash-resume properties: whatever goes wrong in a run (the sink fails before or after committing,
 * the connector throws, the run is aborted), rerunning ends with the whole dataset in the sink, no
 * gap and (for sinks that keep their cursor) no duplicate.
 */
type Crash = { kind: 'sink'; write: number; when: 'before' | 'after' } | { kind: 'read'; page: number } | { kind: 'abort'; record: number };

const crash: fc.Arbitrary<Crash> = fc.oneof(
  fc.record({ kind: fc.constant('sink' as const), write: fc.integer({ min: 1, max: 8 }), when: fc.constantFrom('before' as const, 'after' as const) }),
  fc.record({ kind: fc.constant('read' as const), page: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constant('abort' as const), record: fc.nat({ max: 30 }) }),
);

const dataset = fc.record({ total: fc.nat({ max: 30 }), pageSize: fc.integer({ min: 1, max: 7 }), invalidEvery: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }) });

interface Setup {
  total: number;
  pageSize: number;
  invalidEvery: number | undefined;
  sink: Sink;
  cursorStore?: CursorStore;
  maxBufferedRecords?: number;
  stream?: string;
}

/** One run that goes wrong as `c` says; returns the batches whose acknowledgement was lost. */
async function crashingRun(c: Crash, s: Setup): Promise<{ report: SyncReport; lostAcks: SinkBatch[] }> {
  const controller = new AbortController();
  const source = createPagedSource({
    total: s.total,
    pageSize: s.pageSize,
    invalidEvery: s.invalidEvery,
    id: s.stream,
    failOnPage: c.kind === 'read' ? (page) => page === c.page : undefined,
    // Aborts while the runner holds records not yet checkpointed.
    beforeRecord: c.kind === 'abort' ? ({ index }) => void (index === c.record && controller.abort()) : undefined,
  });
  const sink = c.kind === 'sink' ? failingSink(s.sink, { failOnWrite: c.write, when: c.when }) : s.sink;
  const report = await runSync({ connector: source.connector, sink, signal: controller.signal, cursorStore: s.cursorStore, maxBufferedRecords: s.maxBufferedRecords });
  return { report, lostAcks: 'lostAcks' in sink ? (sink.lostAcks as SinkBatch[]) : [] };
}

async function cleanRun(s: Setup): Promise<SyncReport> {
  const source = createPagedSource({ total: s.total, pageSize: s.pageSize, invalidEvery: s.invalidEvery, id: s.stream });
  return runSync({ connector: source.connector, sink: s.sink, cursorStore: s.cursorStore, maxBufferedRecords: s.maxBufferedRecords });
}

const rawId = (raw: unknown) => (raw as { txn_id: string }).txn_id;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-resume-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('crash and resume', () => {
  it('memory sink (cursor kept with the records): exactly once after any sequence of crashes', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(crash, { maxLength: 4 }), async (d, crashes) => {
        const sink = createMemorySink();
        const setup = { ...d, sink };
        for (const c of crashes) await crashingRun(c, setup);
        expect((await cleanRun(setup)).status).toBe('completed');

        const expected = expectedIds(d.total, d.invalidEvery);
        expect(sink.records().map((t) => t.txn_id)).toEqual(expected.valid);
        expect(sink.invalid().map((r) => rawId(r.raw))).toEqual(expected.invalid);
      }),
      { numRuns: 300 },
    );
  });

  it('sink without cursors + cursor store: no gap, and duplicates only of batches whose acknowledgement was lost', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(crash, { maxLength: 4 }), async (d, crashes) => {
        const inner = createMemorySink();
        const setup = { ...d, sink: withoutCursors(inner), cursorStore: createMemoryCursorStore() };
        let lostRecords = 0;
        for (const c of crashes) lostRecords += (await crashingRun(c, setup)).lostAcks.reduce((n, b) => n + b.records.length, 0);
        expect((await cleanRun(setup)).status).toBe('completed');

        const ids = inner.records().map((t) => t.txn_id);
        expect([...new Set(ids)]).toEqual(expectedIds(d.total, d.invalidEvery).valid);
        expect(ids.length - new Set(ids).size).toBe(lostRecords);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON-lines sink reused across runs, with buffer flushes between checkpoints: exactly once in the committed file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(dataset, fc.integer({ min: 1, max: 8 }), fc.array(crash, { maxLength: 4 }), async (d, maxBufferedRecords, crashes) => {
        const path = join(dir, `reuse-${n++}.jsonl`);
        const sink = createJsonLinesSink({ path, fsync: false });
        const setup = { ...d, sink, maxBufferedRecords };
        for (const c of crashes) await crashingRun(c, setup);
        expect((await cleanRun(setup)).status).toBe('completed');
        await sink.close();
        if (d.total === 0) return;

        const lines = await readJsonLines(path);
        const expected = expectedIds(d.total, d.invalidEvery);
        expect(lines.flatMap((l) => (l.type === 'record' ? [l.txn.txn_id] : []))).toEqual(expected.valid);
        expect(lines.flatMap((l) => (l.type === 'invalid' ? [rawId(l.raw)] : []))).toEqual(expected.invalid);
        expect(await readJsonLines(path, { includeUncommitted: true })).toEqual(lines);
      }),
      { numRuns: 200 },
    );
  });

  it('JSON-lines file shared by two streams running at once, one crashing: exactly once per stream', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(dataset, dataset, fc.integer({ min: 1, max: 5 }), crash, async (da, db, maxBufferedRecords, c) => {
        const path = join(dir, `shared-${n++}.jsonl`);
        const sink = createJsonLinesSink({ path, fsync: false });
        const a = { ...da, sink, maxBufferedRecords, stream: 'a' };
        const b = { ...db, sink, maxBufferedRecords, stream: 'b' };
        await Promise.all([crashingRun(c, a), cleanRun(b)]);
        expect((await cleanRun(a)).status).toBe('completed');
        await sink.close();
        if (da.total + db.total === 0) return;

        const lines = await readJsonLines(path);
        for (const [stream, d] of [['a', da], ['b', db]] as const) {
          expect(lines.flatMap((l) => (l.type === 'record' && l.stream === stream ? [l.txn.txn_id] : []))).toEqual(expectedIds(d.total, d.invalidEvery).valid);
        }
        expect(await readJsonLines(path, { includeUncommitted: true })).toEqual(lines);
      }),
      { numRuns: 200 },
    );
  });
});
