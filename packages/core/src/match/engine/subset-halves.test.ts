import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintArith, numberArith } from './arith';
import { subsetHalves, subsetsInRange } from './subset-halves';

/** Every non-empty subset in [lo, hi] avoiding `excluded`, by brute force (the reference). */
function brute(values: number[], lo: number, hi: number, excluded = 0): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << values.length; mask++) {
    if (mask & excluded) continue;
    const subset = values.flatMap((_, k) => (mask & (1 << k) ? [k] : []));
    const sum = subset.reduce((s, k) => s + values[k]!, 0);
    if (sum >= lo && sum <= hi) out.push(subset);
  }
  return out;
}
const key = (s: number[]) => s.join(',');

describe('subsetHalves / subsetsInRange', () => {
  it('finds the unique subset of negative values (refunds) and nothing else', () => {
    const index = subsetHalves(numberArith, [-500, -1250, -300]);
    expect(subsetsInRange(numberArith, index, -800, -800, 2)).toEqual([[0, 2]]);
    expect(subsetsInRange(numberArith, index, -1, -1, 2)).toEqual([]);
  });

  it('skips subsets using an excluded position', () => {
    const index = subsetHalves(numberArith, [-100, -100, -50]);
    expect(subsetsInRange(numberArith, index, -100, -100, 5).map(key).sort()).toEqual(['0', '1']);
    expect(subsetsInRange(numberArith, index, -100, -100, 5, 0b01)).toEqual([[1]]);
  });

  it('works on bigint amounts', () => {
    const index = subsetHalves(bigintArith, [-9_007_199_254_740_993n, -7n, -5n]);
    expect(subsetsInRange(bigintArith, index, -9_007_199_254_741_000n, -9_007_199_254_741_000n, 2)).toEqual([[0, 1]]);
  });

  it('rejects sets too large to enumerate', () => {
    expect(() => subsetHalves(numberArith, new Array<number>(31).fill(1))).toThrow(RangeError);
  });

  it('property: exactly the brute-force subsets (as a set), capped, exhaustive below the cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 0, maxLength: 10 }),
        fc.integer({ min: -150, max: 150 }),
        fc.integer({ min: 0, max: 5 }),
        fc.nat(1023),
        fc.integer({ min: 1, max: 6 }),
        (values, lo, width, excluded, max) => {
          const expected = brute(values, lo, lo + width, excluded).map(key).sort();
          const got = subsetsInRange(numberArith, subsetHalves(numberArith, values), lo, lo + width, max, excluded).map(key);
          expect(new Set(got).size).toBe(got.length);
          expect(got.length).toBe(Math.min(max, expected.length));
          for (const g of got) expect(expected).toContain(g);
        },
      ),
    );
  });
});
