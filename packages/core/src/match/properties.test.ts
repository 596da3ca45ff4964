import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDecimalString } from '../money/wire';
import type { StandardTransaction } from '../schema/transaction';
import { reconcile } from './engine/reconcile';
import { TransactionStore } from './store/transaction-store';
import { exportCsv } from './export/csv';
import { exportJson } from './export/json';
import { shuffle } from './stream/stream-cases.test-helper';
import type { Outcome, ReconConfig, RuleConfig } from './types';

/**
 * Property tests of the invariants in docs/matching.md: every record in exactly one outcome per
 * link, money conserved per outcome, no dependence on input order, byte-identical re-runs, and
 * optimal assignment never pairing fewer records than greedy.
 */

const paise = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;

const recordArb = fc.record({
  side: fc.constantFrom('ledger', 'razorpay'),
  id: fc.integer({ min: 0, max: 15 }), // small id space: exact duplicates happen
  pid: fc.option(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { nil: undefined, freq: 6 }),
  sid: fc.constantFrom('s1', 's2', 's3'),
  amount: fc.constantFrom(100, 100, 101, 350, 1000, 1000, 1001), // few price points: ties and ambiguity are the point
  fee: fc.constantFrom(0, 0, 20),
  tax: fc.constantFrom(0, 4),
  day: fc.integer({ min: 1, max: 3 }),
  minute: fc.integer({ min: 0, max: 30 }),
  dir: fc.constantFrom('CREDIT', 'CREDIT', 'DEBIT'),
  status: fc.constantFrom('SUCCESS', 'SUCCESS', 'PENDING'),
  currency: fc.constantFrom('INR', 'INR', 'INR', 'USD'),
  copy: fc.integer({ min: 0, max: 1 }),
});

type RecordSpec = typeof recordArb extends fc.Arbitrary<infer R> ? R : never;

function toTxn(r: RecordSpec): StandardTransaction {
  return {
    schema_version: 1,
    txn_id: `${r.side === 'ledger' ? 'L' : 'R'}${r.id}`,
    source: r.side,
    account_id: 'acc',
    amount: paise(r.amount),
    ...(r.fee > 0 && { fee: paise(r.fee) }),
    ...(r.tax > 0 && { tax: paise(r.tax) }),
    currency: r.currency,
    direction: r.dir as StandardTransaction['direction'],
    status: r.status as StandardTransaction['status'],
    timestamp: `2024-04-0${r.day}T10:${String(r.minute).padStart(2, '0')}:00+05:30`,
    value_date: `2024-04-0${r.day}`,
    transaction_type: 'PAYMENT',
    references: { ...(r.pid && { payment_id: r.pid, order_id: `o_${r.pid}` }), settlement_id: r.sid },
    raw: { copy: r.copy },
  };
}

const sides = [
  { name: 'l', sources: ['ledger'] },
  { name: 'r', sources: ['razorpay'] },
];
const one = (rules: RuleConfig[], extra: Partial<ReconConfig['sides'][number]> = {}): ReconConfig => ({
  sides: [{ ...sides[0]!, ...extra }, sides[1]!],
  links: [{ name: 'L', left: 'l', right: 'r', rules }],
});

const CONFIGS: Record<string, ReconConfig> = {
  unique: one([{ name: 'pid', identifiers: ['references.payment_id'], checks: { status: 'equal' } }]),
  best: one([
    { name: 'pid', identifiers: ['references.payment_id'], ambiguity: 'best', checks: { amount: { tolerance: { absolute: 2 } }, date: { before: 1, after: 1 } } },
    { name: 'amt', identifiers: ['amount'], ambiguity: 'best', onCheckFailure: 'next', checks: { date: { field: 'timestamp', unit: 'minutes', before: 10, after: 10 } } },
  ]),
  tie: one([{ name: 'pid', identifiers: ['references.payment_id'], ambiguity: 'best' }]),
  optimal: one([{ name: 'order', identifiers: ['references.order_id'], ambiguity: 'optimal', checks: { amount: { tolerance: { bps: 100 } } } }]),
  grouped: one([
    {
      name: 'setl',
      cardinality: 'many-to-one',
      groupBy: 'references.settlement_id',
      identifiers: ['references.settlement_id'],
      checks: { amount: { net: ['fee', 'tax'] }, date: { before: 1, after: 3 } },
    },
  ]),
  subset: one([{ name: 'subset', cardinality: 'many-to-one', subsetSum: { maxCandidates: 8, maxIterations: 5000 }, checks: { amount: { net: ['fee'] }, date: { before: 0, after: 2 } } }]),
  split: one([{ name: 'split', cardinality: 'one-to-many', groupBy: 'references.order_id', identifiers: ['references.order_id'] }], { duplicateKey: ['references.payment_id'] }),
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
        rules: [{ name: 'sid', identifiers: ['references.settlement_id'], ambiguity: 'best', checks: { amount: { tolerance: { absolute: 1000 } } } }],
      },
    ],
  },
};

