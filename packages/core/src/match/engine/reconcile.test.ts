import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { ledger, payment, txn } from '../fixtures.test-helper';
import type { LinkConfig, MatchedOutcome, MismatchedOutcome, Outcome, ReconConfig, RuleConfig, SuggestedOutcome, UnmatchedOutcome } from '../types';
import { reconcile } from './reconcile';
import { hash32 } from './string-table';

/** Two sides (ledger ↔ razorpay) and one link with the given rules. */
function config(rules: RuleConfig[], link: Partial<LinkConfig> = {}, sides: Partial<Record<'l' | 'r', Partial<ReconConfig['sides'][number]>>> = {}): ReconConfig {
  return {
    sides: [
      { name: 'l', sources: ['ledger'], ...sides.l },
      { name: 'r', sources: ['razorpay'], ...sides.r },
    ],
    links: [{ name: 'L', left: 'l', right: 'r', rules, ...link }],
  };
}

const byId: RuleConfig = { name: 'pid', identifiers: ['references.payment_id'] };
const ids = (list: readonly StandardTransaction[]) => list.map((t) => t.txn_id);
const kinds = (outcomes: readonly Outcome[]) => outcomes.map((o) => `${o.kind}:${ids(o.left).join('+')}|${ids(o.right).join('+')}`).sort();
const only = <K extends Outcome['kind']>(outcomes: readonly Outcome[], kind: K) => outcomes.filter((o): o is Extract<Outcome, { kind: K }> => o.kind === kind);

