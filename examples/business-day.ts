/** IST business days for the examples (India has no daylight saving: IST is always UTC+05:30). */

const IST_OFFSET_MS = 19_800_000;

/** Today's date in IST, `YYYY-MM-DD`. */
export function istToday(now: number = Date.now()): string {
  return new Date(now + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Yesterday's business day in IST: what a nightly reconciliation closes. */
export function istYesterday(now: number = Date.now()): string {
  return addDays(istToday(now), -1);
}

/** True for a real `YYYY-MM-DD` calendar date. */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}
