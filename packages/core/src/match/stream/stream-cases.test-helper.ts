import fc from 'fast-check';
import type { StandardTransaction } from '../../schema/transaction';
import { indianPaymentsPreset } from '../presets/indian-payments';
import type { ReconConfig, RuleConfig } from '../types';

/**
 * Random records and configs for the streaming properties: few ids, payment ids and price points,
 * so duplicates, ambiguity, groups and weak-key pools interact; every rule kind the engine has
 * (keys, prefixes, amount keys with and without a date window, groups, keyless subset-sum,
 * duplicate keys, chained links with exclusions) appears in at least one config.
 */

const paise = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;

export const recordArb = fc
  .record({
    side: fc.constantFrom('ledger', 'razorpay', 'razorpay', 'bank'),
    id: fc.integer({ min: 0, max: 15 }),
    pid: fc.option(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { nil: undefined, freq: 6 }),
    sid: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: undefined, freq: 3 }),
    utr: fc.constantFrom('HDFCN52022062412345678', 'HDFCN52022062412340000', 'AXISCN0118376057'),
    amount: fc.constantFrom(100, 100, 101, 350, 1000, 1000, 1001),
    fee: fc.constantFrom(0, 0, 20),
    day: fc.integer({ min: 1, max: 4 }),
    minute: fc.integer({ min: 0, max: 40 }),
    dir: fc.constantFrom('CREDIT', 'CREDIT', 'DEBIT'),
    status: fc.constantFrom('SUCCESS', 'SUCCESS', 'PENDING'),
    type: fc.constantFrom('PAYMENT', 'PAYMENT', 'PAYMENT', 'REFUND'),
    currency: fc.constantFrom('INR', 'INR', 'INR', 'USD'),
    copy: fc.integer({ min: 0, max: 1 }),
  })
  .map(
    (r): StandardTransaction => ({
      schema_version: 1,
      txn_id: `${r.side.slice(0, 1).toUpperCase()}${r.id}`,
      source: r.side,
      account_id: 'acc',
      amount: paise(r.amount),
      ...(r.fee > 0 && { fee: paise(r.fee) }),
      currency: r.currency,
      direction: r.dir as StandardTransaction['direction'],
      status: r.status as StandardTransaction['status'],
      timestamp: `2024-04-0${r.day}T10:${String(r.minute).padStart(2, '0')}:00+05:30`,
      value_date: `2024-04-0${r.day}`,
      transaction_type: r.type as StandardTransaction['transaction_type'],
      description: r.side === 'bank' ? `NEFT-${r.utr.slice(0, r.copy ? 18 : 22)}-RAZORPAY` : undefined,
      references: {
        ...(r.pid && { payment_id: r.pid, order_id: `o_${r.pid}` }),
        ...(r.sid && { settlement_id: r.sid, utr: r.utr }),
      },
      raw: { copy: r.copy },
    }),
  );

const sides = [
  { name: 'l', sources: ['ledger'] },
  { name: 'r', sources: ['razorpay'] },
];
const one = (rules: RuleConfig[], extra: Partial<ReconConfig['sides'][number]> = {}): ReconConfig => ({
  sides: [{ ...sides[0]!, ...extra }, sides[1]!],
  links: [{ name: 'L', left: 'l', right: 'r', rules }],
});

/** Configs covering every rule kind. */
export const CONFIGS: Record<string, ReconConfig> = {
  unique: one([{ name: 'pid', identifiers: ['references.payment_id'], checks: { status: 'equal' } }]),
  best: one([
    { name: 'pid', identifiers: ['references.payment_id'], ambiguity: 'best', checks: { amount: { tolerance: { absolute: 2 } }, date: { before: 1, after: 1 } } },
    { name: 'amt', identifiers: ['amount'], ambiguity: 'best', onCheckFailure: 'next', checks: { date: { field: 'timestamp', unit: 'minutes', before: 10, after: 10 } } },
  ]),
  amountDays: one([
    { name: 'pid', identifiers: ['references.payment_id'] },
    { name: 'amt', identifiers: ['amount'], onCheckFailure: 'next', maxCandidates: 3, checks: { date: { before: 0, after: 1 } } },
  ]),
  amountMismatch: one([{ name: 'amt', identifiers: ['amount'], checks: { status: 'equal', date: { before: 1, after: 1 } } }]),
  optimal: one([{ name: 'order', identifiers: ['references.order_id'], ambiguity: 'optimal', checks: { amount: { tolerance: { bps: 100 } } } }]),
  grouped: one([
    {
      name: 'setl',
      cardinality: 'many-to-one',
      groupBy: 'references.settlement_id',
      identifiers: ['references.settlement_id'],
      subsetSum: { maxCandidates: 6, maxIterations: 2000 },
      checks: { amount: { net: ['fee'] }, date: { before: 1, after: 3 } },
    },
  ]),
  subset: one([{ name: 'subset', cardinality: 'many-to-one', subsetSum: { maxCandidates: 8, maxIterations: 5000 }, checks: { amount: { net: ['fee'] }, date: { before: 0, after: 2 } } }]),
  subsetHours: one([{ name: 'subset', cardinality: 'one-to-many', subsetSum: { maxCandidates: 5, maxIterations: 2000 }, checks: { date: { field: 'timestamp', unit: 'hours', before: 0, after: 30 } } }]),
  split: one([{ name: 'split', cardinality: 'one-to-many', groupBy: 'references.order_id', identifiers: ['references.order_id'] }], { duplicateKey: ['references.payment_id', 'amount'] }),
  chained: {
    sides,
    links: [
      { name: 'first', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'] }] },
      {
        name: 'second',
        left: 'l',
        right: 'r',
        filters: { right: { status: 'SUCCESS' } },
        excludeResolvedIn: { left: ['first'], right: ['first'] },
        rules: [
          { name: 'sid', identifiers: ['references.settlement_id'], ambiguity: 'best', checks: { amount: { tolerance: { absolute: 1000 } } } },
          { name: 'amt', identifiers: ['amount'], onCheckFailure: 'next', checks: { date: { field: 'timestamp', unit: 'hours', before: 1, after: 0 } } },
        ],
      },
    ],
  },
  // Runs-mode subset-sum: blocks cut by records the first link settles (of any status or direction).
  runs: {
    sides,
    links: [
      { name: 'first', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'] }] },
      {
        name: 'runs',
        left: 'r',
        right: 'l',
        excludeResolvedIn: { left: ['first'] },
        rules: [
          {
            name: 'runs',
            cardinality: 'many-to-one',
            subsetSum: { runs: { partitionBy: (t) => (t.transaction_type === 'PAYMENT' ? `${t.currency} ${t.timestamp.slice(0, 10)}` : undefined), maxSkipped: 1, netting: { filter: { transaction_type: 'REFUND' }, parentBy: 'references.payment_id' } } },
            checks: { amount: { net: ['fee'] }, date: { field: { left: 'timestamp', right: 'value_date' }, before: 0, after: 2 } },
          },
        ],
      },
    ],
  },
  preset: indianPaymentsPreset(),
};

/** Deterministic Fisher–Yates from a seed (fast-check shrinks the seed, not the permutation). */
export function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = list.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Splits `list` into consecutive chunks of sizes drawn from `sizes` (cycled; a 0 is read as 1). */
export function chunks<T>(list: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let k = 0;
  for (let at = 0; at < list.length; k++) {
    const n = Math.max(1, sizes.length === 0 ? 1 : sizes[k % sizes.length]!);
    out.push(list.slice(at, at + n));
    at += n;
  }
  return out;
}
