import { IST_OFFSET_SECONDS } from '../constants';

/**
 * Unix seconds as ISO 8601 in India Standard Time (`2024-06-01T10:15:00+05:30`). IST rather than
 * UTC because Razorpay's days (recon `year/month/day`, settlement cycles) are IST days, and a
 * timestamp whose date part is the IST date reads the same way the merchant's dashboard does.
 */
export function unixToIst(seconds: number): string {
  return `${new Date((seconds + IST_OFFSET_SECONDS) * 1000).toISOString().slice(0, 19)}+05:30`;
}

/** The IST calendar date (`YYYY-MM-DD`) of a Unix time. */
export function istDate(seconds: number): string {
  return unixToIst(seconds).slice(0, 10);
}

/** Unix seconds of 00:00 IST on `date` (`YYYY-MM-DD`). */
export function istMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+05:30`) / 1000;
}

/** The IST date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return istDate(istMidnight(date) + days * 86_400);
}
