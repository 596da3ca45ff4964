import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { reconcile } from '../engine/reconcile';
import { exportJson } from '../export/json';
import { credit, line, pay, refund, runsConfig } from '../runs-fixtures.test-helper';
import type { Outcome } from '../types';
import { createReconciler } from './reconciler';
import { shuffle } from './stream-cases.test-helper';

// Runs-mode subset-sum reads records the new one shares no key with: a settled payment of the same
// capture cycle cuts a block, and a netted refund joins only blocks of its parent payment's channel.
const config = runsConfig();

const decisions = (list: readonly Outcome[]) =>
  list
    .map((o) => `${o.link} ${o.kind} ${[...o.left, ...o.right].map((t) => t.txn_id).join('+')}`)
    .sort()
    .join('\n');

/** Feeds `records` one at a time and checks the incremental outcomes against a batch run after each. */
function streamEqualsBatch(records: readonly StandardTransaction[]): void {
  const rec = createReconciler(config);
  const seen: StandardTransaction[] = [];
  for (const t of records) {
    rec.add(t);
    seen.push(t);
    expect(decisions(rec.outcomes()), seen.map((s) => s.txn_id).join(' ')).toBe(decisions(reconcile(seen, config).outcomes));
  }
  expect(exportJson(rec.result())).toBe(exportJson(reconcile(records, config)));
}

describe('streaming runs-mode subset-sum', () => {
  // p1 | p2 (reported) | p3: the credit B1 = p1 + p3 spans the settled p2, so it is no payout.
  const nb = { channel: 'NETBANKING' } as const;
  const cut = [pay('p1', '110.00', 0, nb), pay('p3', '330.00', 2, nb), credit('B1', '440.00'), line('p2'), pay('p2', '220.00', 1, nb)];
  // q1 q2 on UPI; r1 refunds a CARD payment of an earlier day, so it cannot be netted into the
  // UPI block: B2 = q1 + q2 − r1 is no payout either.
  const netted = [
    pay('q1', '100.00', 0, { channel: 'UPI' }),
    pay('q2', '200.00', 1, { channel: 'UPI' }),
    refund('r1', 'pc', '50.00'),
    credit('B2', '250.00'),
    pay('pc', '50.00', 0, { channel: 'CARD', timestamp: '2024-03-20T10:00:00+05:30' }),
  ];

  it('the batch engine leaves both credits open (what the stream must reproduce)', () => {
    const withheld = reconcile([...cut, ...netted], config).links.find((l) => l.name === 'withheld')!;
    expect(withheld.outcomes.filter((o) => o.kind !== 'unmatched')).toEqual([]);
    // Without the cutting payment, or without the refund's parent, both would be payouts.
    const alone = reconcile([...cut.slice(0, 3), ...netted.slice(0, 4)], config).links.find((l) => l.name === 'withheld')!;
    expect(decisions(alone.outcomes.filter((o) => o.kind === 'matched'))).toBe('withheld matched p1+p3+B1\nwithheld matched q1+q2+r1+B2');
  });

  it('a settled payment that arrives last still cuts the block', () => {
    streamEqualsBatch(cut);
  });

  it("a netted refund's parent that arrives last still decides its channel", () => {
    streamEqualsBatch(netted);
  });

  // A reported pending payment: it cuts only blocks whose partition holds open pending payments,
  // never because of a pending payment of another partition (z, a month earlier).
  const pending = [pay('x1', '10.00', 1, { ...nb, status: 'PENDING', timestamp: '2024-04-01T11:01:00+05:30' }), line('x1')];
  const far = pay('z', '10.00', 0, { status: 'PENDING', timestamp: '2024-03-01T10:00:00+05:30' });

  it('a block depends on its own partition only', () => {
    const withheld = (records: StandardTransaction[]) => decisions(reconcile(records, config).links.find((l) => l.name === 'withheld')!.outcomes.filter((o) => o.kind === 'matched'));
    const base = [...cut.slice(0, 2), pay('p5', '10.00', 2, { ...nb, timestamp: '2024-04-01T11:02:00+05:30' }), credit('B3', '450.00'), ...pending];
    expect(withheld(base)).toBe('withheld matched p1+p3+p5+B3');
    expect(withheld([...base, far])).toBe(withheld(base));
  });

  it('equals the batch run for any arrival order', () => {
    const all = [...cut, ...netted, pay('p4', '400.00', 3, nb), line('p4'), ...pending, far];
    for (let seed = 1; seed <= 12; seed++) streamEqualsBatch(shuffle(all, seed));
  });
});