describe('reconcile: identifiers', () => {
  it('matches by the first identifier and falls back to the next for records still open', () => {
    const records = [
      ledger('L1', 'pay_1'),
      txn({ txn_id: 'L2', source: 'ledger', references: { order_id: 'order_2' } }),
      payment('pay_1'),
      payment('pay_2', '100.00', { references: { payment_id: 'pay_2', order_id: 'order_2' } }),
    ];
    const result = reconcile(records, config([{ name: 'refs', identifiers: ['references.payment_id', 'references.order_id'] }]));
    const matched = only(result.outcomes, 'matched');
    expect(kinds(matched)).toEqual(['matched:L1|pay_1', 'matched:L2|pay_2']);
    const viaOrder = matched.find((o) => o.left[0]!.txn_id === 'L2')!;
    expect(viaOrder.evidence.identifier?.name).toBe('references.order_id');
    expect(viaOrder.evidence.value).toBe('order_2');
    expect(viaOrder.evidence.method).toBe('key');
    expect(viaOrder.confidence).toBe(1);
  });

  it('joins different fields on each side, normalised to alphanumerics', () => {
    const records = [
      txn({ txn_id: 'S1', source: 'ledger', references: { utr: 'axis-cn0118376057' } }),
      txn({ txn_id: 'B1', source: 'razorpay', description: 'NEFT CR-AXISCN0118376057-RAZORPAY' }),
    ];
    const result = reconcile(records, config([{ name: 'utr', identifiers: [{ left: 'references.utr', right: 'extracted.utr', normalize: 'alnum' }] }]));
    const [m] = only(result.outcomes, 'matched');
    expect(m?.evidence.value).toBe('AXISCN0118376057');
    expect(m?.evidence.identifier).toEqual({ name: 'references.utr=extracted.utr', left: 'references.utr', right: 'extracted.utr', compare: 'exact' });
    expect(m!.confidence).toBeLessThan(1); // a narration extract is weaker evidence than a field
  });

  it('prefix compare matches a truncated reference, and says so', () => {
    const records = [
      txn({ txn_id: 'S1', source: 'ledger', references: { utr: 'AXISCN0118376057' } }),
      txn({ txn_id: 'B1', source: 'razorpay', description: 'NEFT CR-AXISCN011837-RAZORPAY' }),
    ];
    const rule: RuleConfig = { name: 'p', identifiers: [{ left: 'references.utr', right: 'extracted.tokens', compare: 'prefix', minLength: 10 }] };
    const [m] = only(reconcile(records, config([rule])).outcomes, 'matched');
    expect(m?.evidence.value).toBe('AXISCN0118376057');
    expect(m?.evidence.counterpartValue).toBe('AXISCN011837');
    expect(m?.evidence.identifier?.compare).toBe('prefix');
    // Below minLength, no match.
    const short = [records[0]!, txn({ txn_id: 'B1', source: 'razorpay', description: 'NEFT AXISCN011 X' })]; // 9 characters
    expect(only(reconcile(short, config([rule])).outcomes, 'matched')).toHaveLength(0);
  });

  it('a custom key function works as an identifier', () => {
    const records = [ledger('L1', undefined, '100.00', { description: 'invoice INV-77' }), payment('pay_1', '100.00', { references: { payment_id: 'pay_1', merchant_reference: 'INV-77' } })];
    const rule: RuleConfig = {
      name: 'inv',
      identifiers: [{ name: 'invoice', left: (t) => /INV-\d+/.exec(t.description ?? '')?.[0], right: 'references.merchant_reference' }],
    };
    expect(kinds(only(reconcile(records, config([rule])).outcomes, 'matched'))).toEqual(['matched:L1|pay_1']);
  });

  it('key functions returning arrays: one refilled array, and one cached array for many records', () => {
    // The reader keeps the cleaned form of the last array while its content stays the same: a
    // function that refills one array between calls must still give each record its own keys.
    const buf: string[] = [];
    const refilled = (t: StandardTransaction) => {
      buf.length = 0;
      buf.push(`k-${t.references.merchant_reference ?? t.description ?? ''}`, 'k-shared-noise');
      return buf;
    };
    const records = [
      ledger('L1', undefined, '100.00', { description: 'A' }),
      ledger('L2', undefined, '200.00', { description: 'B' }),
      payment('pay_2', '200.00', { references: { payment_id: 'pay_2', merchant_reference: 'B' } }),
      payment('pay_1', '100.00', { references: { payment_id: 'pay_1', merchant_reference: 'A' } }),
    ];
    const rule: RuleConfig = { name: 'buf', identifiers: [{ name: 'buf', left: refilled, right: refilled }] };
    const keyed = reconcile(records, config([rule]));
    expect(kinds(only(keyed.outcomes, 'matched'))).toEqual(['matched:L1|pay_1', 'matched:L2|pay_2']);
    // Both records share 'k-shared-noise' too; the first key of the pair that met is the evidence.
    expect(only(keyed.outcomes, 'matched').map((m) => m.evidence.value).sort()).toEqual(['k-A', 'k-B']);
    // One cached array handed to every record: all of them share its keys.
    const days = ['2024-04-01', '2024-04-02'];
    const cached: RuleConfig = { name: 'day', identifiers: [{ name: 'days', left: () => days, right: () => days }] };
    expect(kinds(only(reconcile(records, config([cached])).outcomes, 'matched'))).toEqual(['matched:L1|pay_1', 'matched:L2|pay_2']);
  });

  it('an exact amount can be the key (keyless fallback), with a time window', () => {
    const records = [
      ledger('L1', undefined, '499.00', { timestamp: '2024-04-01T10:00:00+05:30' }),
      payment('pay_1', '499.00', { timestamp: '2024-04-01T10:04:00+05:30' }),
      payment('pay_2', '499.00', { timestamp: '2024-04-01T11:00:00+05:30' }),
    ];
    const rule: RuleConfig = { name: 'amt', identifiers: ['amount'], checks: { date: { field: 'timestamp', unit: 'minutes', before: 10, after: 10 } }, onCheckFailure: 'next' };
    const result = reconcile(records, config([rule]));
    expect(kinds(result.outcomes)).toEqual(['matched:L1|pay_1', 'unmatched:|pay_2']);
    // With onCheckFailure 'next', the window is part of the blocking: pay_2 was never a candidate.
    expect(only(result.outcomes, 'unmatched')[0]?.reason).toBe('no-candidate');
  });

  it('a weak key shared by many records: only the date window counts against maxCandidates', () => {
    const crowd = Array.from({ length: 40 }, (_, k) => payment(`far_${k}`, '499.00', { timestamp: `2024-04-0${2 + (k % 5)}T10:00:00+05:30` }));
    const records = [ledger('L1', undefined, '499.00', { timestamp: '2024-04-01T10:00:00+05:30' }), payment('near', '499.00', { timestamp: '2024-04-01T10:04:00+05:30' }), ...crowd];
    const rule: RuleConfig = { name: 'amt', identifiers: ['amount'], maxCandidates: 4, checks: { date: { field: 'timestamp', unit: 'minutes', before: 10, after: 10 } }, onCheckFailure: 'next' };
    expect(kinds(only(reconcile(records, config([rule])).outcomes, 'matched'))).toEqual(['matched:L1|near']);
    // Reporting mismatches instead, every same-amount record is a candidate, and there are too many.
    const strict = reconcile(records, config([{ ...rule, onCheckFailure: 'mismatch' }]));
    expect(only(strict.outcomes, 'unmatched').find((o) => o.left.length === 1)?.reason).toBe('too-many-candidates');
  });
  it('keys whose 32-bit hashes collide never meet, by field or through a date window', () => {
    // Found by search: two payment ids with the same hash32 (the join groups by hash first).
    const [a, b] = ['pay_00000yzx', 'pay_0000b6ad'];
    expect(hash32(a)).toBe(hash32(b));
    const at = { timestamp: '2024-04-01T10:00:00+05:30' };
    const records = [ledger('L1', a, '100.00', at), ledger('L2', b, '100.00', at), payment(b, '100.00', at), payment('pay_other', '300.00', at)];
    expect(kinds(reconcile(records, config([byId])).outcomes)).toEqual(['matched:L2|pay_0000b6ad', 'unmatched:L1|', 'unmatched:|pay_other']);
    // The windowed join (a date check that blocks) reads the same groups through its date index.
    const windowed: RuleConfig = { ...byId, checks: { date: { field: 'timestamp', unit: 'days', before: 1, after: 1 } }, onCheckFailure: 'next' };
    expect(kinds(reconcile(records, config([windowed])).outcomes)).toEqual(['matched:L2|pay_0000b6ad', 'unmatched:L1|', 'unmatched:|pay_other']);
    // And L1 alone, whose only same-hash candidate has another key, has no candidate at all.
    const alone = reconcile([records[0]!, records[2]!], config([byId]));
    expect(only(alone.outcomes, 'unmatched').map((o) => o.reason)).toEqual(['no-candidate', 'no-candidate']);
  });
});

