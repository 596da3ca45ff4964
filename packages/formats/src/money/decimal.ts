import type { Money } from '@recon/core';
import { statementExponent } from './currency';

/** Why a decimal could not become {@link Money}. */
export type DecimalProblem = 'syntax' | 'currency' | 'inexact';

/** Result of {@link readDecimal}: the money, or the reason it could not be read exactly. */
export type DecimalResult = { ok: true; money: Money } | { ok: false; problem: DecimalProblem; message: string };

/** Exponents by code; -1 for a code that has none (unknown), so one lookup answers both. */
const exponents = new Map<string, number>();

/** The last currency asked for and its entry: a statement asks for the same one on every line. */
let lastCurrency = '';
let lastExponent = -1;

function exponentFor(currency: string): number | undefined {
  if (currency === lastCurrency) return lastExponent < 0 ? undefined : lastExponent;
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = statementExponent(currency) ?? -1;
    if (exponents.size < 1000) exponents.set(currency, exponent);
  }
  lastCurrency = currency;
  lastExponent = exponent;
  return exponent < 0 ? undefined : exponent;
}

/**
 * Read a statement amount exactly: digits with at most one `.` or `,` decimal separator (MT940
 * uses a comma, camt and the 2003 Rabobank layout a dot), optional sign, no grouping. Trailing
 * decimals beyond the currency's exponent must be zeros (camt `8.850` EUR is 885 cents);
 * anything else is reported as inexact, never rounded.
 *
 * Kept separate from core's `parseAmount` on purpose: that one infers grouping (`1,234` could be a
 * thousand), which a SWIFT or XML amount never has, and it knows only active currencies.
 */
export function readDecimal(text: string, currency: string, negative = false): DecimalResult {
  const read = readMoney(text, currency, negative);
  return typeof read === 'string' ? { ok: false, problem: read, message: decimalProblemMessage(read, text, currency) } : { ok: true, money: read };
}

/** What {@link readDecimal} says about a problem {@link readMoney} found in `text`. */
export function decimalProblemMessage(problem: DecimalProblem, text: string, currency: string): string {
  switch (problem) {
    case 'currency':
      return `unknown currency code ${JSON.stringify(currency)}`;
    case 'syntax':
      return `${JSON.stringify(text)} is not a decimal amount`;
    case 'inexact':
      return `${text} ${currency} has more than ${exponentFor(currency) as number} decimal places; rounding is not ours to decide`;
  }
}

/**
 * {@link readDecimal} for the parsers' hot paths: the money, or only what kind of problem there
 * was (ask `readDecimal` for the message, on the rare failure), so a read amount costs no result object.
 */
export function readMoney(text: string, currency: string, negative = false): Money | DecimalProblem {
  const exponent = exponentFor(currency);
  if (exponent === undefined) return 'currency';
  // One pass over the characters: sign, integer digits, one separator, fraction digits.
  let i = 0;
  const n = text.length;
  let minus = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    minus = first === 45;
    i = 1;
  }
  let separator = -1;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && separator < 0) {
      separator = k;
      continue;
    }
    return 'syntax';
  }
  const integerEnd = separator < 0 ? n : separator;
  const fractionAt = separator < 0 ? n : separator + 1;
  if (integerEnd === i && fractionAt === n) return 'syntax';
  let fractionEnd = n;
  if (n - fractionAt > exponent) {
    for (let k = fractionAt + exponent; k < n; k++) {
      if (text.charCodeAt(k) !== 48) {
        return 'inexact';
      }
    }
    fractionEnd = fractionAt + exponent;
  }
  // Leading zeros (`000000000300.00`, Rabobank 2003) add no magnitude.
  let significant = i;
  while (significant < integerEnd && text.charCodeAt(significant) === 48) significant++;
  let minor: bigint;
  if (integerEnd - significant + exponent <= 15) {
    // Up to 15 digits are an exact integer in a double (below 2^53), so they are accumulated as
    // one and turned into a bigint once: no intermediate strings. Integer steps only, no fractions.
    let units = 0;
    for (let k = significant; k < integerEnd; k++) units = units * 10 + (text.charCodeAt(k) - 48);
    for (let k = fractionAt; k < fractionEnd; k++) units = units * 10 + (text.charCodeAt(k) - 48);
    for (let k = fractionEnd - fractionAt; k < exponent; k++) units *= 10;
    minor = BigInt(units);
  } else {
    // One BigInt parse of the digits with the fraction padded to the exponent: `1027,25` → 102725n.
    const integer = text.slice(i, integerEnd);
    minor = BigInt(`${integer === '' ? '0' : integer}${text.slice(fractionAt, fractionEnd).padEnd(exponent, '0')}`);
  }
  if (minus !== negative) minor = -minor;
  return { minor, currency };
}

/**
 * A signed decimal string of minor units at the currency's exponent (`-1027.25`). For warnings
 * and reports: unlike core's `toDecimalString` it also formats withdrawn currencies.
 */
export function formatMinor(minor: bigint, currency: string): string {
  const exponent = exponentFor(currency) ?? 0;
  // The usual case, more digits than the exponent: the point goes into the bigint's own text
  // (sign included), with no negated copy of the bigint and no padding.
  const text = minor.toString();
  if (exponent === 0) return text;
  const point = text.length - exponent;
  if (point > (text.charCodeAt(0) === 45 ? 1 : 0)) return `${text.slice(0, point)}.${text.slice(point)}`;
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${whole}` : whole;
}

/** {@link formatMinor} of a {@link Money}. */
export function formatMoneyText(m: Money): string {
  return formatMinor(m.minor, m.currency);
}
