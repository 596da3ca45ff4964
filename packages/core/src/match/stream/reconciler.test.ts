import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { reconcile } from '../engine/reconcile';
import { exportJson } from '../export/json';
import { ledger, payment, txn } from '../fixtures.test-helper';
import type { ReconConfig } from '../types';
import { createReconciler, restoreReconciler, type ReconEvent } from './reconciler';

const sides = [
  { name: 'l', sources: ['ledger'] },
  { name: 'r', sources: ['razorpay'] },
];
const CONFIGS: Record<string, ReconConfig> = {
  unique: { sides, links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'] }] }] },
  best: {
    sides,
    links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'], ambiguity: 'best', checks: { amount: { tolerance: { absolute: 2 } } } }] }],
  },
  subset: {
    sides,
    links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'sub', cardinality: 'many-to-one', subsetSum: { maxCandidates: 8, maxIterations: 5000 }, checks: { date: { before: 0, after: 2 } } }] }],
  },
};

const recordArb = fc
  .record({
    side: fc.constantFrom('ledger', 'razorpay'),
    id: fc.integer({ min: 0, max: 12 }),
    pid: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: undefined }),
    amount: fc.constantFrom('1.00', '1.00', '1.01', '3.50'),
    day: fc.integer({ min: 1, max: 3 }),
  })
  .map(
    (r): StandardTransaction =>
      txn({
        txn_id: `${r.side === 'ledger' ? 'L' : 'R'}${r.id}`,
        source: r.side,
        amount: r.amount,
        references: r.pid ? { payment_id: r.pid } : {},
        timestamp: `2024-04-0${r.day}T10:00:00+05:30`,
        value_date: `2024-04-0${r.day}`,
      }),
  );

const scenario = fc.record({
  config: fc.constantFrom(...Object.keys(CONFIGS)),
  records: fc.array(recordArb, { maxLength: 20 }),
  seed: fc.integer(),
  cut: fc.nat(),
});

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = list.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('streaming reconciler', () => {
  it('ends equal to the batch export for any arrival order', () => {
    fc.assert(
      fc.property(scenario, ({ config, records, seed }) => {
        const cfg = CONFIGS[config]!;
        const rec = createReconciler(cfg);
        for (const t of shuffle(records, seed)) rec.add(t);
        rec.advanceTo(Date.parse('2030-01-01T00:00:00Z'));
        expect(exportJson(rec.result())).toBe(exportJson(reconcile(records, cfg)));
      }),
      { numRuns: 100 },
    );
  });

  it('continues identically after snapshot/restore at any point', () => {
    fc.assert(
      fc.property(scenario, ({ config, records, seed, cut }) => {
        const cfg = CONFIGS[config]!;
        const order = shuffle(records, seed);
        const at = records.length === 0 ? 0 : cut % (records.length + 1);
        const straight = createReconciler(cfg, { defaultWindowMs: 86_400_000 });
        const straightEvents: ReconEvent['type'][] = [];
        straight.on((e) => straightEvents.push(e.type));
        const first = createReconciler(cfg, { defaultWindowMs: 86_400_000 });
        const events: ReconEvent['type'][] = [];
        first.on((e) => events.push(e.type));
        order.slice(0, at).forEach((t) => {
          straight.add(t);
          first.add(t);
        });
        const json = JSON.stringify(first.snapshot());
        const second = restoreReconciler(cfg, JSON.parse(json) as ReturnType<typeof first.snapshot>, { defaultWindowMs: 86_400_000 });
        second.on((e) => events.push(e.type));
        order.slice(at).forEach((t) => {
          straight.add(t);
          second.add(t);
        });
        expect(events).toEqual(straightEvents);
        expect(exportJson(second.result())).toBe(exportJson(straight.result()));
      }),
      { numRuns: 100 },
    );
  });

  it('emits expected, then break after the window, then reopened on a late arrival', () => {
    const rec = createReconciler(CONFIGS['unique']!, { windows: { L: 3_600_000 } });
    const events: string[] = [];
    rec.on((e) => events.push(`${e.type}:${[...e.outcome.left, ...e.outcome.right].map((t) => t.txn_id).join('+')}`));
    rec.add(ledger('L1', 'p1', '1.00', { timestamp: '2024-04-01T10:00:00+05:30' }));
    expect(events).toEqual(['expected:L1']);
    rec.advanceTo(Date.parse('2024-04-01T10:30:00+05:30')); // inside the hour: still waiting
    expect(events).toEqual(['expected:L1']);
    rec.advanceTo(Date.parse('2024-04-01T11:00:01+05:30'));
    expect(events).toEqual(['expected:L1', 'break:L1']);
    expect(rec.result().outcomes.map((o) => o.kind)).toEqual(['unmatched']);
    rec.add(payment('p1', '1.00', { timestamp: '2024-04-01T10:05:00+05:30' }));
    expect(events).toEqual(['expected:L1', 'break:L1', 'reopened:L1+p1']);
    expect(rec.result().outcomes.map((o) => o.kind)).toEqual(['matched']);
  });

  it('emits matched and mismatched as counterparts arrive', () => {
    const rec = createReconciler(CONFIGS['unique']!, { defaultWindowMs: 86_400_000 });
    const events: string[] = [];
    rec.on((e) => events.push(`${e.type}:${[...e.outcome.left, ...e.outcome.right].map((t) => t.txn_id).join('+')}`));
    rec.add(payment('p1', '1.00'));
    rec.add(ledger('L1', 'p1', '1.00'));
    rec.add(ledger('L2', 'p2', '2.00'));
    rec.add(payment('p2', '3.00'));
    expect(events).toEqual(['expected:p1', 'matched:L1+p1', 'expected:L2', 'mismatched:L2+p2']);
  });
});
