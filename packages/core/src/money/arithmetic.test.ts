import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../errors';
import { abs, add, compare, equals, isNegative, isPositive, isZero, max, min, negate, percentOf, subtract, sum } from './arithmetic';
import { money, type Money } from './money';

const inr = (minor: bigint) => money(minor, 'INR');
const anyInr = fc.bigInt().map(inr);

describe('arithmetic examples', () => {
  it('adds, subtracts, negates and takes absolute values exactly', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in paise it is 30.
    expect(add(inr(10n), inr(20n))).toEqual(inr(30n));
    expect(subtract(inr(10n), inr(25n))).toEqual(inr(-15n));
    expect(negate(inr(5n))).toEqual(inr(-5n));
    expect(abs(inr(-5n))).toEqual(inr(5n));
    expect(abs(inr(5n))).toEqual(inr(5n));
    expect(add(inr(2n ** 70n), inr(1n)).minor).toBe(2n ** 70n + 1n);
  });

  it('predicates', () => {
    expect([isZero(inr(0n)), isZero(inr(1n))]).toEqual([true, false]);
    expect([isNegative(inr(-1n)), isNegative(inr(0n))]).toEqual([true, false]);
    expect([isPositive(inr(1n)), isPositive(inr(0n))]).toEqual([true, false]);
  });

  it('sum of an empty list is zero in the given currency', () => {
    expect(sum([], 'KWD')).toEqual(money(0n, 'KWD'));
    expect(sum([inr(1n), inr(2n), inr(-4n)], 'INR')).toEqual(inr(-1n));
  });

  it('min and max keep the first of equal amounts', () => {
    const a = inr(5n);
    const b = inr(5n);
    expect(min(a, b)).toBe(a);
    expect(max(a, b)).toBe(a);
    expect(min(inr(3n), inr(-1n), inr(2n))).toEqual(inr(-1n));
    expect(max(inr(3n), inr(-1n), inr(7n))).toEqual(inr(7n));
  });

  it('refuses to mix currencies with a typed CURRENCY_MISMATCH error', () => {
    const usd = money(1n, 'USD');
    for (const op of [() => add(inr(1n), usd), () => subtract(inr(1n), usd), () => compare(inr(1n), usd), () => sum([inr(1n), usd], 'INR'), () => min(inr(1n), usd), () => max(inr(1n), usd)]) {
      expect(op).toThrow(InvalidDataError);
      expect(op).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    }
    expect(() => sum([inr(1n)], 'USD')).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    expect(equals(inr(1n), usd)).toBe(false);
  });

  it('percentOf in basis points with each rounding mode', () => {
    // 0.5 % of ₹100.05 = 50.025 paise
    const m = inr(10_005n);
    expect(percentOf(m, 50)).toEqual(inr(50n));
    expect(percentOf(m, 50, 'ceil')).toEqual(inr(51n));
    expect(percentOf(m, 50, 'floor')).toEqual(inr(50n));
    // 1 % of 250 paise = 2.5 paise: a tie
    expect(percentOf(inr(250n), 100n, 'half-even')).toEqual(inr(2n));
    expect(percentOf(inr(250n), 100n, 'half-up')).toEqual(inr(3n));
    expect(percentOf(inr(-250n), 100n, 'half-up')).toEqual(inr(-3n));
    expect(percentOf(inr(-250n), 100n, 'floor')).toEqual(inr(-3n));
    expect(percentOf(inr(12_345n), 10_000)).toEqual(inr(12_345n));
    expect(() => percentOf(inr(1n), 0.5)).toThrow(RangeError);
  });
});

describe('arithmetic properties', () => {
  it('subtract undoes add, and a - a = 0', () => {
    fc.assert(
      fc.property(anyInr, anyInr, (a, b) => {
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(subtract(a, b), b)).toEqual(a);
        expect(isZero(subtract(a, a))).toBe(true);
        expect(add(a, negate(b))).toEqual(subtract(a, b));
      }),
    );
  });

  it('sum is associative and order-independent', () => {
    fc.assert(
      fc.property(fc.array(anyInr, { maxLength: 30 }), anyInr, anyInr, anyInr, (list, a, b, c) => {
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(sum(list, 'INR')).toEqual(sum([...list].reverse(), 'INR'));
        const half = Math.floor(list.length / 2);
        expect(sum(list, 'INR')).toEqual(add(sum(list.slice(0, half), 'INR'), sum(list.slice(half), 'INR')));
      }),
    );
  });

  it('compare is antisymmetric, agrees with equals and with the sign of the difference', () => {
    fc.assert(
      fc.property(anyInr, anyInr, (a, b) => {
        const c = compare(a, b);
        expect(compare(b, a)).toBe(0 - c); // 0 - c, not -c: -0 is not 0 to toBe
        expect(c === 0).toBe(equals(a, b));
        const diff = subtract(a, b);
        expect(c).toBe(isNegative(diff) ? -1 : isZero(diff) ? 0 : 1);
        expect(compare(min(a, b), max(a, b))).toBeLessThanOrEqual(0);
        expect([a, b].some((x) => equals(x, min(a, b)))).toBe(true);
        expect(compare(abs(a), money(0n, 'INR'))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('compare sorts like bigint order', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt()), (values) => {
        const sorted = values.map(inr).sort(compare).map((m: Money) => m.minor);
        expect(sorted).toEqual([...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      }),
    );
  });

  it('percentOf never throws and stays within one minor unit across modes', () => {
    fc.assert(
      fc.property(anyInr, fc.bigInt({ min: -100_000n, max: 100_000n }), (m, bp) => {
        const floor = percentOf(m, bp, 'floor').minor;
        const ceil = percentOf(m, bp, 'ceil').minor;
        expect(ceil - floor <= 1n && ceil >= floor).toBe(true);
        for (const mode of ['half-even', 'half-up'] as const) {
          const r = percentOf(m, bp, mode).minor;
          expect(r === floor || r === ceil).toBe(true);
        }
      }),
    );
  });
});
