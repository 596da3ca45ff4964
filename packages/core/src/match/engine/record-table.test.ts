import { describe, expect, it } from 'vitest';
import { txn } from '../fixtures.test-helper';
import { dayOf, instantOf } from './dates';
import { buildRecordTable } from './record-table';

describe('buildRecordTable: narrow columns', () => {
  it('keeps amounts, fees and taxes in 32 bits while they fit, and reads them back exactly', () => {
    const { table } = buildRecordTable([
      txn({ txn_id: 'a', source: 's', amount: '42949672.95', fee: '1.50', tax: '0.27' }), // 2^32 − 1 paise
      txn({ txn_id: 'b', source: 's', amount: '0.01', direction: 'DEBIT' }),
    ]);
    expect(table.amount).toBeInstanceOf(Uint32Array);
    expect([table.amount[0], table.fee[0], table.tax[0]]).toEqual([4294967295, 150, 27]);
    expect(table.signed(1)).toBe(-1);
  });

  it('moves to 64-bit columns at the first value past 2^32 − 1, keeping the values read before it', () => {
    const { table } = buildRecordTable([
      txn({ txn_id: 'a', source: 's', amount: '12.34', fee: '0.56', tax: '0.07' }),
      txn({ txn_id: 'b', source: 's', amount: '42949672.96' }), // 2^32 paise
      txn({ txn_id: 'c', source: 's', amount: '1.00', fee: '99999999999.99' }),
    ]);
    expect(table.amount).toBeInstanceOf(Float64Array);
    expect(Array.from(table.amount as ArrayLike<number>)).toEqual([1234, 4294967296, 100]);
    expect(Array.from(table.fee as ArrayLike<number>)).toEqual([56, 0, 9999999999999]);
    expect(Array.from(table.tax as ArrayLike<number>)).toEqual([7, 0, 0]);
  });

  it('gives every timestamp its exact instant, at any offset and fraction', () => {
    const stamps = ['2024-04-01T10:15:30+05:30', '2024-04-01T00:00:00.999Z', '2024-03-31T23:59:59.5-14:00', '1969-12-31T23:59:59+14:00', '2024-04-01T99:99:99+99:99', '2024-04-01T99:99:99.999-99:99'];
    const { table, rejected } = buildRecordTable(stamps.map((timestamp, k) => txn({ txn_id: `t${k}`, source: 's', timestamp })));
    expect(rejected).toHaveLength(0);
    expect(stamps.map((_, k) => table.instant(k))).toEqual(stamps.map(instantOf));
  });

  it('numbers sources in one byte up to 256 of them, and in four past that', () => {
    const few = buildRecordTable([txn({ txn_id: 'a', source: 'x' }), txn({ txn_id: 'b', source: 'y' })]).table;
    expect(few.sourceId).toBeInstanceOf(Uint8Array);
    const records = Array.from({ length: 300 }, (_, k) => txn({ txn_id: 't', source: `src_${k}` }));
    const { table } = buildRecordTable(records);
    expect(table.sourceId).toBeInstanceOf(Int32Array);
    expect(records.map((_, k) => table.sources[table.sourceId[k]!])).toEqual(records.map((r) => r.source));
  });

  it('reads value dates back exactly, near their timestamp or a century away', () => {
    const dates = [undefined, '2024-04-01', '2024-03-29', '2124-04-01', '1901-01-01'];
    const records = dates.map((value_date, k) => txn({ txn_id: `v${k}`, source: 's', timestamp: '2024-04-01T23:30:00-02:00', ...(value_date && { value_date }) }));
    const { table } = buildRecordTable(records);
    expect(dates.map((_, k) => table.day(k, 'value_date'))).toEqual(dates.map((d) => dayOf(d ?? '2024-04-01')));
    expect(table.day(0, 'timestamp')).toBe(dayOf('2024-04-01'));
  });
});

