import { InvalidDataError } from '../errors';
import type { CurrencyCode } from './currencies';
import { zero, type Money } from './money';
import { divideRounded, type RoundingMode } from './rounding';

/**
 * Throws `CURRENCY_MISMATCH` unless both amounts are in the same currency. Adding rupees to
 * dollars is never what a caller meant, so it is an error rather than a silent conversion.
 */
export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new InvalidDataError(`Currency mismatch: ${a.currency} vs ${b.currency}`, {
      code: 'CURRENCY_MISMATCH',
      issues: [{ path: ['currency'], message: `expected ${a.currency}, got ${b.currency}`, code: 'CURRENCY_MISMATCH' }],
      raw: { left: a.currency, right: b.currency },
    });
  }
}

/** a + b (same currency). */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: a.minor + b.minor, currency: a.currency };
}

/** a − b (same currency). */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: a.minor - b.minor, currency: a.currency };
}

/** −m. */
export function negate(m: Money): Money {
  return { minor: -m.minor, currency: m.currency };
}

/** |m|. */
export function abs(m: Money): Money {
  return m.minor < 0n ? negate(m) : m;
}

/** −1, 0 or 1 as a is less than, equal to or greater than b (same currency). Usable as a sort comparator. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

/** Same currency and same amount. Unlike {@link compare}, different currencies give `false`, not an error. */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}

/** m = 0. */
export function isZero(m: Money): boolean {
  return m.minor === 0n;
}

/** m < 0. */
export function isNegative(m: Money): boolean {
  return m.minor < 0n;
}

/** m > 0. */
export function isPositive(m: Money): boolean {
  return m.minor > 0n;
}

/** Σ list, all in `currency`. An empty list sums to zero, which is why the currency is explicit. */
export function sum(list: Iterable<Money>, currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const m of list) total = add(total, m);
  return total;
}

/** The smallest of one or more amounts (same currency); the first one wins a tie. */
export function min(first: Money, ...rest: Money[]): Money {
  let best = first;
  for (const m of rest) if (compare(m, best) < 0) best = m;
  return best;
}

/** The largest of one or more amounts (same currency); the first one wins a tie. */
export function max(first: Money, ...rest: Money[]): Money {
  let best = first;
  for (const m of rest) if (compare(m, best) > 0) best = m;
  return best;
}

/**
 * `basisPoints`/10 000 of `m` (100 bp = 1 %), rounded to a whole minor unit with `rounding`
 * (default `'half-even'`, which has no upward bias over many lines). Pure bigint maths, so a 0.5 %
 * matching tolerance on ₹1,00,00,000.00 is exact to the paisa.
 *
 * @example percentOf(money(10_005n, 'INR'), 50) // 0.5 % of ₹100.05 = 50.025 paise → 50 paise
 */
export function percentOf(m: Money, basisPoints: bigint | number, rounding: RoundingMode = 'half-even'): Money {
  if (typeof basisPoints === 'number' && !Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`basisPoints must be an integer, got ${String(basisPoints)}`);
  }
  return { minor: divideRounded(m.minor * BigInt(basisPoints), 10_000n, rounding), currency: m.currency };
}
