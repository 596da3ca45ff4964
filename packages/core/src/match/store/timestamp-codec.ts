import { epochDay } from '../engine/dates';

/**
 * Timestamps in the one shape nearly every source sends (`2024-04-01T10:15:30+05:30`, or `…Z`)
 * as an integer: the local wall-clock seconds since 2000-01-01T00:00:00, with the offset kept
 * apart (it repeats, so a store keeps it once per record shape). 4 bytes instead of a 48-byte
 * string. Anything else (fractions, a lower-case `t`, years outside 1932–2067) is left as text.
 */

const EPOCH_2000_DAYS = 10_957;
const DAY = 86_400;

function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The offset part (`Z`, `+05:30`) of a timestamp {@link encodeTimestamp} accepts, else undefined. */
export function timestampSuffix(s: string): string | undefined {
  if (s.length === 20) return s.charCodeAt(19) === 90 ? 'Z' : undefined;
  if (s.length !== 25) return undefined;
  const sign = s.charCodeAt(19);
  if ((sign !== 43 && sign !== 45) || s.charCodeAt(22) !== 58 || two(s, 20) < 0 || two(s, 23) < 0) return undefined;
  return s.slice(19);
}

/**
 * Local seconds since 2000-01-01 of `s`'s first 19 characters (`YYYY-MM-DDTHH:MM:SS`), or NaN
 * when they are not a real calendar date and time in that exact form: the encoding must give
 * back the same characters, so nothing is normalised (no 24:00, no 31 June, no leap second).
 */
export function encodeLocalSeconds(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const h = two(s, 11);
  const m = two(s, 14);
  const sec = two(s, 17);
  if (hi < 0 || lo < 0 || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = hi * 100 + lo;
  if (year < 1932 || year > 2067) return Number.NaN; // ±2^31 seconds around 2000
  const days = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day > days) return Number.NaN;
  return (epochDay(year, month, day) - EPOCH_2000_DAYS) * DAY + h * 3_600 + m * 60 + sec;
}

const PAD2 = Array.from({ length: 100 }, (_, k) => (k < 10 ? `0${k}` : String(k)));

/** Civil date of a day count since 1970 (Howard Hinnant's civil_from_days) as `YYYY-MM-DD`. */
function civilDate(z0: number): string {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${PAD2[Math.floor(y / 100)]}${PAD2[y % 100]}-${PAD2[m]}-${PAD2[d]}`;
}

/**
 * Turns encoded seconds back into text. Records of one day come together, so the date part of
 * the last day is kept: a timestamp costs a few concatenations, not a calendar computation.
 */
export class TimestampFormatter {
  private lastDay = Number.NaN;
  private lastDate = '';

  /** The timestamp text for `seconds` (from {@link encodeLocalSeconds}) and its `suffix`. */
  format(seconds: number, suffix: string): string {
    const day = Math.floor(seconds / DAY);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.lastDate = `${civilDate(day + EPOCH_2000_DAYS)}T`;
    }
    const rest = seconds - day * DAY;
    const h = (rest / 3_600) | 0;
    const m = ((rest - h * 3_600) / 60) | 0;
    return `${this.lastDate}${PAD2[h]}:${PAD2[m]}:${PAD2[rest - h * 3_600 - m * 60]}${suffix}`;
  }
}