describe('reconcile: amount checks', () => {
  const pair = (l: string, r: string, extra: Partial<StandardTransaction> = {}) => [ledger('L1', 'p1', l, extra), payment('p1', r, extra)];

  it('exact by default: one paisa off is an amount mismatch with the signed difference', () => {
    const [m] = only(reconcile(pair('100.00', '100.01'), config([byId])).outcomes, 'mismatched');
    expect(m?.mismatches).toEqual([{ type: 'amount', difference: -1n, allowed: 0n }]);
    expect(m?.amounts).toEqual({ currency: 'INR', left: 10000n, right: 10001n, fee: 0n, tax: 0n, difference: -1n });
  });

  it('absolute tolerance: the edge passes, one more paisa does not', () => {
    const rule: RuleConfig = { ...byId, checks: { amount: { tolerance: { absolute: 100 } } } };
    const ok = only(reconcile(pair('101.00', '100.00'), config([rule])).outcomes, 'matched')[0];
    expect(ok?.amounts.difference).toBe(100n);
    expect(ok!.confidence).toBeLessThan(1);
    const over = only(reconcile(pair('101.01', '100.00'), config([rule])).outcomes, 'mismatched')[0];
    expect(over?.mismatches).toEqual([{ type: 'amount', difference: 101n, allowed: 100n }]);
  });

  it('basis points of the larger amount, floored, with a cap', () => {
    // 50 bp of ₹1000.00 = 500 paise.
    const rule: RuleConfig = { ...byId, checks: { amount: { tolerance: { bps: 50 } } } };
    expect(only(reconcile(pair('1000.00', '995.00'), config([rule])).outcomes, 'matched')).toHaveLength(1);
    expect(only(reconcile(pair('1000.00', '994.99'), config([rule])).outcomes, 'mismatched')).toHaveLength(1);
    const capped: RuleConfig = { ...byId, checks: { amount: { tolerance: { bps: 50, cap: 200 } } } };
    expect(only(reconcile(pair('1000.00', '998.00'), config([capped])).outcomes, 'matched')).toHaveLength(1);
    expect(only(reconcile(pair('1000.00', '997.99'), config([capped])).outcomes, 'mismatched')[0]?.mismatches[0]).toEqual({
      type: 'amount',
      difference: 201n,
      allowed: 200n,
    });
  });

  it('asymmetric tolerance: under allowed, over not', () => {
    const rule: RuleConfig = { ...byId, checks: { amount: { tolerance: { absolute: 500, allow: 'under' } } } };
    expect(only(reconcile(pair('99.00', '100.00'), config([rule])).outcomes, 'matched')).toHaveLength(1);
    expect(only(reconcile(pair('101.00', '100.00'), config([rule])).outcomes, 'mismatched')).toHaveLength(1);
  });

  it('net of fee and GST: gross − fee − tax is compared, and the explained part is recorded', () => {
    const records = [
      txn({ txn_id: 'S1', source: 'ledger', amount: '1000.00', fee: '20.00', tax: '3.60', references: { payment_id: 'p1' } }),
      txn({ txn_id: 'B1', source: 'razorpay', amount: '976.40', references: { payment_id: 'p1' } }),
    ];
    const rule: RuleConfig = { ...byId, checks: { amount: { net: ['fee', 'tax'] } } };
    const [m] = only(reconcile(records, config([rule])).outcomes, 'matched');
    expect(m?.amounts).toEqual({ currency: 'INR', left: 100000n, right: 97640n, fee: 2000n, tax: 360n, difference: 0n });
    // Without net, the same pair is an amount mismatch of exactly fee + tax.
    expect(only(reconcile(records, config([byId])).outcomes, 'mismatched')[0]?.mismatches).toEqual([{ type: 'amount', difference: 2360n, allowed: 0n }]);
  });

  it('currency must be equal: reported as a currency mismatch without amounts', () => {
    const [m] = only(reconcile([ledger('L1', 'p1'), payment('p1', '100.00', { currency: 'USD' })], config([byId])).outcomes, 'mismatched');
    expect(m?.mismatches).toEqual([{ type: 'currency', left: ['INR'], right: ['USD'] }]);
    expect(m?.amounts).toBeUndefined();
  });

  it('direction: same by default, opposite compares left with −right', () => {
    const records = [ledger('L1', 'p1', '100.00', { direction: 'DEBIT' }), payment('p1')];
    const [m] = only(reconcile(records, config([byId])).outcomes, 'mismatched');
    expect(m?.mismatches.map((x) => x.type)).toEqual(['direction', 'amount']);
    const opposite = only(reconcile(records, config([{ ...byId, checks: { direction: 'opposite' } }])).outcomes, 'matched')[0];
    // left −100.00, right +100.00 compared as −(+100.00): equal.
    expect(opposite?.amounts).toMatchObject({ left: -10000n, right: -10000n, difference: 0n });
    const any = only(reconcile(records, config([{ ...byId, checks: { direction: 'any' } }])).outcomes, 'matched');
    expect(any).toHaveLength(1);
  });
});

