import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtLeast, firstAtLeastBy } from './sorted';

describe('lower-bound search', () => {
  it('finds the first position whose value is at least x, for numbers and bigints alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }), fc.integer({ min: -60, max: 60 }), (values, x) => {
        const sorted = values.slice().sort((a, b) => a - b);
        const want = sorted.findIndex((v) => v >= x);
        const expected = want < 0 ? sorted.length : want;
        expect(firstAtLeast(Float64Array.from(sorted), x)).toBe(expected);
        const big = sorted.map((v) => BigInt(v));
        expect(firstAtLeastBy(big, BigInt(x), (a, b) => (a < b ? -1 : a > b ? 1 : 0))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
