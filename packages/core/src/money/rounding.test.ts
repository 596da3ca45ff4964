import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, type RoundingMode } from './rounding';

const MODES: RoundingMode[] = ['half-even', 'half-up', 'floor', 'ceil'];

describe('divideRounded', () => {
  // Rows: numerator / 10, then the result per mode. Covers ties, non-ties and both signs.
  it.each([
    [25n, { 'half-even': 2n, 'half-up': 3n, floor: 2n, ceil: 3n }],
    [35n, { 'half-even': 4n, 'half-up': 4n, floor: 3n, ceil: 4n }],
    [-25n, { 'half-even': -2n, 'half-up': -3n, floor: -3n, ceil: -2n }],
    [-35n, { 'half-even': -4n, 'half-up': -4n, floor: -4n, ceil: -3n }],
    [24n, { 'half-even': 2n, 'half-up': 2n, floor: 2n, ceil: 3n }],
    [26n, { 'half-even': 3n, 'half-up': 3n, floor: 2n, ceil: 3n }],
    [-26n, { 'half-even': -3n, 'half-up': -3n, floor: -3n, ceil: -2n }],
    [30n, { 'half-even': 3n, 'half-up': 3n, floor: 3n, ceil: 3n }],
    [0n, { 'half-even': 0n, 'half-up': 0n, floor: 0n, ceil: 0n }],
  ] as const)('%s / 10', (numerator, expected) => {
    for (const mode of MODES) expect(divideRounded(numerator, 10n, mode), mode).toBe(expected[mode]);
  });

  it('handles a negative denominator and refuses zero', () => {
    expect(divideRounded(25n, -10n, 'floor')).toBe(-3n);
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow(RangeError);
  });

  it('brackets the exact quotient: floor ≤ q ≤ ceil, nearest modes within half a unit', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 30n }), (n, d) => {
        const floor = divideRounded(n, d, 'floor');
        const ceil = divideRounded(n, d, 'ceil');
        expect(floor * d <= n && n < (floor + 1n) * d).toBe(true);
        expect(ceil - floor).toBe(n % d === 0n ? 0n : 1n);
        for (const mode of ['half-even', 'half-up'] as const) {
          const r = divideRounded(n, d, mode);
          const twiceError = 2n * (n - r * d);
          expect(twiceError <= d && twiceError >= -d).toBe(true);
        }
      }),
    );
  });
});
