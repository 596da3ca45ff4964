import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberArith } from './arith';
import { optimalAssignment, type ClusterEdge } from './optimal';

const edge = (e: number, l: number, r: number, absDelta = 0, absDate = 0): ClusterEdge<number> => ({ edge: e, l, r, absDelta, absDate });

/** Best (count, Σ|Δ|) over all matchings, by brute force. */
function bruteBest(left: number, edges: ClusterEdge<number>[]): [number, number] {
  let best: [number, number] = [0, 0];
  const go = (l: number, used: Set<number>, count: number, cost: number) => {
    if (l === left) {
      if (count > best[0] || (count === best[0] && cost < best[1])) best = [count, cost];
      return;
    }
    for (const e of edges.filter((x) => x.l === l && !used.has(x.r))) go(l + 1, new Set([...used, e.r]), count + 1, cost + e.absDelta);
    go(l + 1, used, count, cost);
  };
  go(0, new Set(), 0, 0);
  return best;
}

describe('optimalAssignment', () => {
  it('pairs the most records, where greedy would strand one', () => {
    // L0 fits R0 and R1, L1 fits only R0.
    expect(optimalAssignment(numberArith, 2, 2, [edge(0, 0, 0), edge(1, 0, 1), edge(2, 1, 0)], 1000)?.sort()).toEqual([1, 2]);
  });

  it('among maximum matchings, takes the least total difference', () => {
    const chosen = optimalAssignment(numberArith, 2, 2, [edge(0, 0, 0, 5), edge(1, 0, 1, 1), edge(2, 1, 0, 1), edge(3, 1, 1, 5)], 1000);
    expect(chosen?.sort()).toEqual([1, 2]);
  });

  it('returns null when the budget is exhausted', () => {
    const edges = Array.from({ length: 36 }, (_, k) => edge(k, Math.floor(k / 6), k % 6));
    expect(optimalAssignment(numberArith, 6, 6, edges, 10)).toBeNull();
  });

  it('matches brute force on count and cost', () => {
    const arb = fc.array(fc.record({ l: fc.integer({ min: 0, max: 4 }), r: fc.integer({ min: 0, max: 4 }), d: fc.integer({ min: 0, max: 9 }) }), { maxLength: 14 });
    fc.assert(
      fc.property(arb, (raw) => {
        const seen = new Set<string>();
        const edges = raw.filter((x) => !seen.has(`${x.l},${x.r}`) && seen.add(`${x.l},${x.r}`)).map((x, k) => edge(k, x.l, x.r, x.d));
        const chosen = optimalAssignment(numberArith, 5, 5, edges, 1_000_000)!;
        const picked = chosen.map((e) => edges[e]!);
        expect(new Set(picked.map((e) => e.l)).size).toBe(picked.length);
        expect(new Set(picked.map((e) => e.r)).size).toBe(picked.length);
        expect([picked.length, picked.reduce((s, e) => s + e.absDelta, 0)]).toEqual(bruteBest(5, edges));
      }),
      { numRuns: 300 },
    );
  });
});
