import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { FIELD_PATHS } from '../config/field-paths';
import { buildRecordTable } from '../engine/record-table';
import { reconcile } from '../engine/reconcile';
import { exportJson } from '../export/json';
import { TransactionStore } from './transaction-store';

const TIMESTAMPS = [
  '2024-04-01T10:15:30+05:30',
  '2024-04-01T23:59:59Z',
  '2024-02-29T00:00:00-03:00',
  '2023-02-29T00:00:00+05:30', // not a date: kept as text
  '2024-04-01T24:00:00+05:30', // not a time: kept as text
  '2024-04-01T10:15:30.250+05:30', // fractions: kept as text
  '2024-04-01t10:15:30Z',
  '1931-12-31T23:59:59Z', // outside the encoded range
  '2067-12-31T23:59:59+14:00',
  '1999-12-31T23:59:59+00:00',
];

const idArb = fc.string({ minLength: 1, maxLength: 12 });
const refsArb = fc.dictionary(fc.constantFrom('utr', 'payment_id', 'order_id', 'settlement_id', 'rrn'), fc.oneof(idArb, fc.constant(undefined)), { maxKeys: 4 });

/** Records of a few sources with every kind of value the store treats differently. */
const recordArb = fc
  .record(
    {
      schema_version: fc.constant(1),
      txn_id: idArb,
      source: fc.constantFrom('ledger', 'razorpay', 'bank'),
      account_id: fc.constantFrom('acc1', 'acc2'),
      amount: fc.constantFrom('100.00', '99.50', '1,23,456.78', '0.01'),
      currency: fc.constantFrom('INR', 'USD', 'KWD'),
      direction: fc.constantFrom('CREDIT', 'DEBIT'),
      status: fc.constantFrom('SUCCESS', 'PENDING'),
      timestamp: fc.oneof(fc.constantFrom(...TIMESTAMPS), fc.date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d+Z$/, 'Z'))),
      value_date: fc.constantFrom('2024-04-01', '2024-04-02'),
      transaction_type: fc.constantFrom('PAYMENT', 'REFUND'),
      reference_number: idArb,
      references: refsArb,
      description: fc.string({ maxLength: 20 }),
      fee: fc.constantFrom('2.36', undefined),
      counterparty: fc.record({ name: fc.string({ maxLength: 8 }), vpa: idArb }, { requiredKeys: ['name'] }),
      raw: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: ['schema_version', 'txn_id', 'source', 'account_id', 'amount', 'currency', 'direction', 'status', 'timestamp', 'transaction_type', 'references', 'raw'] },
  )
  .chain((r) =>
    // Ids that repeat inside a record (reference_number = txn_id = payment_id), and shuffled key order.
    fc.tuple(fc.boolean(), fc.shuffledSubarray(Object.keys(r), { minLength: Object.keys(r).length })).map(([alias, keys]) => {
      const base: Record<string, unknown> = alias ? { ...r, reference_number: r.txn_id, references: { ...r.references, payment_id: r.txn_id } } : r;
      return Object.fromEntries(keys.map((k) => [k, base[k]])) as unknown as StandardTransaction;
    }),
  );

