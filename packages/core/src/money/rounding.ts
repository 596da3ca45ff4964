/**
 * How to round an exact quotient to an integer.
 * - `'half-even'`: to nearest, ties to the even neighbour (banker's rounding, no drift over many sums);
 * - `'half-up'`: to nearest, ties away from zero (Java `RoundingMode.HALF_UP`, the schoolbook rule);
 * - `'floor'`: towards −∞;
 * - `'ceil'`: towards +∞.
 */
export type RoundingMode = 'half-even' | 'half-up' | 'floor' | 'ceil';

/** numerator / denominator rounded with `mode`, all in bigint (no float ever involved). */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  // bigint division truncates towards zero; fix up from there.
  const q = numerator / denominator;
  const r = numerator % denominator; // same sign as numerator
  if (r === 0n) return q;
  const negative = numerator < 0n;
  switch (mode) {
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'half-up':
    case 'half-even': {
      const twice = (r < 0n ? -r : r) * 2n;
      const awayFromZero = negative ? q - 1n : q + 1n;
      if (twice > denominator) return awayFromZero;
      if (twice < denominator) return q;
      if (mode === 'half-up') return awayFromZero;
      return q % 2n === 0n ? q : awayFromZero;
    }
    default: {
      const unknown: never = mode;
      throw new RangeError(`Unknown rounding mode: ${String(unknown)}`);
    }
  }
}
