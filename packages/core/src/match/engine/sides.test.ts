import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { compileConfig } from '../config/compile';
import type { CompiledConfigImpl } from '../config/compiled';
import { txn } from '../fixtures.test-helper';
import type { FieldPath } from '../types';
import { buildRecordTable, type RecordTable } from './record-table';
import { assignSides, dedupeSide } from './sides';

/** Ids set aside as duplicate-key duplicates on a ledger side keyed by `key`, with the id each one copies. */
function duplicateKeyLosers(records: StandardTransaction[], key: FieldPath[]): string[] {
  const config = compileConfig({
    sides: [
      { name: 'l', sources: ['ledger'], duplicateKey: key },
      { name: 'r', sources: ['razorpay'] },
    ],
    links: [{ name: 'x', left: 'l', right: 'r', rules: [{ name: 'id', identifiers: ['references.order_id'] }] }],
  }) as CompiledConfigImpl;
  const table = buildRecordTable(records).table as RecordTable<unknown>;
  const { bySide } = assignSides(table, config.sides);
  const side = dedupeSide(table, bySide[0]!, config.sides[0]!);
  return side.duplicates
    .filter((d) => d.copy === 0)
    .map((d) => `${records[d.record]!.txn_id}→${records[d.of]!.txn_id}`)
    .sort();
}

const entry = (id: string, order: string | undefined, amount: string, over: Partial<StandardTransaction> = {}) =>
  txn({ txn_id: id, source: 'ledger', amount, references: order === undefined ? {} : { order_id: order }, ...over });

describe('dedupeSide: duplicate key of order id + amount', () => {
  it('sets aside the same order at the same amount, keeping the first in total order', () => {
    const records = [entry('L2', 'order_A', '100.00'), entry('L1', 'order_A', '100.00'), entry('L3', 'order_A', '100.00')];
    expect(duplicateKeyLosers(records, ['references.order_id', 'amount'])).toEqual(['L2→L1', 'L3→L1']);
  });

  it('keeps entries whose amount, sign or currency differ, and those without an order id', () => {
    const records = [
      entry('L1', 'order_A', '100.00'),
      entry('L2', 'order_A', '100.01'),
      entry('L3', 'order_A', '100.00', { direction: 'DEBIT' }),
      entry('L4', 'order_A', '100', { currency: 'JPY' }),
      entry('L5', 'order_A', '10000.00'),
      entry('L6', undefined, '100.00'),
      entry('L7', undefined, '100.00'),
    ];
    expect(duplicateKeyLosers(records, ['references.order_id', 'amount'])).toEqual([]);
  });

  it('tells large amounts apart on every bit (above 2^32 minor units) and finds their copies', () => {
    const records = [
      entry('L1', 'order_B', '42949672.96'), // 2^32 paise
      entry('L2', 'order_B', '85899345.92'), // 2^33 paise: same low word
      entry('L3', 'order_B', '42949672.96'),
      entry('L4', 'order_B', '90071992547.40'), // near 2^53
      entry('L5', 'order_B', '90071992547.40'),
    ];
    expect(duplicateKeyLosers(records, ['references.order_id', 'amount'])).toEqual(['L3→L1', 'L5→L4']);
  });

  it('compares the key parts, not their concatenation', () => {
    const records = [entry('L1', 'order_A', '100.00', { reference_number: 'x' }), entry('L2', 'order_A', '100.00', { reference_number: 'y' })];
    expect(duplicateKeyLosers(records, ['references.order_id', 'reference_number'])).toEqual([]);
    expect(duplicateKeyLosers(records, ['references.order_id'])).toEqual(['L2→L1']);
  });
});
