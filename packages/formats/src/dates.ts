/** Days in `month` (1–12) of `year`, Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Formatted dates by `year * 10000 + month * 100 + day`: statements repeat a few dates many times. */
const formatted = new Map<number, string>();

/** `YYYY-MM-DD` for a valid calendar date, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const key = year * 10000 + month * 100 + day;
  let text = formatted.get(key);
  if (text === undefined) {
    text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (formatted.size < 100_000) formatted.set(key, text);
  }
  return text;
}

/**
 * A two-digit year as a four-digit one. SWIFT dates carry no century; 80–99 are read as 19xx
 * (the corpus has 2003 Rabobank files and nothing before 1980), the rest as 20xx. A fixed pivot,
 * not "now", so the same file always parses the same way.
 */
export function fullYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

/**
 * Statements repeat a handful of dates thousands of times; each is computed once, by its six
 * digits as one number (0–999999), so a lookup needs no slice and no string hash. `null` marks a
 * number already found not to be a calendar date.
 */
const swiftDates = new Map<number, string | null>();

/**
 * SWIFT `YYMMDD` at `at` in `text` as `YYYY-MM-DD`, or undefined when the six characters there are
 * not digits of a calendar date. What {@link swiftDate} does for a slice, without making one.
 */
export function swiftDateAt(text: string, at: number): string | undefined {
  let key = 0;
  for (let i = at; i < at + 6; i++) {
    const d = text.charCodeAt(i) - 48;
    // NaN past the end fails this too.
    if (!(d >= 0 && d <= 9)) return undefined;
    key = key * 10 + d;
  }
  return swiftDateOf(key);
}

/**
 * {@link swiftDateAt} for the six digits already read as one number (`200219` for `200219`), by a
 * reader that has just checked them: the digits are not walked twice.
 */
export function swiftDateOf(key: number): string | undefined {
  // A statement names the same few dates over and over: a direct-mapped slot by the low bits of
  // the number answers most lookups with two array reads, before the map's hash lookup.
  const slot = key & (RECENT_SIZE - 1);
  if (recentKeys[slot] === key) return recentDates[slot];
  let result: string | undefined;
  const cached = swiftDates.get(key);
  if (cached !== undefined) result = cached ?? undefined;
  else {
    result = isoDate(fullYear(Math.floor(key / 10000)), Math.floor(key / 100) % 100, key % 100);
    if (swiftDates.size < 100_000) swiftDates.set(key, result ?? null);
  }
  recentKeys[slot] = key;
  recentDates[slot] = result;
  return result;
}

const RECENT_SIZE = 1024;
/** The six-digit numbers of the recent slots (-1: empty) and their dates. */
const recentKeys = new Int32Array(RECENT_SIZE).fill(-1);
const recentDates: Array<string | undefined> = Array.from({ length: RECENT_SIZE }, () => undefined);

/** SWIFT `YYMMDD` as `YYYY-MM-DD`, or undefined when it is not a calendar date. */
export function swiftDate(yymmdd: string): string | undefined {
  return yymmdd.length === 6 ? swiftDateAt(yymmdd, 0) : undefined;
}

const digitAt = (text: string, at: number) => text.charCodeAt(at) - 48;

/**
 * The MT940 `:61:` entry date (`MMDD`, no year) next to its value date: the year that puts it
 * closest to the value date, so a 31 December value date with a 2 January booking lands in the
 * next year (and a 2 January value date with a 31 December booking in the previous one).
 */
export function entryDateNear(valueDate: string, mmdd: string): string | undefined {
  // Consecutive lines mostly repeat both dates; value dates are shared strings, so the first test
  // is usually settled by identity.
  if (valueDate === lastValueDate && mmdd === lastEntryDate) return lastBookingDate;
  const result = bookingDateNear(valueDate, mmdd);
  lastValueDate = valueDate;
  lastEntryDate = mmdd;
  lastBookingDate = result;
  return result;
}

/** The last question {@link entryDateNear} answered and its answer (short strings only: nothing large is kept alive). */
let lastValueDate = '';
let lastEntryDate = '';
let lastBookingDate: string | undefined;

function bookingDateNear(valueDate: string, mmdd: string): string | undefined {
  if (mmdd.length !== 4) return undefined;
  // Digits by character code: this runs once per entry, and slices and Number() were most of it.
  for (let i = 0; i < 4; i++) if (!(digitAt(mmdd, i) >= 0 && digitAt(mmdd, i) <= 9)) return undefined;
  // `valueDate` is always `YYYY-MM-DD` here.
  const year = digitAt(valueDate, 0) * 1000 + digitAt(valueDate, 1) * 100 + digitAt(valueDate, 2) * 10 + digitAt(valueDate, 3);
  const valueMonth = digitAt(valueDate, 5) * 10 + digitAt(valueDate, 6);
  const month = digitAt(mmdd, 0) * 10 + digitAt(mmdd, 1);
  const day = digitAt(mmdd, 2) * 10 + digitAt(mmdd, 3);
  // More than half a year apart within one calendar year means the booking crossed New Year.
  const shift = month - valueMonth > 6 ? -1 : valueMonth - month > 6 ? 1 : 0;
  return isoDate(year + shift, month, day) ?? isoDate(year, month, day);
}

/** True for an ISO `YYYY-MM-DD` that is a real date. */
export function isIsoDate(text: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}
