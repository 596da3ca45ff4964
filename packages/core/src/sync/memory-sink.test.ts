import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../errors';
import { fixtureTxn } from './fixtures/paged-connector';
import { createMemorySink } from './memory-sink';

describe('createMemorySink', () => {
  it('records batches, records, invalid records and the cursor of each stream', async () => {
    const sink = createMemorySink({ name: 'mem' });
    const error = new InvalidDataError('bad', { issues: [] });
    await sink.write({ stream: 'a', records: [fixtureTxn(0)], invalid: [{ stream: 'a', raw: { x: 1 }, error }], cursor: { n: 1 } });
    await sink.write({ stream: 'b', records: [fixtureTxn(1)], invalid: [] });
    await sink.write({ stream: 'a', records: [fixtureTxn(2)], invalid: [], cursor: { n: 2 } });

    expect(sink.name).toBe('mem');
    expect(sink.batches.map((b) => [b.stream, b.records.length, b.cursor])).toEqual([
      ['a', 1, { n: 1 }],
      ['b', 1, undefined],
      ['a', 1, { n: 2 }],
    ]);
    expect(sink.records('a').map((t) => t.txn_id)).toEqual(['T000000', 'T000002']);
    expect(sink.records().map((t) => t.txn_id)).toEqual(['T000000', 'T000001', 'T000002']);
    expect(sink.invalid()).toEqual([{ stream: 'a', raw: { x: 1 }, error }]);
    expect(sink.invalid('b')).toEqual([]);
    expect(await sink.loadCursor('a')).toEqual({ n: 2 });
    expect(sink.cursor('b')).toBeUndefined();
  });

  it('de-duplicates nothing and is not changed by the caller reusing its arrays', async () => {
    const sink = createMemorySink();
    const records = [fixtureTxn(0)];
    await sink.write({ stream: 'a', records, invalid: [] });
    await sink.write({ stream: 'a', records, invalid: [] });
    records.length = 0;
    expect(sink.records().map((t) => t.txn_id)).toEqual(['T000000', 'T000000']);
  });

  it('refuses writes once closed', async () => {
    const sink = createMemorySink();
    await sink.close();
    expect(sink.closed).toBe(true);
    await expect(sink.write({ stream: 'a', records: [], invalid: [] })).rejects.toMatchObject({ code: 'SINK_CLOSED' });
  });
});