describe('reconcile: date and status checks', () => {
  const rule = (before: number, after: number): RuleConfig => ({ ...byId, checks: { date: { field: 'value_date', before, after } } });
  const at = (l: string, r: string) => [ledger('L1', 'p1', '100.00', { value_date: l }), payment('p1', '100.00', { value_date: r })];

  it('asymmetric window in days, both edges inclusive', () => {
    expect(only(reconcile(at('2024-04-10', '2024-04-13'), config([rule(1, 3)])).outcomes, 'matched')).toHaveLength(1);
    expect(only(reconcile(at('2024-04-10', '2024-04-09'), config([rule(1, 3)])).outcomes, 'matched')).toHaveLength(1);
    const late = only(reconcile(at('2024-04-10', '2024-04-14'), config([rule(1, 3)])).outcomes, 'mismatched')[0];
    expect(late?.mismatches).toEqual([{ type: 'date', delta: 4, before: 1, after: 3, unit: 'days' }]);
    const early = only(reconcile(at('2024-04-10', '2024-04-08'), config([rule(1, 3)])).outcomes, 'mismatched')[0];
    expect(early?.mismatches).toEqual([{ type: 'date', delta: -2, before: 1, after: 3, unit: 'days' }]);
  });

  it('days windows count calendar dates across month ends', () => {
    expect(only(reconcile(at('2024-02-28', '2024-03-01'), config([rule(0, 2)])).outcomes, 'matched')).toHaveLength(1); // leap year: 2 days
    expect(only(reconcile(at('2023-02-28', '2023-03-02'), config([rule(0, 1)])).outcomes, 'mismatched')).toHaveLength(1);
  });

  it('value_date falls back to the timestamp date; timestamps use their own local date', () => {
    const records = [
      ledger('L1', 'p1', '100.00', { timestamp: '2024-04-10T23:30:00+05:30' }),
      payment('p1', '100.00', { timestamp: '2024-04-10T18:30:00Z' }), // = 2024-04-11 00:00 IST, but written as the 10th
    ];
    expect(only(reconcile(records, config([rule(0, 0)])).outcomes, 'matched')).toHaveLength(1);
  });

  it('sub-day windows compare instants across offsets', () => {
    const minutes: RuleConfig = { ...byId, checks: { date: { field: 'timestamp', unit: 'minutes', before: 0, after: 10 } } };
    const records = (r: string) => [ledger('L1', 'p1', '100.00', { timestamp: '2024-04-10T10:00:00+05:30' }), payment('p1', '100.00', { timestamp: r })];
    expect(only(reconcile(records('2024-04-10T04:40:00Z'), config([minutes])).outcomes, 'matched')).toHaveLength(1); // +10 min
    expect(only(reconcile(records('2024-04-10T04:40:01Z'), config([minutes])).outcomes, 'mismatched')).toHaveLength(1);
    expect(only(reconcile(records('2024-04-10T04:29:59Z'), config([minutes])).outcomes, 'mismatched')).toHaveLength(1);
  });

  it('status equal, and a compatibility table', () => {
    const records = [ledger('L1', 'p1', '100.00', { status: 'SUCCESS' }), payment('p1', '100.00', { status: 'PENDING' })];
    const [m] = only(reconcile(records, config([{ ...byId, checks: { status: 'equal' } }])).outcomes, 'mismatched');
    expect(m?.mismatches).toEqual([{ type: 'status', left: ['SUCCESS'], right: ['PENDING'] }]);
    const table: RuleConfig = { ...byId, checks: { status: { SUCCESS: ['SUCCESS', 'PENDING'] } } };
    expect(only(reconcile(records, config([table])).outcomes, 'matched')).toHaveLength(1);
  });

  it('onCheckFailure: next leaves a failing pair open for the next rule', () => {
    const records = [ledger('L1', 'p1', '100.00', { references: { payment_id: 'p1', order_id: 'o1' } }), payment('p1', '100.01', { references: { payment_id: 'p1', order_id: 'o1' } })];
    const strict: RuleConfig = { ...byId, onCheckFailure: 'next' };
    const loose: RuleConfig = { name: 'loose', identifiers: ['references.order_id'], checks: { amount: { tolerance: { absolute: 1 } } } };
    const result = reconcile(records, config([strict, loose]));
    expect(only(result.outcomes, 'matched').map((o) => o.rule)).toEqual(['loose']);
  });
});

