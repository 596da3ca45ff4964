import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../engine/reconcile';
import { ledger, payment } from '../fixtures.test-helper';
import type { ReconConfig } from '../types';
import { detachOutcome } from './detach';

const config: ReconConfig = {
  sides: [
    { name: 'l', sources: ['ledger'] },
    { name: 'r', sources: ['razorpay'] },
  ],
  links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'] }] }],
};

// One of each kind: matched, mismatched (amount), suggested (two entries for one payment),
// unmatched on both sides, and a duplicate (the same payment twice).
const records = [
  ledger('L1', 'pay_1'),
  payment('pay_1'),
  ledger('L2', 'pay_2', '100.50'),
  payment('pay_2'),
  ledger('L3', 'pay_3'),
  ledger('L4', 'pay_3'),
  payment('pay_3'),
  ledger('L5', 'pay_x'),
  payment('pay_9'),
  payment('pay_9'),
];

describe('detachOutcome', () => {
  const result = reconcile(records, config);

  it('covers every kind of outcome in this fixture', () => {
    expect(new Set(result.outcomes.map((o) => o.kind))).toEqual(new Set(['matched', 'mismatched', 'suggested', 'unmatched', 'duplicate']));
  });

  it('is a plain object with the same fields, JSON and console form as the view', () => {
    for (const view of result.outcomes) {
      const plain = detachOutcome(view);
      expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(view));
      expect(inspect(plain)).toBe(inspect(view));
      expect(Object.keys(plain).sort()).toEqual(Object.keys(JSON.parse(JSON.stringify(view)) as object).sort());
      // Fields are values, not getters into the run.
      for (const key of Object.keys(plain)) expect(Object.getOwnPropertyDescriptor(plain, key)?.get).toBeUndefined();
    }
  });

  it('keeps amounts and mismatches exact (bigint), as the view gives them', () => {
    const mismatched = result.outcomes.find((o) => o.kind === 'mismatched')!;
    const plain = detachOutcome(mismatched);
    expect(plain).toMatchObject({ kind: 'mismatched', mismatches: [{ type: 'amount', difference: 50n }] });
  });
});
