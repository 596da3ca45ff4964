import { isSpaceCode } from '../whitespace';

/** Debit/credit mark of a `:61:` line. `RC`/`RD` reverse a credit/debit; `EC`/`ED` are MT942 expected items. */
export type Mark61 = 'C' | 'D' | 'RC' | 'RD' | 'EC' | 'ED';

/** The sub-fields of a `:61:` statement line, as text. */
export interface Field61 {
  /** `YYMMDD`. */
  valueDate: string;
  /** `MMDD`, absent when blank or space-filled. */
  entryDate?: string;
  mark: Mark61;
  /** Funds code: the third letter of the currency (`DD212,39` for USD). */
  fundsCode?: string;
  /** Amount as written (`1027,25`, `000000000300.00`, `2,`). */
  amount: string;
  /** Transaction type: `N`/`F`/`S` and three characters (`NTRF`, `N051`, `NOV `, trimmed). */
  typeCode?: string;
  /** Reference for the account owner, possibly longer than the standard 16 characters. */
  customerReference?: string;
  /** Reference of the account servicing institution (after `//`). */
  bankReference?: string;
  /** Supplementary details: the second line, or text padded after a fixed-width reference. */
  supplementary?: string;
}

/** Result of {@link parseField61}. */
export type Field61Result = { ok: true; field: Field61 } | { ok: false; problem: string };

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const SPACE = 32;

/** `[NFS][A-Z0-9][A-Z0-9 ]{2}` at `at`. */
function isTypeCodeAt(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  if (a !== 78 && a !== 70 && a !== 83) return false;
  const b = text.charCodeAt(at + 1);
  if (!isUpper(b) && !isDigit(b)) return false;
  for (let k = at + 2; k < at + 4; k++) {
    const x = text.charCodeAt(k);
    if (!isUpper(x) && !isDigit(x) && x !== SPACE) return false;
  }
  return true;
}

/**
 * A handful of type codes (`NTRF`, `NMSC`, `N051`) repeat on every line: one shared string each,
 * keyed by the four character codes (all below 128, checked by {@link isTypeCodeAt}), instead of a
 * slice per entry that the result keeps alive.
 */
const typeCodes = new Map<number, string>();

function typeCodeAt(text: string, at: number): string {
  const key = text.charCodeAt(at) * 0x200000 + text.charCodeAt(at + 1) * 0x4000 + text.charCodeAt(at + 2) * 0x80 + text.charCodeAt(at + 3);
  let code = typeCodes.get(key);
  if (code === undefined) {
    code = text.slice(at, at + 4).trimEnd();
    if (typeCodes.size < 10_000) typeCodes.set(key, code);
  }
  return code;
}

/**
 * Parse a `:61:` value (its continuation lines joined with `\n`), with the variants real files
 * have: reversal marks, funds code letters, a blank entry date, a space before the type code,
 * no type code at all (`…,00//ref`, `…,00NONREF`), comma or dot decimals with zero padding,
 * long references, supplementary details on the next line.
 */
export function parseField61(value: string): Field61Result {
  const line = readField61(value);
  if (typeof line === 'string') return { ok: false, problem: line };
  const field: Field61 = { valueDate: value.slice(0, 6), mark: line.mark, amount: line.amount };
  if (line.entryDate !== undefined) field.entryDate = line.entryDate;
  if (line.fundsCode !== undefined) field.fundsCode = line.fundsCode;
  if (line.typeCode !== undefined) field.typeCode = line.typeCode;
  if (line.customerReference !== undefined) field.customerReference = line.customerReference;
  if (line.bankReference !== undefined) field.bankReference = line.bankReference;
  if (line.supplementary !== undefined) field.supplementary = line.supplementary;
  return { ok: true, field };
}

/**
 * {@link Field61} for the entry builder: every key always present (unset ones `undefined`), so
 * all lines share one object shape and the code reading them stays monomorphic. No `valueDate`:
 * the builder reads the six digits from the value itself, and a copy per line would be garbage.
 */
export interface Line61 {
  /** The `YYMMDD` value date's six digits as one number (for `swiftDateOf`). */
  valueDateKey: number;
  entryDate: string | undefined;
  mark: Mark61;
  fundsCode: string | undefined;
  amount: string;
  typeCode: string | undefined;
  customerReference: string | undefined;
  bankReference: string | undefined;
  supplementary: string | undefined;
}

