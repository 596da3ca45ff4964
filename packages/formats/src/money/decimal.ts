import type { Money } from '@recon/core';
import { statementExponent } from './currency';

/** Why a decimal could not become {@link Money}. */
export type DecimalProblem = 'syntax' | 'currency' | 'inexact';

/** Result of {@link readDecimal}: the money, or the reason it could not be read exactly. */
export type DecimalResult = { ok: true; money: Money } | { ok: false; problem: DecimalProblem; message: string };

const exponents = new Map<string, number | undefined>();

function exponentFor(currency: string): number | undefined {
  if (exponents.has(currency)) return exponents.get(currency);
  const exponent = statementExponent(currency);
  if (exponents.size < 1000) exponents.set(currency, exponent);
  return exponent;
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
  const exponent = exponentFor(currency);
  if (exponent === undefined) return { ok: false, problem: 'currency', message: `unknown currency code ${JSON.stringify(currency)}` };
  // One pass over the characters: sign, integer digits, one separator, fraction digits.
  let i = 0;
  const n = text.length;
  let minus = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    minus = first === 45;
    i = 1;
  }
  let minor = 0n;
  let integer = '';
  let fraction = '';
  let separator = -1;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && separator < 0) {
      separator = k;
      continue;
    }
    return { ok: false, problem: 'syntax', message: `${JSON.stringify(text)} is not a decimal amount` };
  }
  integer = separator < 0 ? text.slice(i) : text.slice(i, separator);
  fraction = separator < 0 ? '' : text.slice(separator + 1);
  if (integer === '' && fraction === '') return { ok: false, problem: 'syntax', message: `${JSON.stringify(text)} is not a decimal amount` };
  if (fraction.length > exponent) {
    for (let k = exponent; k < fraction.length; k++) {
      if (fraction.charCodeAt(k) !== 48) {
        return { ok: false, problem: 'inexact', message: `${text} ${currency} has more than ${exponent} decimal places; rounding is not ours to decide` };
      }
    }
    fraction = fraction.slice(0, exponent);
  }
  // One BigInt parse of the digits with the fraction padded to the exponent: `1027,25` → 102725n.
  minor = BigInt(`${integer === '' ? '0' : integer}${fraction.padEnd(exponent, '0')}`);
  if (minus !== negative) minor = -minor;
  return { ok: true, money: { minor, currency } };
}

/**
 * A signed decimal string of minor units at the currency's exponent (`-1027.25`). For warnings
 * and reports: unlike core's `toDecimalString` it also formats withdrawn currencies.
 */
export function formatMinor(minor: bigint, currency: string): string {
  const exponent = exponentFor(currency) ?? 0;
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${whole}` : whole;
}

/** {@link formatMinor} of a {@link Money}. */
export function formatMoneyText(m: Money): string {
  return formatMinor(m.minor, m.currency);
}