describe('TransactionStore', () => {
  it('gives back every record deep-equal, in the same property order', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), (records) => {
        const store = TransactionStore.from(records);
        expect(store.length).toBe(records.length);
        records.forEach((r, i) => {
          const back = store.get(i);
          expect(back).not.toBe(r);
          expect(back).toStrictEqual(r);
          expect(JSON.stringify(back)).toBe(JSON.stringify(r));
          expect(Object.keys(back.references)).toEqual(Object.keys(r.references));
        });
        expect([...store]).toStrictEqual(records);
      }),
      { numRuns: 200 },
    );
  });

  it('reads every string field in place as the record has it', () => {
    const paths = FIELD_PATHS.filter((p) => p !== 'amount' && !p.startsWith('extracted.'));
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        const store = TransactionStore.from(records);
        for (const path of [...paths, 'source', 'currency', 'amount', 'timestamp']) {
          const read = store.fieldReader(path);
          records.forEach((r, i) => {
            const [outer, inner] = path.split('.') as [string, string | undefined];
            const raw = (r as unknown as Record<string, Record<string, unknown> | undefined>)[outer];
            const v = inner === undefined ? raw : raw?.[inner];
            // Timestamps are encoded, not kept as strings: the reader says so with undefined.
            if (path !== 'timestamp') expect(read(i)).toBe(typeof v === 'string' ? v : undefined);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps what records of a source share once: a million-order source is a handful of shapes', () => {
    const store = new TransactionStore();
    for (let k = 0; k < 5_000; k++) {
      store.add({
        schema_version: 1,
        txn_id: `pay_${k}`,
        source: 'razorpay',
        account_id: 'acc',
        amount: k % 2 ? '100.00' : '250.00',
        currency: 'INR',
        direction: 'CREDIT',
        status: k % 3 ? 'SUCCESS' : 'FAILED',
        timestamp: `2024-04-0${1 + (k % 9)}T10:${String(k % 60).padStart(2, '0')}:00+05:30`,
        transaction_type: 'PAYMENT',
        reference_number: `pay_${k}`,
        references: { payment_id: `pay_${k}`, order_id: `order_${k}` },
        raw: null,
      });
    }
    const stats = store.stats();
    expect(stats.shapes).toBe(2); // SUCCESS and FAILED
    // Own values per record: txn_id, amount, order_id (reference_number and payment_id repeat txn_id).
    expect(stats.slots).toBe(3 * 5_000);
    expect(store.get(4_999).references).toStrictEqual({ payment_id: 'pay_4999', order_id: 'order_4999' });
  });

  it('tells apart shared values that print alike (0 and -0, null and undefined, "1" and 1)', () => {
    const records = [0, -0, null, undefined, '1', 1, 1, -0].map((v, k) => ({ txn_id: `t${k}`, schema_version: v, source: 's', references: {}, raw: null }) as unknown as StandardTransaction);
    const store = TransactionStore.from(records);
    records.forEach((r, i) => expect(Object.is(store.get(i).schema_version, r.schema_version)).toBe(true));
    expect(store.stats().shapes).toBe(6);
  });

  it('keeps a record it cannot take apart whole, and reads it like any other', () => {
    class Txn {
      constructor(readonly txn_id: string) {}
    }
    const odd = new Txn('x1') as unknown as StandardTransaction;
    const store = TransactionStore.from([odd]);
    expect(store.get(0)).toBe(odd);
    expect(store.fieldReader('txn_id')(0)).toBe('x1');
    expect(store.stats().opaque).toBe(1);
  });

  it('indexes like an array: at() counts from the end, get() throws outside', () => {
    const store = TransactionStore.from([{ txn_id: 'a' }, { txn_id: 'b' }] as unknown as StandardTransaction[]);
    expect(store.at(-1)?.txn_id).toBe('b');
    expect(store.at(2)).toBeUndefined();
    expect(() => store.get(2)).toThrow(RangeError);
    expect(() => store.get(-1)).toThrow(RangeError);
  });

  it('spans many chunks (more records and slots than one chunk holds)', () => {
    const store = new TransactionStore();
    const n = 70_000;
    for (let k = 0; k < n; k++) store.add({ txn_id: `t${k}`, source: 's', references: { utr: `u${k}` }, raw: null } as unknown as StandardTransaction);
    expect(store.get(n - 1)).toStrictEqual({ txn_id: `t${n - 1}`, source: 's', references: { utr: `u${n - 1}` }, raw: null });
    expect(store.get(65_535).txn_id).toBe('t65535');
    expect(store.fieldReader('references.utr')(65_536)).toBe('u65536');
  });

  it("gives the matcher's table the same instants and days as the text timestamps", () => {
    const times = [...TIMESTAMPS, '2024-04-01T04:40:00Z', '2024-03-31T23:10:00-05:00', '2024-04-01T00:00:00+14:00', '2024-04-01T23:59:59-12:00'];
    const records = times.map(
      (timestamp, k) =>
        ({ schema_version: 1, txn_id: `t${k}`, source: 's', account_id: 'a', amount: '1.00', currency: 'INR', direction: 'CREDIT', status: 'SUCCESS', timestamp, value_date: '2024-04-02', transaction_type: 'PAYMENT', references: {}, raw: null }) as StandardTransaction,
    );
    const fromArray = buildRecordTable(records);
    const fromStore = buildRecordTable(TransactionStore.from(records));
    expect(fromStore.rejected.map((r) => r.record)).toStrictEqual(fromArray.rejected.map((r) => r.record));
    const a = fromArray.table;
    const b = fromStore.table;
    expect(b.n).toBe(a.n);
    for (let i = 0; i < a.n; i++) {
      expect(b.instant(i)).toBe(a.instant(i));
      expect(b.day(i, 'timestamp')).toBe(a.day(i, 'timestamp'));
      expect(b.day(i, 'value_date')).toBe(a.day(i, 'value_date'));
      expect(b.txn(i)).toStrictEqual(a.txn(i));
    }
  });

  it('reconciles amounts past the exact-double range (the bigint path) as the array does', () => {
    const big = (source: string, id: string, amount: string, extra: Partial<StandardTransaction> = {}) =>
      ({ schema_version: 1, txn_id: id, source, account_id: 'a', amount, currency: 'INR', direction: 'CREDIT', status: 'SUCCESS', timestamp: '2024-04-01T10:00:00+05:30', transaction_type: 'PAYMENT', references: { payment_id: id.slice(1) }, raw: null, ...extra }) as StandardTransaction;
    const records = [big('l', 'Lp1', '90071992547409.93'), big('r', 'Rp1', '90071992547409.93'), big('l', 'Lp2', '1.00', { currency: 'XYZ' }), big('r', 'Rp2', '12345678901234567.89'), big('l', 'Lp2', '12345678901234567.88')];
    const config = { sides: [{ name: 'l', sources: ['l'] }, { name: 'r', sources: ['r'] }], links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id' as const] }] }] };
    const fromArray = reconcile(records, config);
    const fromStore = reconcile(TransactionStore.from(records), config);
    expect(fromArray.rejected).toHaveLength(1);
    expect(exportJson(fromStore)).toBe(exportJson(fromArray));
    expect(exportJson(fromArray)).toContain('12345678901234567.89');
  });
});
