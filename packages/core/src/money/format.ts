import type { Money } from './money';
import { exponentOf, minorPerMajor } from './money';
import { currencySymbol } from './symbols';

/**
 * Digit grouping of the integer part.
 * - `'indian'`: last three digits, then pairs (lakh/crore): `1,23,45,678`;
 * - `'international'`: thousands: `12,345,678`;
 * - `'none'`: `12345678`.
 */
export type DigitGrouping = 'indian' | 'international' | 'none';

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** Defaults to `'indian'` for INR and `'international'` for every other currency. */
  grouping?: DigitGrouping;
  /** Prefix the currency symbol (`₹`), or the ISO code and a space (`KWD 1.250`) when it has none. Default false. */
  symbol?: boolean;
}

/** Unsigned integer part and zero-padded fraction digits of |m|. */
function splitDigits(m: Money): { negative: boolean; integer: string; fraction: string } {
  const exponent = exponentOf(m.currency);
  const negative = m.minor < 0n;
  const magnitude = negative ? -m.minor : m.minor;
  const unit = minorPerMajor(exponent);
  const integer = (magnitude / unit).toString();
  const fraction = exponent === 0 ? '' : (magnitude % unit).toString().padStart(exponent, '0');
  return { negative, integer, fraction };
}

/**
 * The wire form: plain decimal at exactly the currency's scale, `-` for negatives, no grouping,
 * no symbol (`"-1234.50"` for INR, `"120"` for JPY, `"1.250"` for KWD). The standard
 * transaction's `amount` is `toDecimalString(abs(m))`, the sign living in `direction`.
 */
export function toDecimalString(m: Money): string {
  const { negative, integer, fraction } = splitDigits(m);
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

/** Insert `,` into a string of digits following `grouping`. */
export function groupDigits(digits: string, grouping: DigitGrouping): string {
  if (grouping === 'none' || digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  const head = digits.slice(0, -3);
  const size = grouping === 'indian' ? 2 : 3;
  const groups: string[] = [];
  for (let end = head.length; end > 0; end -= size) groups.unshift(head.slice(Math.max(0, end - size), end));
  return `${groups.join(',')},${last3}`;
}

/**
 * Human form with digit grouping, `.` as decimal separator and a leading `-` for negatives:
 * `formatMoney(money(12345678n, 'INR'), { symbol: true })` → `"₹1,23,456.78"`.
 * Everything it prints reads back exactly with `parseAmount`.
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  const { negative, integer, fraction } = splitDigits(m);
  const grouping = options.grouping ?? (m.currency === 'INR' ? 'indian' : 'international');
  const symbol = currencySymbol(m.currency);
  const prefix = options.symbol ? (symbol ?? `${m.currency} `) : '';
  return `${negative ? '-' : ''}${prefix}${groupDigits(integer, grouping)}${fraction ? `.${fraction}` : ''}`;
}
