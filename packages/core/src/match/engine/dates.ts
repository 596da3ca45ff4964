/**
 * Date arithmetic for the date check, on integers only: calendar days since 1970-01-01 and
 * instants in milliseconds. Hand-written because `Date.parse` is several times slower at a
 * million records and this format is already fixed by the schema (ISO 8601 with an offset).
 */

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y >= 0 ? y : y - 399) / 400 | 0;
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = ((153 * mp + 2) / 5 | 0) + day - 1;
  const doe = yoe * 365 + (yoe / 4 | 0) - (yoe / 100 | 0) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Epoch day of the `YYYY-MM-DD` at the start of `s` (a date, or a timestamp's local date); NaN if malformed. */
export function dayOf(s: string): number {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  return epochDay(y, m, d);
}

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp with an offset
 * (`2024-04-01T10:15:30+05:30`, `…30.123Z`, `…T10:15Z`); NaN if malformed.
 */
export function instantOf(s: string): number {
  const day = dayOf(s);
  return day * 86_400_000 + msSinceDayStart(s, day);
}

/**
 * {@link instantOf} minus `day × 86 400 000`, when the caller has `day = dayOf(s)` already (the
 * table needs both: parse once). Milliseconds from the local date's midnight, read as UTC, to the
 * instant: within ±(99 h + 99 min) + the offset, so a small integer. Why not the instant itself:
 * past 2^31 a returned number is a heap-allocated double, one per record (47 MB of garbage at a
 * million orders).
 */
export function msSinceDayStart(s: string, day: number): number {
  if (Number.isNaN(day) || (s.charCodeAt(10) !== 84 && s.charCodeAt(10) !== 116)) return Number.NaN; // 'T' / 't'
  const hh = digits(s, 11, 2);
  const mm = digits(s, 14, 2);
  if (s.charCodeAt(13) !== 58) return Number.NaN;
  let i = 16;
  let ss = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    ss = digits(s, 17, 2);
    i = 19;
    if (s.charCodeAt(i) === 46) {
      // Fraction: keep milliseconds, ignore finer digits (a window is never finer than a second).
      let j = i + 1;
      let scale = 100;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
        if (scale >= 1) ms += (s.charCodeAt(j) - 48) * scale;
        scale /= 10;
        j++;
      }
      if (j === i + 1) return Number.NaN;
      i = j;
    }
  }
  let offsetMinutes = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== s.length) return Number.NaN;
  } else if (z === 43 || z === 45) {
    const oh = digits(s, i + 1, 2);
    const colon = s.charCodeAt(i + 3) === 58;
    const om = digits(s, i + (colon ? 4 : 3), 2);
    if (i + (colon ? 6 : 5) !== s.length) return Number.NaN;
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  return (hh * 60 + mm - offsetMinutes) * 60_000 + ss * 1000 + ms; // NaN propagates from any malformed part
}
