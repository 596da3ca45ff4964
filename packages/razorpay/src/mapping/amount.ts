import { isKnownCurrency, money, toDecimalString } from '@recon/core';
import type { FieldReader } from './field-reader';

/**
 * Razorpay amounts are integers in the currency's smallest unit (paise for INR). They become the
 * standard decimal string through `money()` (a bigint) and `toDecimalString()`, so 49900 paise is
 * exactly "499.00" and nothing is ever divided as a float.
 */
export function minorToDecimal(minor: number, currency: string): string {
  return toDecimalString(money(minor, currency));
}

/**
 * Read `key` as minor units of `currency` and return its decimal string, or `undefined` (with an
 * issue recorded) when the value or the currency is unusable. `optional` accepts absent / `null`.
 */
export function readAmount(fields: FieldReader, key: string, currency: string | undefined, optional = false): string | undefined {
  const minor = optional ? fields.optionalInteger(key) : fields.integer(key);
  if (minor === undefined || currency === undefined || !isKnownCurrency(currency)) return undefined;
  return minorToDecimal(minor, currency);
}

/** Read `currency`: Razorpay sends upper-case ISO 4217; anything else is recorded as an issue. */
export function readCurrency(fields: FieldReader, key = 'currency'): string | undefined {
  const currency = fields.string(key);
  if (currency === undefined) return undefined;
  if (!isKnownCurrency(currency)) {
    fields.fail(key, `is not an ISO 4217 currency code this SDK knows (got ${JSON.stringify(currency).slice(0, 16)})`, 'CURRENCY_UNKNOWN');
    return undefined;
  }
  return currency;
}
