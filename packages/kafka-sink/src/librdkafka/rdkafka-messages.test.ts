import { describe, expect, it } from 'vitest';
import { fromRdKafkaMessage, headerConverter, toRdKafkaHeaders, toRdKafkaValue } from './rdkafka-messages';

describe('librdkafka message conversion', () => {
  it('turns the header record into the binding list, keeping every header', () => {
    expect(toRdKafkaHeaders({ 'recon-source': 'hdfc', 'content-type': 'application/json' })).toEqual([{ 'recon-source': 'hdfc' }, { 'content-type': 'application/json' }]);
    expect(toRdKafkaHeaders({})).toBeUndefined();
    expect(toRdKafkaHeaders(undefined)).toBeUndefined();
  });

  it('converts a stream of header records like toRdKafkaHeaders, reusing the entries whose value repeats', () => {
    const convert = headerConverter();
    const first = { 'recon-source': 'hdfc', 'recon-txn-id': 'T1', 'recon-stream': 's' };
    const second = { 'recon-source': 'hdfc', 'recon-txn-id': 'T2', 'recon-stream': 's' };
    const third = { 'recon-source': 'icici', 'recon-txn-id': 'T3' };
    const a = convert(first);
    const b = convert(second);
    const c = convert(third);
    expect([a, b, c]).toEqual([toRdKafkaHeaders(first), toRdKafkaHeaders(second), toRdKafkaHeaders(third)]);
    expect(b?.[0]).toBe(a?.[0]); // same source: the same entry object
    expect(b?.[1]).not.toBe(a?.[1]);
    expect(a?.[1]).toEqual({ 'recon-txn-id': 'T1' }); // an earlier list is never changed afterwards
    expect(convert({})).toBeUndefined();
    expect(convert(undefined)).toBeUndefined();
  });

  it('keeps converting correctly past the number of header names it remembers', () => {
    const convert = headerConverter();
    for (let i = 0; i < 200; i++) expect(convert({ [`h${i}`]: String(i), fixed: 'v' })).toEqual([{ [`h${i}`]: String(i) }, { fixed: 'v' }]);
  });

  it('sends string values as UTF-8 bytes and keeps tombstones null', () => {
    expect(toRdKafkaValue('₹ 10.00')).toEqual(Buffer.from('₹ 10.00', 'utf8'));
    const bytes = Buffer.from([0, 1, 2]);
    expect(toRdKafkaValue(bytes)).toBe(bytes);
    expect(toRdKafkaValue(null)).toBeNull();
  });

  it('reads a consumed message: offsets and timestamps as strings, header bytes as UTF-8, last repeated header wins', () => {
    const incoming = fromRdKafkaMessage({
      topic: 't',
      partition: 2,
      offset: 41,
      key: 'k',
      value: Buffer.from('{"a":1}'),
      timestamp: 1_700_000_000_000,
      headers: [{ 'recon-txn-id': Buffer.from('txn-1') }, { n: Buffer.from('1') }, { n: Buffer.from('2') }],
    });
    expect(incoming).toEqual({
      topic: 't',
      partition: 2,
      offset: '41',
      key: Buffer.from('k'),
      value: Buffer.from('{"a":1}'),
      headers: { 'recon-txn-id': 'txn-1', n: '2' },
      timestamp: '1700000000000',
    });
    expect(fromRdKafkaMessage({ topic: 't', partition: 0, offset: 0, value: null })).toMatchObject({ key: null, value: null, headers: {}, timestamp: '-1' });
  });
});