describe('reconcile: ambiguity', () => {
  const two = [ledger('L1', 'p1'), ledger('L2', 'p1'), payment('p1')];

  it('unique-or-review: two acceptable candidates become one suggested outcome listing both pairings', () => {
    const result = reconcile(two, config([byId]));
    const [s] = only(result.outcomes, 'suggested');
    expect(s?.reason).toBe('ambiguous');
    expect(ids(s!.left)).toEqual(['L1', 'L2']);
    expect(ids(s!.right)).toEqual(['p1']);
    expect(s?.candidates.map((c) => `${c.left[0]?.txn_id}-${c.right[0]?.txn_id}:${String(c.difference)}`)).toEqual(['L1-p1:0', 'L2-p1:0']);
    expect(result.outcomes).toHaveLength(1);
  });

  it('best: the total order decides (|Δamount| first, then record keys); the loser stays open', () => {
    const records = [ledger('L1', 'p1', '100.02'), ledger('L2', 'p1', '100.01'), payment('p1')];
    const rule: RuleConfig = { ...byId, ambiguity: 'best', checks: { amount: { tolerance: { absolute: 5 } } } };
    const result = reconcile(records, config([rule]));
    expect(kinds(result.outcomes)).toEqual(['matched:L2|p1', 'unmatched:L1|']);
    expect(only(result.outcomes, 'unmatched')[0]?.reason).toBe('candidates-taken');
    const m = only(result.outcomes, 'matched')[0]!;
    expect(m.evidence.candidates).toBe(1);
    // Ties on amount and date fall to record keys.
    const tie = reconcile(two, config([{ ...byId, ambiguity: 'best' }]));
    expect(kinds(only(tie.outcomes, 'matched'))).toEqual(['matched:L1|p1']);
    expect(only(tie.outcomes, 'matched')[0]!.confidence).toBeLessThan(1);
  });

  it('optimal: the assignment that pairs the most records wins where greedy would strand one', () => {
    // L1 fits p1 and p2 equally; L2 fits only p1. Greedy by keys takes L1-p1 and strands L2;
    // optimal takes L1-p2 and L2-p1.
    const records = [
      ledger('L1', undefined, '100.00', { references: { order_id: 'o' } }),
      ledger('L2', undefined, '100.00', { references: { order_id: 'o' }, status: 'PENDING' }),
      payment('p1', '100.00', { references: { order_id: 'o' }, status: 'PENDING' }),
      payment('p2', '100.00', { references: { order_id: 'o' } }),
    ];
    const rule = (ambiguity: RuleConfig['ambiguity']): RuleConfig => ({
      name: 'o',
      identifiers: ['references.order_id'],
      ambiguity,
      checks: { status: { SUCCESS: ['SUCCESS', 'PENDING'], PENDING: ['PENDING'] } },
    });
    expect(kinds(only(reconcile(records, config([rule('optimal')])).outcomes, 'matched'))).toEqual(['matched:L1|p2', 'matched:L2|p1']);
    expect(kinds(only(reconcile(records, config([rule('best')])).outcomes, 'matched'))).toEqual(['matched:L1|p1']);
    expect(only(reconcile(records, config([rule('unique-or-review')])).outcomes, 'suggested')).toHaveLength(1);
  });

  it('optimal: a cluster above optimalCap goes to review', () => {
    const records = [ledger('L1', 'p1'), ledger('L2', 'p1'), payment('p1')];
    const [s] = only(reconcile(records, config([{ ...byId, ambiguity: 'optimal', optimalCap: 1 }])).outcomes, 'suggested');
    expect(s?.reason).toBe('cluster-too-large');
  });

  it('maxCandidates: a record with too many candidates is left open and says why', () => {
    const records = [ledger('L1', 'p1'), payment('p1', '100.00', { txn_id: 'a' }), payment('p1', '100.00', { txn_id: 'b' }), payment('p1', '100.00', { txn_id: 'c' })];
    const result = reconcile(records, config([{ ...byId, maxCandidates: 2 }]));
    expect(only(result.outcomes, 'unmatched').map((o) => `${ids([...o.left, ...o.right]).join()}:${o.reason}`).sort()).toEqual([
      'L1:too-many-candidates',
      'a:no-candidate',
      'b:no-candidate',
      'c:no-candidate',
    ]);
  });
});

