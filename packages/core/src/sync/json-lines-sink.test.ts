import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createPagedSource, expectedIds, fixtureTxn } from './fixtures/paged-connector';
import { readJsonLines, type JsonLine } from './json-lines-format';
import { createJsonLinesSink } from './json-lines-sink';
import { runSync } from './run-sync';
import type { SinkBatch } from './types';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-jsonl-sink-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const txn = (id: string) => ({ ...fixtureTxn(0), txn_id: id });
const batch = (stream: string, recordIds: string[], cursor?: number): SinkBatch => ({ stream, records: recordIds.map(txn), invalid: [], ...(cursor !== undefined && { cursor: { n: cursor } }) });
const describeLines = (lines: JsonLine[]) => lines.map((l) => (l.type === 'record' ? `${l.stream}:${l.txn.txn_id}` : l.type === 'state' ? `${l.stream}:state:${JSON.stringify(l.cursor)}` : `${l.stream}:invalid`));

describe('createJsonLinesSink', () => {
  it('needs exactly one of path or dir', () => {
    expect(() => createJsonLinesSink({} as never)).toThrow(ConfigError);
    expect(() => createJsonLinesSink({ path: 'a', dir: 'b' } as never)).toThrow(ConfigError);
  });

  it('writes each batch as its lines plus one state line, and a fresh sink resumes from the file', async () => {
    const path = join(dir, 'out.jsonl');
    const sink = createJsonLinesSink({ path });
    const report = await runSync({ connector: createPagedSource({ total: 5, pageSize: 2, invalidEvery: 4 }).connector, sink });
    await sink.close();
    expect(report.status).toBe('completed');

    const text = await readFile(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(describeLines(await readJsonLines(path))).toEqual([
      'fixture:T000000',
      'fixture:T000001',
      'fixture:state:{"offset":2}',
      'fixture:T000002',
      'fixture:invalid',
      'fixture:state:{"offset":4}',
      'fixture:T000004',
      'fixture:state:{"offset":5}',
    ]);
    const invalid = (await readJsonLines(path)).find((l) => l.type === 'invalid');
    expect(invalid).toMatchObject({ raw: { txn_id: 'T000003', amount: '1.5' }, error: { code: 'TXN_INVALID', kind: 'invalid_data' } });

    const reopened = createJsonLinesSink({ path });
    expect(await reopened.loadCursor('fixture')).toEqual({ offset: 5 });
    expect(await reopened.loadCursor('other')).toBeUndefined();
    await reopened.close();
  });

  it('on open, cuts a torn last line and drops lines no state line followed', async () => {
    const path = join(dir, 'out.jsonl');
    const sink = createJsonLinesSink({ path });
    await sink.write(batch('s', ['a', 'b'], 1));
    const committedSize = (await stat(path)).size;
    await sink.write(batch('s', ['c'])); // no cursor: uncommitted
    await sink.close();
    await writeFile(path, (await readFile(path, 'utf8')) + '{"type":"record","stream":"s","tx');

    const reopened = createJsonLinesSink({ path });
    // Asking about another stream opens the file: the repair covers every stream, not only the one asked.
    expect(await reopened.loadCursor('other')).toBeUndefined();
    expect((await stat(path)).size).toBe(committedSize);
    expect(await reopened.loadCursor('s')).toEqual({ n: 1 });
    expect(describeLines(await readJsonLines(path, { includeUncommitted: true }))).toEqual(['s:a', 's:b', 's:state:{"n":1}']);
    await reopened.write(batch('s', ['c'], 2));
    await reopened.close();
    expect(describeLines(await readJsonLines(path))).toEqual(['s:a', 's:b', 's:state:{"n":1}', 's:c', 's:state:{"n":2}']);
  });

  it('loadCursor discards the stream’s uncommitted lines of an earlier run on the same instance', async () => {
    const path = join(dir, 'out.jsonl');
    const sink = createJsonLinesSink({ path });
    await sink.write(batch('s', ['a'], 1));
    await sink.write(batch('s', ['b']));
    expect(await sink.loadCursor('s')).toEqual({ n: 1 });
    await sink.write(batch('s', ['b'], 2));
    await sink.close();
    expect(describeLines(await readJsonLines(path, { includeUncommitted: true }))).toEqual(['s:a', 's:state:{"n":1}', 's:b', 's:state:{"n":2}']);
  });

  it('removes only the asked stream’s uncommitted lines when streams interleave, keeping the others', async () => {
    const path = join(dir, 'shared.jsonl');
    const sink = createJsonLinesSink({ path });
    await sink.write(batch('a', ['a1'], 1));
    await sink.write(batch('a', ['a2'])); // a: uncommitted
    await sink.write(batch('b', ['b1'], 1)); // b: committed, after a's uncommitted line
    await sink.write(batch('b', ['b2'])); // b: uncommitted (b is "still running")

    expect(await sink.loadCursor('a')).toEqual({ n: 1 });
    expect(describeLines(await readJsonLines(path, { includeUncommitted: true }))).toEqual(['a:a1', 'a:state:{"n":1}', 'b:b1', 'b:state:{"n":1}', 'b:b2']);
    // b's open batch is intact and still commits with b's next checkpoint.
    await sink.write(batch('b', ['b3'], 2));
    await sink.write(batch('a', ['a2'], 2));
    await sink.close();
    expect(describeLines(await readJsonLines(path))).toEqual(['a:a1', 'a:state:{"n":1}', 'b:b1', 'b:state:{"n":1}', 'b:b2', 'b:b3', 'b:state:{"n":2}', 'a:a2', 'a:state:{"n":2}']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a file damaged in the middle, and leaves it as it is', async () => {
    const path = join(dir, 'out.jsonl');
    const damaged = '{"type":"state","stream":"s","cursor":1}\nGARBAGE\n{"type":"state","stream":"s","cursor":2}\n';
    await writeFile(path, damaged);
    const sink = createJsonLinesSink({ path });
    await expect(sink.loadCursor('s')).rejects.toMatchObject({ code: 'SINK_FILE_CORRUPT', details: { offset: 41 } });
    await expect(sink.write(batch('s', ['x'], 3))).rejects.toMatchObject({ code: 'SINK_FILE_CORRUPT' });
    expect(await readFile(path, 'utf8')).toBe(damaged);
  });

  it('with dir, keeps one file per stream under a safe file name', async () => {
    const sink = createJsonLinesSink({ dir: join(dir, 'nested') });
    await sink.write(batch('sftp:kotak', ['k1'], 1));
    await sink.write(batch('hdfc', ['h1'], 7));
    expect(sink.pathFor('sftp:kotak')).toBe(join(dir, 'nested', 'sftp%3Akotak.jsonl'));
    expect((await readdir(join(dir, 'nested'))).sort()).toEqual(['hdfc.jsonl', 'sftp%3Akotak.jsonl']);
    expect(describeLines(await readJsonLines(sink.pathFor('hdfc')))).toEqual(['hdfc:h1', 'hdfc:state:{"n":7}']);
    await sink.close();
    await expect(sink.write(batch('hdfc', ['h2'], 8))).rejects.toMatchObject({ code: 'SINK_CLOSED' });
  });

  it('model check: after random batches on two streams and a cut at any byte, reopening keeps exactly the committed batches', async () => {
    const op = fc.record({ stream: fc.constantFrom('a', 'b'), size: fc.nat({ max: 3 }), checkpoint: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.nat(), async (ops, cutSeed) => {
        const path = join(dir, `model-${Math.random().toString(36).slice(2)}.jsonl`);
        const sink = createJsonLinesSink({ path, fsync: false });
        const ends: number[] = [];
        let id = 0;
        const batches = ops.map((o, i) => batch(o.stream, Array.from({ length: o.size }, () => `${o.stream}${id++}`), o.checkpoint ? i : undefined));
        for (const b of batches) {
          await sink.write(b);
          ends.push((await stat(path).catch(() => ({ size: 0 }))).size);
        }
        await sink.close();
        const size = ends.at(-1) ?? 0;
        const cut = cutSeed % (size + 1);
        if (size > 0) await truncate(path, cut);

        // The model: a batch survives if all its bytes do; a stream keeps its batches up to its last surviving checkpoint.
        const expected: string[] = [];
        const lastCheckpoint = new Map<string, number>();
        batches.forEach((b, i) => {
          if ((ends[i] ?? 0) <= cut && b.cursor !== undefined) lastCheckpoint.set(b.stream, i);
        });
        batches.forEach((b, i) => {
          if (i > (lastCheckpoint.get(b.stream) ?? -1)) return;
          expected.push(...b.records.map((r) => `${b.stream}:${r.txn_id}`));
          if (b.cursor !== undefined) expected.push(`${b.stream}:state:${JSON.stringify(b.cursor)}`);
        });

        const reopened = createJsonLinesSink({ path, fsync: false });
        for (const stream of ['a', 'b']) {
          const last = lastCheckpoint.get(stream);
          expect(await reopened.loadCursor(stream)).toEqual(last === undefined ? undefined : { n: last });
        }
        await reopened.close();
        if (size === 0) return;
        expect(describeLines(await readJsonLines(path, { includeUncommitted: true }))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('resumes a run cut at any byte with every record exactly once', async () => {
    const total = 23;
    const path = join(dir, 'full.jsonl');
    const full = createJsonLinesSink({ path });
    await runSync({ connector: createPagedSource({ total, pageSize: 4, invalidEvery: 5 }).connector, sink: full, maxBufferedRecords: 3 });
    await full.close();
    const bytes = await readFile(path);
    const expected = expectedIds(total, 5);

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length }), async (cut) => {
        const copy = join(dir, `cut-${cut}.jsonl`);
        await writeFile(copy, bytes.subarray(0, cut));
        const sink = createJsonLinesSink({ path: copy, fsync: false });
        const report = await runSync({ connector: createPagedSource({ total, pageSize: 4, invalidEvery: 5 }).connector, sink, maxBufferedRecords: 3 });
        await sink.close();
        expect(report.status).toBe('completed');
        const lines = await readJsonLines(copy, { includeUncommitted: true });
        expect(lines).toEqual(await readJsonLines(copy));
        expect(lines.flatMap((l) => (l.type === 'record' ? [l.txn.txn_id] : []))).toEqual(expected.valid);
        expect(lines.flatMap((l) => (l.type === 'invalid' ? [(l.raw as { txn_id: string }).txn_id] : []))).toEqual(expected.invalid);
        await rm(copy);
      }),
      { numRuns: 120 },
    );
  });
});
