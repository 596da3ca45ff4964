/**
 * SBI dates: `dd/mm/yyyy` in statements and `ddmmyyyy` in requests [S, aerele `sbi_connector`],
 * always IST calendar days with no zone marker. String work on calendar dates only.
 */

/** Layouts an SBI date field may use. `dd-MMM-yyyy` is `05-JAN-2026`. */
export const SBI_DATE_FORMATS = ['dd/mm/yyyy', 'dd-mm-yyyy', 'ddmmyyyy', 'yyyy-mm-dd', 'dd-MMM-yyyy'] as const;
/** One of {@link SBI_DATE_FORMATS}. */
export type SbiDateFormat = (typeof SBI_DATE_FORMATS)[number];

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_MS = 86_400_000;
const IST_OFFSET_MS = 19_800_000;

/** True when `date` is a real `YYYY-MM-DD` day. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** `YYYY-MM-DD` from an SBI date in `format`, or `undefined` when it does not fit or names no real day. */
export function parseSbiDate(text: string, format: SbiDateFormat): string | undefined {
  const value = text.trim().toUpperCase();
  let match: RegExpExecArray | null;
  let date: string | undefined;
  switch (format) {
    case 'dd/mm/yyyy':
      match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
      date = match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
      break;
    case 'dd-mm-yyyy':
      match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
      date = match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
      break;
    case 'ddmmyyyy':
      match = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
      date = match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
      break;
    case 'yyyy-mm-dd':
      date = value;
      break;
    case 'dd-MMM-yyyy': {
      match = /^(\d{2})-([A-Z]{3})-(\d{4})$/.exec(value);
      const month = match ? MONTHS.indexOf(match[2] ?? '') + 1 : 0;
      date = match && month > 0 ? `${match[3]}-${String(month).padStart(2, '0')}-${match[1]}` : undefined;
      break;
    }
  }
  return date !== undefined && isCalendarDate(date) ? date : undefined;
}

/** Write a `YYYY-MM-DD` day in `format`. */
export function formatSbiDate(date: string, format: SbiDateFormat): string {
  const [y = '', m = '', d = ''] = date.split('-');
  switch (format) {
    case 'dd/mm/yyyy':
      return `${d}/${m}/${y}`;
    case 'dd-mm-yyyy':
      return `${d}-${m}-${y}`;
    case 'ddmmyyyy':
      return `${d}${m}${y}`;
    case 'yyyy-mm-dd':
      return date;
    case 'dd-MMM-yyyy':
      return `${d}-${MONTHS[Number(m) - 1] ?? ''}-${y}`;
  }
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The IST day of an ISO date or date-time, or `undefined`. */
export function istDateOf(value: string): string | undefined {
  if (isCalendarDate(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !value.includes('T')) return undefined;
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's IST day. */
export function istToday(now: number = Date.now()): string {
  return new Date(now + IST_OFFSET_MS).toISOString().slice(0, 10);
}
