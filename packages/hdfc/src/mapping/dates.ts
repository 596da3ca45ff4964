/**
 * Bank dates. Indian statement APIs write local (IST) dates and times with no zone marker, in a
 * handful of layouts; everything here is string work on calendar dates, never `Date` arithmetic in
 * the machine's own zone.
 */

/** Date layouts a statement field or request field may use. `iso` is ISO 8601 (date, or date-time with offset). */
export const DATE_FORMATS = ['iso', 'yyyy-mm-dd', 'dd-mm-yyyy', 'dd/mm/yyyy', 'dd/mm/yy', 'ddmmyyyy', 'dd-mm-yyyy HH:MM:SS', 'dd/mm/yyyy HH:MM:SS'] as const;
/** One of {@link DATE_FORMATS}. */
export type DateFormat = (typeof DATE_FORMATS)[number];

/** India Standard Time, the zone of every HDFC date without a marker. */
export const IST_OFFSET = '+05:30';
const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

const PATTERNS: Record<Exclude<DateFormat, 'iso'>, RegExp> = {
  'yyyy-mm-dd': /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/,
  'dd-mm-yyyy': /^(?<d>\d{2})-(?<m>\d{2})-(?<y>\d{4})$/,
  'dd/mm/yyyy': /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{4})$/,
  'dd/mm/yy': /^(?<d>\d{2})\/(?<m>\d{2})\/(?<yy>\d{2})$/,
  ddmmyyyy: /^(?<d>\d{2})(?<m>\d{2})(?<y>\d{4})$/,
  'dd-mm-yyyy HH:MM:SS': /^(?<d>\d{2})-(?<m>\d{2})-(?<y>\d{4}) (?<t>\d{2}:\d{2}:\d{2})$/,
  'dd/mm/yyyy HH:MM:SS': /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{4}) (?<t>\d{2}:\d{2}:\d{2})$/,
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `date` is a real `YYYY-MM-DD` calendar day. */
export function isCalendarDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

function validTime(time: string): boolean {
  const [h, m, s] = time.split(':').map((part) => Number(part));
  return h !== undefined && m !== undefined && s !== undefined && h < 24 && m < 60 && s < 60;
}

/**
 * Read a bank date or date-time. Returns the calendar date, the local time when the layout has one,
 * and for `iso` date-times the text as given (it already carries its offset). `undefined` when the
 * text does not fit the layout or names no real day.
 */
export function parseBankDate(text: string, format: DateFormat): { date: string; time?: string; iso?: string } | undefined {
  const value = text.trim();
  if (format === 'iso') {
    if (isCalendarDate(value)) return { date: value };
    const match = ISO_DATE_TIME.exec(value);
    if (!match?.[1] || !isCalendarDate(match[1]) || Number.isNaN(Date.parse(value))) return undefined;
    return { date: match[1], iso: value };
  }
  const groups = PATTERNS[format].exec(value)?.groups;
  if (!groups) return undefined;
  const year = groups['y'] ?? `20${groups['yy'] ?? ''}`;
  const date = `${year}-${groups['m'] ?? ''}-${groups['d'] ?? ''}`;
  if (!isCalendarDate(date)) return undefined;
  const time = groups['t'];
  if (time !== undefined && !validTime(time)) return undefined;
  return time === undefined ? { date } : { date, time };
}

/** ISO 8601 timestamp with offset for a parsed bank date: as given for ISO date-times, IST otherwise. */
export function toTimestamp(parsed: { date: string; time?: string; iso?: string }): string {
  return parsed.iso ?? `${parsed.date}T${parsed.time ?? '00:00:00'}${IST_OFFSET}`;
}

/** Write a `YYYY-MM-DD` calendar date in a request layout (date-time layouts get midnight). */
export function formatBankDate(date: string, format: DateFormat): string {
  const [y = '', m = '', d = ''] = date.split('-');
  switch (format) {
    case 'iso':
    case 'yyyy-mm-dd':
      return date;
    case 'dd-mm-yyyy':
      return `${d}-${m}-${y}`;
    case 'dd/mm/yyyy':
      return `${d}/${m}/${y}`;
    case 'dd/mm/yy':
      return `${d}/${m}/${y.slice(2)}`;
    case 'ddmmyyyy':
      return `${d}${m}${y}`;
    case 'dd-mm-yyyy HH:MM:SS':
      return `${d}-${m}-${y} 00:00:00`;
    case 'dd/mm/yyyy HH:MM:SS':
      return `${d}/${m}/${y} 00:00:00`;
  }
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The IST calendar date of an ISO date or date-time (`2026-03-09T20:00:00Z` is already the 10th in
 * India). `undefined` when the text is neither.
 */
export function istDateOf(value: string): string | undefined {
  if (isCalendarDate(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/T/.test(value)) return undefined;
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's IST calendar date. */
export function istToday(now: number = Date.now()): string {
  return new Date(now + IST_OFFSET_MS).toISOString().slice(0, 10);
}
