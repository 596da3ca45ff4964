import { describe, expect, it } from 'vitest';
import type { Outcome } from '../types';
import { orderMade, orderOutcomes } from './order';

const rec = (txn_id: string) => ({ source: 's', txn_id }) as Outcome['left'][number];
const unmatched = (txn: string, id: string): Outcome => ({ kind: 'unmatched', id, link: 'x', side: 'left', reason: 'no-candidate', left: [rec(txn)], right: [] }) as unknown as Outcome;
const matched = (txn: string, id: string): Outcome => ({ kind: 'matched', id, link: 'x', left: [rec(txn)], right: [] }) as unknown as Outcome;

/** The order a plain comparator sort gives: kind rank, hi, lo (unsigned), then member keys. */
function reference(outcomes: Outcome[], hi: Uint32Array, lo: Uint32Array): Outcome[] {
  const rank = { matched: 0, mismatched: 1, suggested: 2, unmatched: 3, duplicate: 4 } as const;
  const idx = outcomes.map((_, i) => i);
  idx.sort((a, b) => rank[outcomes[a]!.kind] - rank[outcomes[b]!.kind] || hi[a]! - hi[b]! || lo[a]! - lo[b]! || (outcomes[a]!.left[0]!.txn_id < outcomes[b]!.left[0]!.txn_id ? -1 : 1));
  return idx.map((i) => outcomes[i]!);
}

describe('orderOutcomes', () => {
  it('orders by kind, then 64-bit hash as unsigned words, then content on equal hashes', () => {
    // Deterministic pseudo-random hashes, with a few forced collisions and high-bit words.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const n = 3000;
    const outcomes: Outcome[] = [];
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      outcomes.push(i % 3 === 0 ? matched(`t${n - i}`, `o${i}`) : unmatched(`t${n - i}`, `o${i}`));
      hi[i] = i % 50 === 0 ? 0xffff0000 : i % 7 === 0 ? 5 : next(); // many in one 16-bit bucket
      lo[i] = i % 100 === 0 ? 42 : next();
    }
    const got = orderOutcomes(outcomes, hi, lo);
    expect(got.map((o) => o.id)).toEqual(reference(outcomes, hi, lo).map((o) => o.id));
  });

  it('gives the same order for any input order', () => {
    const outcomes = [unmatched('b', 'o1'), matched('a', 'o2'), unmatched('a', 'o3')];
    const hi = Uint32Array.of(1, 1, 1);
    const lo = Uint32Array.of(9, 9, 9);
    const forward = orderOutcomes(outcomes, hi, lo).map((o) => o.id);
    const backward = orderOutcomes([...outcomes].reverse(), hi, lo).map((o) => o.id);
    expect(forward).toEqual(['o2', 'o3', 'o1']);
    expect(backward).toEqual(forward);
  });

  it('makes outcomes on demand, once each, in the order of the made-up-front path', () => {
    const outcomes = [unmatched('b', 'o1'), matched('a', 'o2'), unmatched('a', 'o3'), matched('c', 'o4'), unmatched('z', 'o5')];
    const hi = Uint32Array.of(7, 3, 7, 3, 0x80000000);
    const lo = Uint32Array.of(1, 2, 1, 1, 0);
    const rank = { matched: 0, mismatched: 1, suggested: 2, unmatched: 3, duplicate: 4 } as const;
    // Bits above the kind rank (the builder's side and reason) must not change the order.
    const kinds = Uint8Array.from(outcomes, (o, i) => rank[o.kind] | (i << 4));
    const made: number[] = [];
    const got = orderMade(outcomes.length, (i) => (made.push(i), outcomes[i]!), hi, lo, kinds);
    expect(got.map((o) => o.id)).toEqual(['o4', 'o2', 'o3', 'o1', 'o5']);
    expect(got.map((o) => o.id)).toEqual(orderOutcomes(outcomes, hi, lo).map((o) => o.id));
    expect([...made].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