const configArb = fc.constantFrom(...Object.keys(CONFIGS));
const recordsArb = fc.array(recordArb, { maxLength: 30, size: 'large' }).map((list) => list.map(toTxn));

const members = (o: Outcome) => [...o.left, ...o.right];
const signedMinor = (t: StandardTransaction) => {
  const m = fromDecimalString(t.amount, t.currency).minor;
  return t.direction === 'DEBIT' ? -m : m;
};
const RUNS = { numRuns: 300 };

describe('matcher properties', () => {
  it('every record of a link is in exactly one of its outcomes', () => {
    fc.assert(
      fc.property(configArb, recordsArb, (name, records) => {
        const result = reconcile(records, CONFIGS[name]!);
        const seen = new Map<string, Map<StandardTransaction, number>>();
        for (const o of result.outcomes) {
          const count = seen.get(o.link) ?? new Map<StandardTransaction, number>();
          for (const t of members(o)) count.set(t, (count.get(t) ?? 0) + 1);
          seen.set(o.link, count);
        }
        for (const link of result.links) {
          const count = seen.get(link.name) ?? new Map();
          for (const n of count.values()) expect(n).toBe(1);
          let expected = records;
          if (name === 'chained' && link.name === 'second') {
            const resolved = new Set(result.links[0]!.outcomes.filter((o) => o.kind !== 'unmatched' && o.kind !== 'duplicate').flatMap(members));
            expected = records.filter((t) => !resolved.has(t) && (t.source === 'ledger' || t.status === 'SUCCESS'));
          }
          expect(count.size).toBe(expected.length);
          for (const t of expected) expect(count.has(t)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('money is conserved per outcome: left − right = fee + tax + difference, from the records themselves', () => {
    fc.assert(
      fc.property(configArb, recordsArb, (name, records) => {
        const result = reconcile(records, CONFIGS[name]!);
        for (const o of result.outcomes) {
          if (o.kind !== 'matched' && o.kind !== 'mismatched') continue;
          const a = o.amounts;
          if (!a) {
            expect(new Set(members(o).map((t) => t.currency)).size).toBeGreaterThan(1);
            continue;
          }
          expect(a.left - a.right).toBe(a.fee + a.tax + a.difference);
          // Direction is `same` in every config, so right is not re-oriented.
          expect(a.left).toBe(o.left.reduce((s, t) => s + signedMinor(t), 0n));
          expect(a.right).toBe(o.right.reduce((s, t) => s + signedMinor(t), 0n));
          const rule = CONFIGS[name]!.links.find((l) => l.name === o.link)!.rules.find((r) => r.name === o.rule)!;
          if (o.kind === 'matched' && rule.checks?.amount?.tolerance === undefined) expect(a.difference).toBe(0n);
        }
        // Per link and source, the summary's credits and debits add up to the input's.
        for (const [linkName, s] of Object.entries(result.summary.links)) {
          const inLink = new Set(result.links.find((l) => l.name === linkName)!.outcomes.flatMap(members));
          for (const [source, byKind] of Object.entries(s.bySource)) {
            for (const cur of ['INR', 'USD']) {
              const total = (dir: string) => [...inLink].filter((t) => t.source === source && t.currency === cur && t.direction === dir).reduce((x, t) => x + fromDecimalString(t.amount, cur).minor, 0n);
              const summed = (field: 'credit' | 'debit') => Object.values(byKind).reduce((x, tally) => x + fromDecimalString(tally.amounts[cur]?.[field] ?? '0.00', cur).minor, 0n);
              expect(summed('credit')).toBe(total('CREDIT'));
              expect(summed('debit')).toBe(total('DEBIT'));
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('the result does not depend on input order (byte-identical JSON and CSV)', () => {
    fc.assert(
      fc.property(configArb, recordsArb, fc.integer(), (name, records, seed) => {
        const a = reconcile(records, CONFIGS[name]!);
        const b = reconcile(shuffle(records, seed), CONFIGS[name]!);
        expect(exportJson(b)).toBe(exportJson(a));
        expect(exportCsv(b)).toBe(exportCsv(a));
      }),
      RUNS,
    );
  });

  it('records in a TransactionStore give the same result as the array (exports, summary, rejected)', () => {
    const bad = fc.constantFrom<Partial<StandardTransaction>>({ currency: 'XYZ' }, { amount: '1.5' }, { timestamp: '2024-04-01' }, { timestamp: '2024-04-01T10:00:00.5+05:30' });
    fc.assert(
      fc.property(configArb, recordsArb, fc.array(fc.tuple(fc.nat(), bad), { maxLength: 3 }), (name, records, breaks) => {
        // Some records the engine must reject (kept in the store like any other), at any position.
        const input = records.map((r) => ({ ...r }));
        for (const [at, patch] of breaks) if (input.length > 0) Object.assign(input[at % input.length]!, patch);
        const a = reconcile(input, CONFIGS[name]!);
        const b = reconcile(TransactionStore.from(input), CONFIGS[name]!);
        expect(exportJson(b)).toBe(exportJson(a));
        expect(exportCsv(b)).toBe(exportCsv(a));
        expect(b.summary).toStrictEqual(a.summary);
        expect(b.rejected.map((r) => [r.record, r.error.message])).toStrictEqual(a.rejected.map((r) => [r.record, r.error.message]));
      }),
      { numRuns: 200 },
    );
  });

  it('a re-run is byte-identical', () => {
    fc.assert(
      fc.property(configArb, recordsArb, (name, records) => {
        expect(exportJson(reconcile(records, CONFIGS[name]!))).toBe(exportJson(reconcile(records, CONFIGS[name]!)));
      }),
      { numRuns: 100 },
    );
  });

  it('optimal pairs at least as many records as best, per link (clusters within the cap)', () => {
    const rule = (ambiguity: 'best' | 'optimal'): RuleConfig => ({ name: 'order', identifiers: ['references.order_id'], ambiguity, checks: { status: 'equal', amount: { tolerance: { absolute: 500 } } } });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }).map((l) => l.map(toTxn)), (records) => {
        const matchedRecords = (ambiguity: 'best' | 'optimal') =>
          reconcile(records, one([rule(ambiguity)])).outcomes.filter((o) => o.kind === 'matched').length;
        expect(matchedRecords('optimal')).toBeGreaterThanOrEqual(matchedRecords('best'));
      }),
      RUNS,
    );
  });

  it('an unrelated record leaves every other outcome unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom('unique', 'optimal', 'grouped', 'chained'), recordsArb, fc.boolean(), (name, records, left) => {
        const stranger: StandardTransaction = {
          ...toTxn({ side: left ? 'ledger' : 'razorpay', id: 0, pid: undefined, sid: 's1', amount: 100, fee: 0, tax: 0, day: 3, minute: 0, dir: 'CREDIT', status: 'SUCCESS', currency: 'INR', copy: 0 }),
          txn_id: 'stranger',
          amount: '7777.77',
          value_date: '2024-05-30',
          references: { payment_id: 'p_stranger', order_id: 'o_stranger', settlement_id: 's_stranger' },
        };
        const before = reconcile(records, CONFIGS[name]!).outcomes.map((o) => JSON.stringify(o));
        const after = reconcile([...records, stranger], CONFIGS[name]!)
          .outcomes.filter((o) => !members(o).includes(stranger))
          .map((o) => JSON.stringify(o));
        expect(after).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
