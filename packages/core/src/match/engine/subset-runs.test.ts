import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { exportJson } from '../export/json';
import { credit, line, pay, refund, runsConfig } from '../runs-fixtures.test-helper';
import type { MatchedOutcome, Outcome, SuggestedOutcome } from '../types';
import { reconcile } from './reconcile';

const ids = (list: readonly StandardTransaction[]) => list.map((t) => t.txn_id);
const withheld = (records: StandardTransaction[], cfg = runsConfig()) => reconcile(records, cfg).links.find((l) => l.name === 'withheld')!.outcomes;
const summary = (outcomes: readonly Outcome[]) => outcomes.map((o) => `${o.kind}:${[...ids(o.left), ...ids(o.right)].join('+')}`).sort();

// p1 p2 | p3 p4 | p5 | p6 — p1, p2 and p5 reported; p3+p4 and p6 are the blocks left.
const day = [pay('p1', '100.00', 0), pay('p2', '200.00', 1), pay('p3', '300.00', 2), pay('p4', '400.00', 3), pay('p5', '500.00', 4), pay('p6', '600.00', 5)];
const reported = [line('p1'), line('p2'), line('p5')];

describe('subset-sum runs', () => {
  it('matches the credit with the whole block between settled payments', () => {
    const out = withheld([...day, ...reported, credit('B1', '700.00')]);
    expect(summary(out)).toEqual(['matched:p3+p4+B1', 'unmatched:p6']);
    const m = out.find((o) => o.kind === 'matched') as MatchedOutcome;
    expect(m.evidence.method).toBe('subset-sum');
    expect(m.amounts.difference).toBe(0n);
  });

  it('never spans a settled payment nor takes part of a block', () => {
    // p4 + p6 = 1000 and p3 alone = 300: sums that exist, but not as whole blocks.
    expect(summary(withheld([...day, ...reported, credit('B1', '1000.00'), credit('B2', '300.00')]))).toEqual([
      'unmatched:B1',
      'unmatched:B2',
      'unmatched:p3',
      'unmatched:p4',
      'unmatched:p6',
    ]);
  });

  it("nets refunds of the day before, of the payout's channel only", () => {
    const card = pay('pc', '50.00', 30, { channel: 'CARD' });
    const records = [...day, ...reported, card, line('pc'), refund('r1', 'p1', '70.00'), refund('r2', 'pc', '70.00'), credit('B1', '630.00')];
    expect(summary(withheld(records))).toEqual(['matched:p3+p4+r1+B1', 'unmatched:p6', 'unmatched:r2']);
    // Without the parent's channel either refund could be the one: review, not a guess.
    const blind = withheld(records, runsConfig({ netting: { filter: { transaction_type: 'REFUND' } } }));
    const s = blind.find((o) => o.kind === 'suggested') as SuggestedOutcome;
    expect(s.reason).toBe('subset-ambiguous');
    expect(s.candidates.map((c) => c.left.map((k) => k.txn_id).join('+'))).toEqual(['p3+p4+r1', 'p3+p4+r2']);
    expect(blind.some((o) => o.kind === 'matched')).toBe(false);
  });

  it('two blocks with the credit amount: suggested, nothing matched', () => {
    const nb = [pay('n1', '650.00', 10, { channel: 'NETBANKING' }), pay('n2', '50.00', 11, { channel: 'NETBANKING' })];
    const out = withheld([...day, ...reported, ...nb, credit('B1', '700.00')]);
    expect(out.some((o) => o.kind === 'matched')).toBe(false);
    expect(summary(out.filter((o) => o.kind === 'suggested'))).toEqual(['suggested:n1+n2+p3+p4+B1']);
  });

  it('splits one block between two consecutive payouts, each with its own credit', () => {
    // p3 p4 | p6 p7 p8: the second block is two payouts, 600+700 and 800.
    const more = [pay('p7', '700.00', 6), pay('p8', '800.00', 7)];
    const out = withheld([...day, ...more, ...reported, credit('B1', '700.00'), credit('B2', '1300.00'), credit('B3', '800.00')]);
    expect(summary(out)).toEqual(['matched:p3+p4+B1', 'matched:p6+p7+B2', 'matched:p8+B3']);
  });

  it('records of the same second as a settled payment may belong to either side', () => {
    // p5 (settled) and q (open) share 10:04: q may precede p5, so p3+p4+q is a candidate block too.
    const q = pay('q', '50.00', 4);
    expect(summary(withheld([...day, q, ...reported, credit('B1', '750.00')]))).toContain('matched:p3+p4+q+B1');
    expect(summary(withheld([...day, q, ...reported, credit('B1', '650.00')]))).toContain('matched:p6+q+B1');
  });

  it('maxSkipped 1: leaves out the one record whose value explains the difference, unless another has it too', () => {
    // p3 p4 p4b: p4b (350) was not paid out; p3 + p4 = 700.
    const records = [...day, pay('p4b', '350.00', 3), ...reported, credit('B1', '700.00')];
    expect(summary(withheld(records))).not.toContain('matched:p3+p4+B1');
    expect(summary(withheld(records, runsConfig({ maxSkipped: 1 })))).toContain('matched:p3+p4+B1');
    // With p4b at 300.00, leaving out p3 or p4b gives the same sum: review.
    const twin = [...day, pay('p4b', '300.00', 3), ...reported, credit('B1', '700.00')];
    const out = withheld(twin, runsConfig({ maxSkipped: 1 }));
    expect(out.some((o) => o.kind === 'matched')).toBe(false);
    expect((out.find((o) => o.kind === 'suggested') as SuggestedOutcome).candidates).toHaveLength(2);
  });

  it('a replayed payment (same id) does not cut its block', () => {
    const replay = { ...day[3]! };
    expect(summary(withheld([...day, replay, ...reported, credit('B1', '700.00')]))).toContain('matched:p3+p4+B1');
  });

  it('is byte-identical for any record order', () => {
    const records = [...day, ...reported, refund('r1', 'p1', '70.00'), credit('B1', '630.00'), credit('B2', '600.00')];
    const forward = reconcile(records, runsConfig());
    expect(exportJson(reconcile([...records].reverse(), runsConfig()))).toBe(exportJson(forward));
    expect(summary(forward.links[1]!.outcomes)).toEqual(['matched:p3+p4+r1+B1', 'matched:p6+B2']);
  });

  it('property: an accepted run sums exactly to its credit; a planted second solution makes it refuse', () => {
    const money = fc.integer({ min: 1, max: 500_000 }).map((p) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`);
    const minor = (s: string) => BigInt(s.replace('.', ''));
    const text = (p: bigint) => `${p / 100n}.${String(p % 100n).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 8 }), fc.array(money, { minLength: 0, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), (amounts, refunds, netted, plant) => {
        const block = amounts.map((a, k) => pay(`b${k}`, a, 10 + k));
        const edges = [pay('e0', '1.00', 1), pay('e1', '1.00', 40)];
        const refundRecords = refunds.map((a, k) => refund(`r${k}`, 'e0', a));
        const total = amounts.reduce((s, a) => s + minor(a), 0n) - refunds.reduce((s, a, k) => s + (netted[k] ? minor(a) : 0n), 0n);
        fc.pre(total > 0n);
        const records = [...block, ...edges, line('e0'), line('e1'), ...refundRecords, credit('B', text(total))];
        const out = withheld(records);
        const matched = out.filter((o): o is MatchedOutcome => o.kind === 'matched');
        // Without refunds nothing else can explain the credit: the block must be found.
        if (refunds.length === 0) expect(matched).toHaveLength(1);
        for (const m of matched) {
          expect(m.amounts.difference).toBe(0n);
          expect(m.amounts.left - m.amounts.fee).toBe(m.amounts.right);
          expect(ids(m.left).filter((i) => i.startsWith('b')).sort()).toEqual(block.map((b) => b.txn_id).sort());
        }
        if (!plant) return;
        // The same payments again on another channel: two equal solutions, so nothing is matched.
        const twin = amounts.map((a, k) => pay(`t${k}`, a, 10 + k, { channel: 'CARD' }));
        const twinEdges = [pay('te0', '1.00', 1, { channel: 'CARD' }), pay('te1', '1.00', 40, { channel: 'CARD' })];
        const planted = withheld([...records, ...twin, ...twinEdges, line('te0'), line('te1')], runsConfig({ netting: { filter: { transaction_type: 'REFUND' } } }));
        expect(planted.some((o) => o.kind === 'matched' && o.right.some((r) => r.txn_id === 'B'))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