/** {@link parseField61} without the result wrapper: the line, or the problem as text. */
export function readField61(value: string): Line61 | string {
  const newline = value.indexOf('\n');
  const first = newline < 0 ? value : value.slice(0, newline);
  // The head, read by character codes rather than a pattern because this runs once per entry and
  // a match array with five captures was most of its cost. It accepts exactly what
  // `^([0-9]{6})([0-9]{4})?[ ]*(RC|RD|EC|ED|C|D)([A-Z])?([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)` does:
  // value date, optional entry date (4 digits, or spaces), optional spaces, mark, optional funds
  // code letter, amount.
  const n = first.length;
  let valueDateKey = 0;
  for (let i = 0; i < 6; i++) {
    const c = first.charCodeAt(i);
    if (!isDigit(c)) return describeHeadProblem(first);
    valueDateKey = valueDateKey * 10 + (c - 48);
  }
  let at = 6;
  const hasEntryDate = isDigit(first.charCodeAt(6)) && isDigit(first.charCodeAt(7)) && isDigit(first.charCodeAt(8)) && isDigit(first.charCodeAt(9));
  if (hasEntryDate) at = 10;
  while (at < n && first.charCodeAt(at) === SPACE) at++;
  const c0 = first.charCodeAt(at);
  const c1 = first.charCodeAt(at + 1);
  let mark: Mark61;
  if (c0 === 82 /* R */ && (c1 === 67 || c1 === 68)) mark = c1 === 67 ? 'RC' : 'RD';
  else if (c0 === 69 /* E */ && (c1 === 67 || c1 === 68)) mark = c1 === 67 ? 'EC' : 'ED';
  else if (c0 === 67 /* C */) mark = 'C';
  else if (c0 === 68 /* D */) mark = 'D';
  else return describeHeadProblem(first);
  at += mark.length;
  const funds = isUpper(first.charCodeAt(at)) ? at++ : -1;
  const amountAt = at;
  while (isDigit(first.charCodeAt(at))) at++;
  const c = first.charCodeAt(at);
  if (c === 44 || c === 46) {
    at++;
    // `[.,][0-9]+` alone needs a fraction digit.
    if (at === amountAt + 1 && !isDigit(first.charCodeAt(at))) return describeHeadProblem(first);
    while (isDigit(first.charCodeAt(at))) at++;
  } else if (at === amountAt) {
    return describeHeadProblem(first);
  }
  const amountEnd = at;

  while (first.charCodeAt(at) === SPACE) at++;
  let typeCode: string | undefined;
  if (first.startsWith('NONREF', at)) {
    // `D20,00NONREF` (Penta): no type code; reading `NONR` as one would leave the reference "EF".
  } else if (isTypeCodeAt(first, at)) {
    typeCode = typeCodeAt(first, at);
    at += 4;
  }
  const slashes = first.indexOf('//', at);
  // The parts' blanks are found by character codes and each part is cut once, instead of a slice
  // and then a trimmed copy of it (`trimEnd`, `trim` and `isSpaceCode` agree on what a blank is).
  const customerEnd = endOfText(first, at, slashes < 0 ? n : slashes);
  const bank = slashes < 0 ? '' : trimmedSlice(first, slashes + 2, n);
  // Only a double space can make a padded layout; most lines have none.
  let reference: string;
  let padded = '';
  const double = first.indexOf('  ', at);
  if (double >= 0 && double + 2 <= customerEnd) {
    const split = splitPadded(first.slice(at, customerEnd));
    reference = split.reference;
    padded = split.padded;
  } else {
    reference = trimmedSlice(first, at, customerEnd);
  }
  const continuation = newline < 0 ? '' : trimmedSlice(value, newline + 1, value.length);
  const supplementary = padded === '' ? continuation : continuation === '' ? padded : `${padded}\n${continuation}`;
  return {
    valueDateKey,
    entryDate: hasEntryDate ? first.slice(6, 10) : undefined,
    mark,
    fundsCode: funds >= 0 ? first[funds] : undefined,
    amount: first.slice(amountAt, amountEnd),
    typeCode,
    customerReference: reference === '' ? undefined : reference,
    bankReference: bank === '' ? undefined : bank,
    supplementary: supplementary === '' ? undefined : supplementary,
  };
}

/** `to` moved back over trailing blanks, not before `from`. */
function endOfText(text: string, from: number, to: number): number {
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  return to;
}

/** `text.slice(from, to).trim()`, cut once. */
function trimmedSlice(text: string, from: number, to: number): string {
  while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
  return text.slice(from, endOfText(text, from, to));
}

/**
 * Fixed-width layouts (old ING and Rabobank) pad the 16-character reference with spaces and put
 * supplementary text after it on the same line: `1173113681      ROBECO`. A long reference
 * without such a gap (Wise) stays whole.
 */
function splitPadded(text: string): { reference: string; padded: string } {
  const gap = /^(\S(?:.*?\S)?) {2,}(\S.*)$/.exec(text);
  if (gap && (gap[1] as string).length <= 16) return { reference: gap[1] as string, padded: gap[2] as string };
  return { reference: text.trim(), padded: '' };
}

function describeHeadProblem(line: string): string {
  if (!/^[0-9]{6}/.test(line)) return 'a :61: line must start with a YYMMDD value date';
  const afterDates = line.slice(6).replace(/^[0-9]{4}/, '').replace(/^ +/, '');
  if (!/^(RC|RD|EC|ED|C|D)/.test(afterDates)) return 'missing debit/credit mark (C, D, RC, RD) after the dates';
  return 'missing or malformed amount after the debit/credit mark';
}
