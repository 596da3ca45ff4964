import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintArith, numberArith } from './arith';
import { subsetSearch } from './subset-sum';

/** Every non-empty subset with its sum, by brute force (the reference). */
function brute(values: number[], lo: number, hi: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << values.length; mask++) {
    const subset = values.flatMap((_, k) => (mask & (1 << k) ? [k] : []));
    const sum = subset.reduce((s, k) => s + values[k]!, 0);
    if (sum >= lo && sum <= hi) out.push(subset);
  }
  return out;
}

describe('subsetSearch', () => {
  it('finds the unique subset and proves it unique', () => {
    const r = subsetSearch(numberArith, [1000, 2500, 4000], 6500, 6500, 1000);
    expect(r).toEqual({ solutions: [[1, 2]], complete: true });
  });

  it('stops at two solutions', () => {
    const r = subsetSearch(numberArith, [10, 20, 30], 30, 30, 1000);
    expect(r.solutions).toEqual([[0, 1], [2]]);
    expect(r.complete).toBe(true);
  });

  it('handles negative values (refunds netted into a batch) and a tolerance interval', () => {
    const r = subsetSearch(numberArith, [500, -200, 700], 298, 302, 1000);
    expect(r.solutions).toEqual([[0, 1]]);
  });

  it('reports an incomplete search when the budget runs out', () => {
    // 15 of these sum to about 15 000: the search must wander through many combinations.
    const values = Array.from({ length: 30 }, (_, k) => 1000 + 2 * k);
    const r = subsetSearch(numberArith, values, 15_001, 15_001, 50);
    expect(r.complete).toBe(false);
  });

  it('works on bigints', () => {
    expect(subsetSearch(bigintArith, [10n ** 18n, 5n], 10n ** 18n + 5n, 10n ** 18n + 5n, 100).solutions).toEqual([[0, 1]]);
  });

  it('agrees with brute force on the first two solutions and on uniqueness', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 200 }), { maxLength: 10 }), fc.integer({ min: -100, max: 400 }), fc.integer({ min: 0, max: 5 }), (values, target, tol) => {
        const expected = brute(values, target - tol, target + tol);
        const r = subsetSearch(numberArith, values, target - tol, target + tol, 1_000_000);
        expect(r.complete).toBe(true);
        expect(r.solutions.length).toBe(Math.min(2, expected.length));
        for (const s of r.solutions) expect(expected).toContainEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
