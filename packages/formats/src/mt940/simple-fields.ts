import { swiftDate, swiftDateOf } from '../dates';
import { isStatementCurrency } from '../money/currency';
import type { StatementAccount } from '../types';
import { isBic, isIban } from './identifiers';

/** The text without its spaces; most identifiers have none and are returned as they are. */
const withoutSpaces = (text: string) => (text.includes(' ') ? text.replace(/ /g, '') : text);

/** A balance field (`:60F:`, `:62M:`, `:64:`, `:65:`) as text. */
export interface BalanceText {
  mark: 'C' | 'D';
  /** `YYYY-MM-DD`. */
  date: string;
  currency: string;
  amount: string;
}

/** A balance field: mark, date, currency, amount (spaces between the parts tolerated). */
const BALANCE = /^\s*([CD])\s*([0-9]{6})\s*([A-Z]{3})\s*([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*$/;

/** Read `:60F:`-style balance text, or say what is wrong with it. */
export function parseBalanceText(value: string): { ok: true; balance: BalanceText } | { ok: false; problem: string } {
  const read = readBalanceText(value);
  return typeof read === 'string' ? { ok: false, problem: read } : { ok: true, balance: read };
}

/** {@link parseBalanceText} for the statement loop: the balance, or the problem as text (no result wrapper per balance). */
export function readBalanceText(value: string): BalanceText | string {
  const compact = compactBalance(value);
  if (compact) return compact;
  const m = BALANCE.exec(value);
  if (!m) return 'expected a balance as D/C mark, YYMMDD date, currency code and amount (e.g. C200219EUR931052,29)';
  const date = swiftDate(m[2] as string);
  if (!date) return `${m[2]} is not a YYMMDD date`;
  return { mark: m[1] as 'C' | 'D', date, currency: m[3] as string, amount: m[4] as string };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;

/**
 * The usual balance with no spaces at all (`C200219EUR931052,29`), read by character codes; it
 * accepts only text {@link BALANCE} reads the same way, and anything else (spaces, a bad date)
 * goes to the pattern. Balances come once per field and twice per statement, so this matters.
 */
function compactBalance(value: string): BalanceText | undefined {
  const n = value.length;
  const mark = value.charCodeAt(0);
  if ((mark !== 67 && mark !== 68) || n < 11) return undefined;
  let dateKey = 0;
  for (let i = 1; i < 7; i++) {
    const c = value.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    dateKey = dateKey * 10 + (c - 48);
  }
  for (let i = 7; i < 10; i++) if (!isUpper(value.charCodeAt(i))) return undefined;
  let separator = -1;
  for (let i = 10; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isDigit(c)) continue;
    if ((c === 44 || c === 46) && separator < 0) separator = i;
    else return undefined;
  }
  // `[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+`: a lone separator is no amount.
  if (separator === 10 && n === 11) return undefined;
  const date = swiftDateOf(dateKey);
  if (!date) return undefined;
  return { mark: mark === 67 ? 'C' : 'D', date, currency: currencyAt(value, 7), amount: value.slice(10) };
}

/**
 * Currency codes as shared strings, keyed by their three letters' codes: every balance names one,
 * and a fresh three-character copy per balance would stay alive as long as the result.
 */
const currencies = new Map<number, string>();

/** The three upper-case letters at `at` (checked by the caller) as a shared string. */
function currencyAt(value: string, at: number): string {
  const key = (value.charCodeAt(at) << 16) | (value.charCodeAt(at + 1) << 8) | value.charCodeAt(at + 2);
  let code = currencies.get(key);
  if (code === undefined) {
    code = value.slice(at, at + 3);
    if (currencies.size < 20_000) currencies.set(key, code);
  }
  return code;
}

/** MT942 `:34F:` floor limit: currency, optional D/C mark (one limit for both when absent), amount. */
export function parseFloorLimit(value: string): { currency: string; mark?: 'C' | 'D'; amount: string } | undefined {
  const m = /^\s*([A-Z]{3})([CD])?([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*$/.exec(value);
  if (!m) return undefined;
  return m[2] ? { currency: m[1] as string, mark: m[2] as 'C' | 'D', amount: m[3] as string } : { currency: m[1] as string, amount: m[3] as string };
}

/** MT942 `:90D:` / `:90C:`: number of entries, currency, sum. */
export function parseEntryCount(value: string): { count: number; currency: string; amount: string } | undefined {
  const m = /^\s*([0-9]+)\s*([A-Z]{3})([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*$/.exec(value);
  if (!m) return undefined;
  return { count: Number(m[1]), currency: m[2] as string, amount: m[3] as string };
}

/**
 * MT942 `:13D:` date-time indication (`YYMMDDHHMM±HHMM`) as ISO 8601 with offset; also the older
 * `:13:` without an offset, read as UTC.
 */
export function parseDateTimeIndication(value: string): string | undefined {
  const m = /^\s*([0-9]{6})([0-9]{2})([0-9]{2})([+-][0-9]{4})?\s*$/.exec(value);
  if (!m) return undefined;
  const date = swiftDate(m[1] as string);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!date || hour > 23 || minute > 59) return undefined;
  const offset = m[4] ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : 'Z';
  return `${date}T${m[2]}:${m[3]}:00${offset === '+00:00' || offset === '-00:00' ? 'Z' : offset}`;
}


/**
 * Read `:25:` account identification: `IBAN`, `IBAN CCY`, `BIC/account`, `BLZ/account`,
 * `account CCY` or a bare number. `id` is always the trimmed text as written.
 */
export function parseAccountField(value: string): StatementAccount {
  const id = (value.includes('\n') ? value.replace(/\s*\n\s*/g, ' ') : value).trim();
  const account: StatementAccount = { id };
  let body = id;
  // A trailing currency code (`NL10BUNQ2290325473 EUR`, `20011111/120119000EUR`), unless the
  // whole text is itself an IBAN. Most identifiers end in a digit and skip the pattern.
  const last = body.charCodeAt(body.length - 1);
  const currency = last >= 65 && last <= 90 ? /^(.*[0-9])[ ]?([A-Z]{3})$/.exec(body) : null;
  if (currency && isStatementCurrency(currency[2] as string) && !isIban(body)) {
    account.currency = currency[2] as string;
    body = (currency[1] as string).trim();
  }
  const slash = body.indexOf('/');
  if (slash > 0) {
    const prefix = body.slice(0, slash);
    const number = body.slice(slash + 1);
    if (isBic(prefix)) account.bic = prefix;
    else account.bankCode = prefix;
    account.number = number;
    if (isIban(number)) account.iban = number;
  } else if (isIban(withoutSpaces(body))) {
    account.iban = withoutSpaces(body);
  } else {
    account.number = body;
  }
  return account;
}
