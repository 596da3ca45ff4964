import type { CurrencyCode } from './currencies';
import { amountError, exponentOf, minorPerMajor, money, type Money } from './money';
import { currencyAliases } from './symbols';

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  /**
   * The decimal separator, when the source is known to use one. Without it the separator is
   * inferred (see {@link parseAmount}); set it for European exports whose amounts may have
   * exactly three decimals or none.
   */
  decimalSeparator?: '.' | ',';
  /**
   * Accept a JS number in major units. Off by default: a binary float cannot hold most decimals
   * (0.1 + 0.2 is 0.30000000000000004), so a number usually means precision was already lost
   * upstream. When on, the number is read through `String(n)` (its shortest round-trip form) under
   * the same exactness rule as a string: `12.5` is fine, `0.1 + 0.2` and `1e21` are rejected.
   */
  allowNumber?: boolean;
}

/** Spaces a spreadsheet or PDF export puts in amounts: NBSP, figure, narrow and thin spaces, tabs. */
const ODD_SPACES = /[\u00A0\u2007\u2009\u202F\t]/g;
/** Trailing credit/debit marker, only after a digit, space or `)` (so the `DR` of `IDR` is not one). */
const CR_DR = /(?:^|(?<=[\s\d)]))(cr|dr)\.?$/i;
const MINUS = /^[-\u2212]$/;

/**
 * Read an amount in major units as exact {@link Money}. Signed: debits come back negative.
 *
 * Accepted (after trimming spaces, NBSP included):
 * - plain `5000.00`, `-5000`, `+5000.5`, `5000.00-` (trailing minus);
 * - grouping, validated strictly: Indian `1,23,456.78` (last group 3 digits, the others 2) or
 *   international `1,234,567.89` (all 3); `1,2,3` or `12,3456` are rejected;
 * - European `5000,00`, `1.234.567,89`;
 * - negatives as `(1,000.00)`, `-`, trailing `-`, or a trailing `DR` / `Dr` / `Dr.`; `CR` means
 *   positive; at most one sign marker (`-5 DR` is rejected, not guessed);
 * - a currency prefix or suffix naming *this* currency: `₹`, `Rs.`, `Rs`, `INR 5,000.00`,
 *   `5,000.00 INR`; any other currency text is rejected;
 * - a bigint (whole major units), or a number when `allowNumber` is set.
 *
 * Decimal separator, unless `options.decimalSeparator` says: when both `.` and `,` occur, the last
 * one is the decimal separator; a single `.` alone is decimal; several `.` alone are grouping; a
 * single `,` alone followed by 1..exponent digits is a decimal comma (`5000,00`), otherwise
 * commas are grouping. `1,234` for a 3-decimal currency (KWD) is both a valid grouping and a valid
 * decimal comma, so it is rejected as ambiguous unless `decimalSeparator` is given.
 *
 * Exactness: decimals beyond the currency's exponent must all be zero (`"1.500"` INR is 150
 * paise, `"1.005"` INR throws `AMOUNT_NOT_EXACT`): trailing zeros lose nothing, a third non-zero
 * digit would have to be rounded, which is the caller's decision and never ours.
 *
 * @throws InvalidDataError `AMOUNT_INVALID` (unparseable: empty, NaN, exponent notation, bad
 *   grouping, foreign currency, JS number without `allowNumber`), `AMOUNT_NOT_EXACT` (too many
 *   decimals) or `CURRENCY_UNKNOWN`.
 */
export function parseAmount(input: string | number | bigint, currency: CurrencyCode, options: ParseAmountOptions = {}): Money {
  const exponent = exponentOf(currency);
  if (typeof input === 'bigint') return { minor: input * minorPerMajor(exponent), currency };
  if (typeof input === 'number') {
    if (!options.allowNumber) {
      throw amountError(
        'AMOUNT_INVALID',
        `A JS number is not accepted as an amount in major units (binary floats are inexact); pass a decimal string or bigint, or set allowNumber (got ${String(input)})`,
        input,
      );
    }
    if (!Number.isFinite(input)) throw amountError('AMOUNT_INVALID', `Not a finite amount: ${String(input)}`, input);
    return parseText(String(input), input, currency, exponent, options);
  }
  if (typeof input !== 'string') throw amountError('AMOUNT_INVALID', `An amount must be a string, bigint or number, got ${typeof input}`, input);
  return parseText(input, input, currency, exponent, options);
}

/**
 * Read integer minor units (`"150"` → ₹1.50) as {@link Money}: a bigint, a safe-integer number, or
 * a string of ASCII digits with an optional sign and surrounding spaces. Nothing else: no
 * grouping, no decimals, no exponent.
 *
 * @throws InvalidDataError `AMOUNT_INVALID` or `CURRENCY_UNKNOWN`.
 */
export function parseMinorUnits(input: string | number | bigint, currency: CurrencyCode): Money {
  return money(typeof input === 'string' ? input.replace(ODD_SPACES, ' ').trim() : input, currency);
}