describe('reconcile: many-to-one and one-to-many', () => {
  // A settlement of three lines (two payments, one refund netted in) and its bank credit.
  const lines = [
    txn({ txn_id: 'SL1', source: 'ledger', amount: '1000.00', fee: '20.00', tax: '3.60', references: { settlement_id: 'setl_1', utr: 'HDFCN52024041012345678' }, value_date: '2024-04-11' }),
    txn({ txn_id: 'SL2', source: 'ledger', amount: '500.00', fee: '10.00', tax: '1.80', references: { settlement_id: 'setl_1', utr: 'HDFCN52024041012345678' }, value_date: '2024-04-11' }),
    txn({ txn_id: 'SL3', source: 'ledger', amount: '200.00', direction: 'DEBIT', transaction_type: 'REFUND', references: { settlement_id: 'setl_1', utr: 'HDFCN52024041012345678' }, value_date: '2024-04-11' }),
  ];
  // 1000 − 23.60 + 500 − 11.80 − 200 = 1264.60
  const credit = (amount = '1264.60', valueDate = '2024-04-12') =>
    txn({ txn_id: 'B1', source: 'razorpay', amount, transaction_type: 'SETTLEMENT', value_date: valueDate, description: 'NEFT-HDFCN52024041012345678-RAZORPAY SOFTWARE' });
  const rule: RuleConfig = {
    name: 'setl',
    cardinality: 'many-to-one',
    groupBy: 'references.settlement_id',
    identifiers: [{ left: 'references.utr', right: 'extracted.utr', normalize: 'alnum' }],
    checks: { amount: { net: ['fee', 'tax'] }, date: { before: 1, after: 3 } },
  };

  it('matches a settlement group (fees, GST, a netted refund) to one bank credit, money conserved', () => {
    const result = reconcile([...lines, credit()], config([rule]));
    expect(result.outcomes).toHaveLength(1);
    const m = result.outcomes[0] as MatchedOutcome;
    expect(m.kind).toBe('matched');
    expect(ids(m.left)).toEqual(['SL1', 'SL2', 'SL3']);
    expect(m.evidence.method).toBe('group');
    // left = 1000 + 500 − 200 = 1300.00; fee 30.00; tax 5.40; right 1264.60.
    expect(m.amounts).toEqual({ currency: 'INR', left: 130000n, right: 126460n, fee: 3000n, tax: 540n, difference: 0n });
    expect(m.amounts.left - m.amounts.right).toBe(m.amounts.fee + m.amounts.tax + m.amounts.difference);
  });

  it('a group whose sum is off is an amount mismatch of the whole group', () => {
    const result = reconcile([...lines, credit('1264.00')], config([rule]));
    const [m] = only(result.outcomes, 'mismatched');
    expect(m?.left).toHaveLength(3);
    expect(m?.mismatches).toEqual([{ type: 'amount', difference: 60n, allowed: 0n }]);
  });

  it('the date window applies to the group date (latest member by default)', () => {
    expect(only(reconcile([...lines, credit('1264.60', '2024-04-14')], config([rule])).outcomes, 'matched')).toHaveLength(1);
    expect(only(reconcile([...lines, credit('1264.60', '2024-04-15')], config([rule])).outcomes, 'mismatched')).toHaveLength(1);
  });

  it('one-to-many groups the right side', () => {
    const invoice = txn({ txn_id: 'INV', source: 'ledger', amount: '300.00', references: { order_id: 'o1' } });
    const parts = [payment('p1', '100.00', { references: { order_id: 'o1' } }), payment('p2', '200.00', { references: { order_id: 'o1' } })];
    const r: RuleConfig = { name: 'split', cardinality: 'one-to-many', groupBy: 'references.order_id', identifiers: ['references.order_id'] };
    const [m] = only(reconcile([invoice, ...parts], config([r])).outcomes, 'matched');
    expect(ids(m!.right)).toEqual(['p1', 'p2']);
  });
});

