import { describe, expect, it, vi } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { reconcile } from '../engine/reconcile';
import { exportJson } from '../export/json';
import { txn } from '../fixtures.test-helper';
import { TransactionStore } from '../store/transaction-store';
import type { KeyExtractor, ReconConfig } from '../types';
import { fieldKeyOf, keyFromField } from './field-key';

const order = (source: string, id: string, orderId: string | undefined): StandardTransaction => txn({ source, txn_id: id, references: orderId === undefined ? {} : { order_id: orderId } });

const records = [order('l', 'l1', 'ORD-A1'), order('l', 'l2', 'ord_b2'), order('l', 'l3', undefined), order('r', 'r1', 'a1'), order('r', 'r2', 'B2'), order('r', 'r3', 'c3')];
const upper = (v: string) => v.replace(/^ord[-_]/i, '').toUpperCase();
const config = (key: KeyExtractor): ReconConfig => ({
  sides: [
    { name: 'l', sources: ['l'] },
    { name: 'r', sources: ['r'] },
  ],
  links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'order', identifiers: [{ left: key, right: key, name: 'order' }] }] }],
});

describe('keyFromField', () => {
  it('is a key function: the mapped field, undefined when the field is absent', () => {
    const key = keyFromField('references.order_id', upper);
    expect(key(records[0]!)).toBe('A1');
    expect(key(records[2]!)).toBeUndefined();
    expect(fieldKeyOf(key)).toEqual({ path: 'references.order_id', map: upper });
    expect(fieldKeyOf((t) => t.txn_id)).toBeUndefined();
    expect(() => keyFromField('extracted.utr', upper)).toThrow(TypeError);
  });

  it('matches as the same function written by hand would, from an array and from a store', () => {
    const byHand = (t: StandardTransaction) => (t.references.order_id === undefined ? undefined : upper(t.references.order_id));
    const expected = exportJson(reconcile(records, config(byHand)));
    expect(expected).toContain('"matched"');
    expect(exportJson(reconcile(records, config(keyFromField('references.order_id', upper, 'byHand'))))).toBe(expected);
    expect(exportJson(reconcile(TransactionStore.from(records), config(keyFromField('references.order_id', upper, 'byHand'))))).toBe(expected);
  });

  it('reads the field in place: a store rebuilds no record for it (a hand-written function needs one per read)', () => {
    const store = TransactionStore.from(records);
    const get = vi.spyOn(store, 'get');
    reconcile(store, config(keyFromField('references.order_id', upper, 'byHand')));
    expect(get).not.toHaveBeenCalled();
    reconcile(store, config((t) => t.references.order_id));
    expect(get.mock.calls.length).toBeGreaterThanOrEqual(records.length);
  });
});