function parseText(text: string, original: unknown, currency: CurrencyCode, exponent: number, options: ParseAmountOptions): Money {
  const fail = (why: string) => amountError('AMOUNT_INVALID', `Invalid ${currency} amount ${JSON.stringify(text)}: ${why}`, original);
  let s = text.replace(ODD_SPACES, ' ').trim();
  if (s === '') throw fail('empty');

  // Peel sign markers and currency names off both ends until nothing changes. Each kind may occur
  // once: two sign markers ("-5 DR", "(-5)") contradict or double up, and guessing is not exact.
  let negative: boolean | undefined;
  let sawCurrency = false;
  const sign = (isNegative: boolean) => {
    if (negative !== undefined) throw fail('more than one sign marker');
    negative = isNegative;
  };
  const aliases = currencyAliases(currency);
  for (;;) {
    const before = s;
    const marker = CR_DR.exec(s);
    if (marker) {
      sign(marker[1]?.toUpperCase() === 'DR');
      s = s.slice(0, marker.index);
    } else if (s.startsWith('(') && s.endsWith(')')) {
      sign(true);
      s = s.slice(1, -1);
    } else if (s[0] === '+' || MINUS.test(s[0] ?? '')) {
      sign(s[0] !== '+');
      s = s.slice(1);
    } else if (MINUS.test(s.at(-1) ?? '')) {
      sign(true);
      s = s.slice(0, -1);
    } else if (!sawCurrency) {
      const upper = s.toUpperCase();
      const prefix = aliases.find((a) => upper.startsWith(a.toUpperCase()));
      const suffix = prefix ? undefined : aliases.find((a) => upper.endsWith(a.toUpperCase()) && /[\s\d]/.test(s[s.length - a.length - 1] ?? ''));
      if (prefix) s = s.slice(prefix.length);
      else if (suffix) s = s.slice(0, -suffix.length);
      sawCurrency = prefix !== undefined || suffix !== undefined;
    }
    s = s.trim();
    if (s === before) break;
  }

  if (s === '') throw fail('no digits');
  // One `e` splits the string, so this stays linear on long hostile input.
  if (/^[0-9.,]*e[+-]?[0-9]+$/i.test(s)) throw fail('exponent notation is not accepted');
  if (!/^[0-9.,]+$/.test(s)) throw fail('unexpected characters (only digits, one decimal separator, grouping, a sign marker and this currency are allowed)');

  const decimal = decimalSeparatorOf(s, exponent, options.decimalSeparator, fail);
  // The grouping character is the other one; with no decimal separator, the one present.
  const separator = decimal ?? options.decimalSeparator;
  const groupChar = separator ? (separator === ',' ? '.' : ',') : s.includes('.') ? '.' : ',';
  const [integerPart = '', fractionPart, ...extra] = decimal ? s.split(decimal) : [s];
  if (extra.length > 0) throw fail(`the decimal separator "${decimal}" occurs more than once`);
  if (integerPart === '') throw fail('missing integer part');
  const integerDigits = integerPart.includes(groupChar) ? ungroup(integerPart.split(groupChar), fail) : integerPart;
  if (!/^[0-9]+$/.test(integerDigits)) throw fail('misplaced separators');

  let fraction = fractionPart ?? '';
  if (fractionPart === '') throw fail('no digits after the decimal separator');
  if (fractionPart !== undefined && !/^[0-9]+$/.test(fractionPart)) throw fail('the decimals must be digits only');
  if (fraction.length > exponent) {
    if (/[^0]/.test(fraction.slice(exponent))) {
      throw amountError(
        'AMOUNT_NOT_EXACT',
        `${currency} amount ${JSON.stringify(text)} has more than ${exponent} decimal place${exponent === 1 ? '' : 's'}; rounding it is the caller's decision`,
        original,
      );
    }
    fraction = fraction.slice(0, exponent);
  }
  const minor = BigInt(integerDigits) * minorPerMajor(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  return { minor: negative ? -minor : minor, currency };
}

/** Which character is the decimal separator of `s` (digits, `.` and `,` only), or null for none. */
function decimalSeparatorOf(s: string, exponent: number, explicit: '.' | ',' | undefined, fail: (why: string) => Error): '.' | ',' | null {
  if (explicit) return s.includes(explicit) ? explicit : null;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  if (dot >= 0) return s.indexOf('.') === dot ? '.' : null;
  if (comma < 0 || s.indexOf(',') !== comma) return null;
  const before = s.slice(0, comma);
  const after = s.length - comma - 1;
  if (after < 1 || after > exponent) return null;
  if (after === 3 && /^[1-9][0-9]{0,2}$/.test(before)) {
    throw fail(`"," could be a thousands separator or a decimal comma for a ${exponent}-decimal currency; pass options.decimalSeparator`);
  }
  return ',';
}

/** Join digit groups after checking they follow Indian (…,2,2,3) or international (…,3,3) grouping. */
function ungroup(groups: string[], fail: (why: string) => Error): string {
  const first = groups[0] ?? '';
  const rest = groups.slice(1);
  const last = rest.at(-1) ?? '';
  const allDigits = groups.every((g) => /^[0-9]+$/.test(g));
  const international = first.length >= 1 && first.length <= 3 && rest.every((g) => g.length === 3);
  const indian = first.length >= 1 && first.length <= 2 && last.length === 3 && rest.slice(0, -1).every((g) => g.length === 2);
  if (!allDigits || !(international || indian)) throw fail('digit grouping is neither Indian (1,23,456) nor international (123,456)');
  return groups.join('');
}