describe('reconcile: subset-sum fallback', () => {
  const credit = (amount: string) => txn({ txn_id: 'B1', source: 'razorpay', amount, transaction_type: 'SETTLEMENT', value_date: '2024-04-12' });
  const pay = (id: string, amount: string, day = '2024-04-11') => txn({ txn_id: id, source: 'ledger', amount, value_date: day });
  const rule: RuleConfig = {
    name: 'subset',
    cardinality: 'many-to-one',
    subsetSum: { maxCandidates: 10 },
    checks: { date: { before: 0, after: 2 } },
  };

  it('accepts the unique combination', () => {
    const result = reconcile([pay('a', '10.00'), pay('b', '25.00'), pay('c', '40.00'), credit('65.00')], config([rule]));
    const [m] = only(result.outcomes, 'matched');
    expect(ids(m!.left)).toEqual(['b', 'c']);
    expect(m?.evidence.method).toBe('subset-sum');
    expect(m!.confidence).toBeLessThan(1);
    expect(kinds(only(result.outcomes, 'unmatched'))).toEqual(['unmatched:a|']);
  });

  it('several combinations: suggested with the solutions found, nothing matched', () => {
    const result = reconcile([pay('a', '10.00'), pay('b', '20.00'), pay('c', '30.00'), credit('30.00')], config([rule]));
    const [s] = only(result.outcomes, 'suggested') as SuggestedOutcome[];
    expect(s?.reason).toBe('subset-ambiguous');
    expect(s?.candidates.map((c) => c.left.map((k) => k.txn_id).join('+'))).toEqual(['a+b', 'c']);
    expect(only(result.outcomes, 'matched')).toHaveLength(0);
  });

  it('candidates outside the date window never count; too many candidates leave the credit open', () => {
    const outside = reconcile([pay('a', '10.00', '2024-04-01'), pay('b', '20.00'), credit('30.00')], config([rule]));
    expect(only(outside.outcomes, 'matched')).toHaveLength(0);
    const crowded = reconcile([pay('a', '10.00'), pay('b', '20.00'), credit('30.00')], config([{ ...rule, subsetSum: { maxCandidates: 1 } }]));
    const open = only(crowded.outcomes, 'unmatched') as UnmatchedOutcome[];
    expect(open.find((o) => o.right.length === 1)?.reason).toBe('too-many-candidates');
  });

  it('two credits competing for one payment go to review together', () => {
    const c2 = txn({ txn_id: 'B2', source: 'razorpay', amount: '10.00', transaction_type: 'SETTLEMENT', value_date: '2024-04-12' });
    const result = reconcile([pay('a', '10.00'), credit('10.00'), c2], config([rule]));
    const [s] = only(result.outcomes, 'suggested');
    expect(ids(s!.right)).toEqual(['B1', 'B2']);
  });
});

