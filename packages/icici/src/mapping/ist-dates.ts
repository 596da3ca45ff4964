/**
 * ICICI dates are Indian Standard Time with no zone marker: `dd-mm-yyyy` and
 * `dd-mm-yyyy HH:MM:SS`. IST has had no daylight saving since 1945, so a fixed +05:30 is exact.
 * Days are handled as `YYYY-MM-DD` strings, never as local-time `Date`s.
 */

/** IST offset from UTC. */
export const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

const DATE = /^(\d{2})-(\d{2})-(\d{4})$/;
const DATE_TIME = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** A real calendar day (no 31-02) as `YYYY-MM-DD`, or undefined. */
function isoDay(day: string, month: string, year: string): string | undefined {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${year}-${month}-${day}`;
}

/** `18-02-2021` → `2021-02-18`; undefined for anything else, impossible days included. */
export function parseIciciDate(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE.exec(text.trim());
  return m ? isoDay(m[1]!, m[2]!, m[3]!) : undefined;
}

/** `18-02-2021 10:59:00` (IST) → `2021-02-18T10:59:00+05:30`; undefined for anything else. */
export function parseIciciDateTime(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const day = isoDay(m[1]!, m[2]!, m[3]!);
  const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (!day || hh > 23 || mm > 59 || ss > 59) return undefined;
  return `${day}T${m[4]}:${m[5]}:${m[6]}+05:30`;
}

/** `2021-02-18` → `18-02-2021`, the request's `FROMDATE` / `TODATE` form. */
export function toIciciDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
}

/** The IST calendar day of an instant. */
export function istDayOf(epochMs: number): string {
  return new Date(epochMs + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an IST day starts. */
export function istMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+05:30`);
}

/** `day` shifted by `n` days (calendar arithmetic on UTC dates, so no DST can interfere). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (`b - a`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * A read bound (ISO 8601 date or date-time) as an instant. A bare date means that day's IST
 * midnight, and a date-time without a zone is read as IST: the bank's own clock. Undefined when
 * unparseable.
 */
export function parseBound(text: string): number | undefined {
  const trimmed = text.trim();
  let candidate = trimmed;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) candidate = `${trimmed}T00:00:00+05:30`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)) candidate = `${trimmed}+05:30`;
  else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(trimmed)) return undefined;
  const ms = Date.parse(candidate);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; a bound must name a real day.
  const day = trimmed.slice(0, 10);
  if (parseIciciDate(toIciciDate(day)) !== day) return undefined;
  return ms;
}
