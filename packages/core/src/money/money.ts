import { InvalidDataError } from '../errors';
import { currencyExponent, isKnownCurrency, type CurrencyCode } from './currencies';

/**
 * An exact amount of money: integer minor units (paise for INR, yen for JPY, fils for KWD) as a
 * bigint, plus its ISO 4217 currency. Never a float, so sums of millions of lines stay exact.
 */
export type Money = { readonly minor: bigint; readonly currency: CurrencyCode };

/**
 * The currency's exponent, or an {@link InvalidDataError} (`CURRENCY_UNKNOWN`) for a code this
 * SDK does not know: guessing an exponent would silently scale money by 10 or 100.
 */
export function exponentOf(currency: CurrencyCode): number {
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) {
    throw new InvalidDataError(`Unknown ISO 4217 currency code: ${JSON.stringify(currency)}`, {
      code: 'CURRENCY_UNKNOWN',
      issues: [{ path: ['currency'], message: 'is not an active ISO 4217 currency code', code: 'CURRENCY_UNKNOWN' }],
      raw: currency,
    });
  }
  return currencyExponent(currency);
}

/** 10^exponent as a bigint (the number of minor units in one major unit). */
export function minorPerMajor(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** An {@link InvalidDataError} for an amount, with the offending input kept JSON-safe in `raw`. */
export function amountError(code: 'AMOUNT_INVALID' | 'AMOUNT_NOT_EXACT', message: string, input: unknown): InvalidDataError {
  // bigint is not JSON-serialisable; a dead letter must be able to JSON.stringify `raw`.
  const raw = typeof input === 'bigint' ? input.toString() : input;
  return new InvalidDataError(message, { code, issues: [{ path: [], message, code }], raw });
}

const DIGITS = /^[+-]?[0-9]+$/;

/**
 * Build a {@link Money} from integer minor units.
 *
 * - `bigint`: taken as is;
 * - `number`: only a safe integer (a number beyond 2^53 has already lost digits, a fraction is not
 *   a minor unit), else `AMOUNT_INVALID`;
 * - `string`: optional sign and ASCII digits only (`"-150"`), else `AMOUNT_INVALID`.
 *
 * @example money(150n, 'INR') // ₹1.50
 */
export function money(minor: bigint | number | string, currency: CurrencyCode): Money {
  exponentOf(currency);
  if (typeof minor === 'bigint') return { minor, currency };
  if (typeof minor === 'number') {
    if (!Number.isSafeInteger(minor)) {
      throw amountError('AMOUNT_INVALID', `Minor units must be a safe integer, got ${String(minor)}`, minor);
    }
    return { minor: BigInt(minor), currency };
  }
  if (typeof minor === 'string' && DIGITS.test(minor)) return { minor: BigInt(minor), currency };
  throw amountError('AMOUNT_INVALID', `Minor units must be an integer string such as "-150", got ${JSON.stringify(minor)}`, minor);
}

/** Zero in `currency`. */
export function zero(currency: CurrencyCode): Money {
  return money(0n, currency);
}

/** True when `value` has the shape of a {@link Money} (bigint `minor`, string `currency`). */
export function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { minor?: unknown }).minor === 'bigint' &&
    typeof (value as { currency?: unknown }).currency === 'string'
  );
}