describe('reconcile: duplicates, filters, exclusions, rejects', () => {
  it('the same txn_id twice from one source: one is a duplicate of the other, whatever the order', () => {
    const a = payment('p1', '100.00', { raw: { v: 1 } });
    const b = payment('p1', '100.00', { raw: { v: 2 } });
    for (const records of [
      [ledger('L1', 'p1'), a, b],
      [b, ledger('L1', 'p1'), a],
    ]) {
      const result = reconcile(records, config([byId]));
      const [d] = only(result.outcomes, 'duplicate');
      expect(d?.key).toBe('txn_id');
      expect(d?.right[0]?.raw).toEqual({ v: 2 }); // the copy whose canonical JSON sorts later
      expect(only(result.outcomes, 'matched')[0]?.right[0]?.raw).toEqual({ v: 1 });
    }
  });

  it('a configured duplicate key catches a double post under two ids; the first by key is kept', () => {
    const records = [ledger('L2', 'p1'), ledger('L1', 'p1'), payment('p1')];
    const result = reconcile(records, config([byId], {}, { l: { duplicateKey: ['references.payment_id'] } }));
    expect(kinds(result.outcomes)).toEqual(['duplicate:L2|', 'matched:L1|p1']);
    expect(only(result.outcomes, 'duplicate')[0]?.of).toEqual({ source: 'ledger', txn_id: 'L1' });
  });

  it('rule filters: records no rule applies to are unmatched as not-applicable', () => {
    const records = [ledger('L1', 'p1', '100.00', { transaction_type: 'REFUND' }), payment('p1')];
    const rule: RuleConfig = { ...byId, filters: { left: { transaction_type: 'PAYMENT' } } };
    const result = reconcile(records, config([rule]));
    expect((only(result.outcomes, 'unmatched') as UnmatchedOutcome[]).map((o) => o.reason).sort()).toEqual(['no-candidate', 'not-applicable']);
  });

  it('link filters and exclusions keep records out of a link entirely', () => {
    const cfg: ReconConfig = {
      sides: [
        { name: 'l', sources: ['ledger'] },
        { name: 'r', sources: ['razorpay'] },
      ],
      links: [
        { name: 'first', left: 'l', right: 'r', rules: [byId] },
        { name: 'second', left: 'l', right: 'r', rules: [{ name: 'o', identifiers: ['references.order_id'] }], excludeResolvedIn: { left: ['first'] }, filters: { right: { status: 'SUCCESS' } } },
      ],
    };
    const records = [ledger('L1', 'p1', '100.00', { references: { payment_id: 'p1', order_id: 'o' } }), payment('p1', '100.00', { references: { payment_id: 'p1', order_id: 'o' } }), payment('p2', '100.00', { status: 'FAILED' })];
    const result = reconcile(records, cfg);
    const second = result.links[1]!.outcomes;
    expect(kinds(second)).toEqual(['unmatched:|p1']);
    expect(result.summary.links.second?.records).toEqual({ left: 0, right: 1 });
  });

  it('records that cannot be read are rejected with a typed error, and the run goes on', () => {
    const bad = ledger('L9', 'p9', '12.5');
    const result = reconcile([bad, ledger('L1', 'p1'), payment('p1')], config([byId]));
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.record).toBe(bad);
    expect(result.rejected[0]?.error.code).toBe('MATCH_RECORD_INVALID');
    expect(result.summary.rejected).toBe(1);
    expect(only(result.outcomes, 'matched')).toHaveLength(1);
  });

  it('records on no side are counted as unassigned', () => {
    const result = reconcile([ledger('L1', 'p1'), txn({ txn_id: 'x', source: 'other' })], config([byId]));
    expect(result.summary.unassigned).toBe(1);
    expect(result.outcomes.flatMap((o) => [...o.left, ...o.right]).map((t) => t.txn_id)).toEqual(['L1']);
  });
});

describe('reconcile: exactness beyond 2^53', () => {
  it('switches to bigint arithmetic for huge amounts and stays exact', () => {
    // 10^16 paise and one more: a double cannot tell these apart.
    const records = [ledger('L1', 'p1', '100000000000000.00'), payment('p1', '100000000000000.01')];
    const [m] = only(reconcile(records, config([byId])).outcomes, 'mismatched') as MismatchedOutcome[];
    expect(m?.mismatches).toEqual([{ type: 'amount', difference: -1n, allowed: 0n }]);
    expect(m?.amounts?.left).toBe(10_000_000_000_000_000n);
  });
});

describe('reconcile: summary', () => {
  it('counts records and money per outcome, per source and per rule, as exact decimals', () => {
    const records = [ledger('L1', 'p1', '100.10'), payment('p1', '100.10'), ledger('L2', 'p2', '5.00'), payment('p3', '7.25', { direction: 'DEBIT' })];
    const s = reconcile(records, config([byId])).summary.links.L!;
    expect(s.records).toEqual({ left: 2, right: 2 });
    expect(s.outcomes.matched).toEqual({ count: 1, records: 2, amounts: { INR: { credit: '200.20', debit: '0.00' } } });
    expect(s.outcomes.unmatched).toEqual({ count: 2, records: 2, amounts: { INR: { credit: '5.00', debit: '7.25' } } });
    expect(s.bySource.razorpay?.unmatched).toEqual({ count: 1, records: 1, amounts: { INR: { credit: '0.00', debit: '7.25' } } });
    expect(s.byRule).toEqual({ pid: { matched: 1, mismatched: 0, suggested: 0 } });
  });
});

describe('reconcile: rejected records', () => {
  it('lists unreadable records in content order, whatever the input order', () => {
    const base = { schema_version: 1 as const, source: 'ledger', account_id: 'A', currency: 'INR', direction: 'CREDIT' as const, status: 'SUCCESS' as const, transaction_type: 'PAYMENT' as const, references: {}, raw: null };
    const bad = ['b', 'a', 'c'].map((id) => ({ ...base, txn_id: id, amount: '1.00', timestamp: 'not a time' }));
    const config = { sides: [{ name: 'l', sources: ['ledger'] }, { name: 'r', sources: ['bank'] }], links: [{ name: 'x', left: 'l', right: 'r', rules: [{ name: 'id', identifiers: [{ left: 'txn_id', right: 'txn_id' }] }] }] };
    const ids = (order: typeof bad) => reconcile(order, config as never).rejected.map((r) => r.record.txn_id);
    expect(ids(bad)).toHaveLength(3);
    expect(ids([...bad].reverse())).toEqual(ids(bad));
    expect(ids(bad)).toEqual(['a', 'b', 'c']);
  });
});
