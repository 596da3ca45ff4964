import { begin, end, put, putPadded } from './text';

/** Seconds in a day. */
export const DAY = 86_400;

/**
 * Turns "seconds since the start of the period" into the wire strings. The period starts at
 * 00:00 IST on `startDate`, so day arithmetic needs no time-zone maths: second `s` falls on day
 * `floor(s / DAY)` in IST. Day strings are cached, so every record of one day shares one
 * `YYYY-MM-DD` string (as `JSON.parse` shares short strings).
 */
export interface Clock {
  /** `YYYY-MM-DD` of day `day` (0 = startDate; may be negative). */
  date(day: number): string;
  /** `YYYY-MM-DDTHH:MM:SS+05:30` of second `second`, as a fresh string. */
  timestamp(second: number): string;
}

/** A {@link Clock} for a period starting at 00:00 IST on `startDate` (`YYYY-MM-DD`). */
export function createClock(startDate: string): Clock {
  const startUtcMs = Date.parse(`${startDate}T00:00:00Z`);
  if (Number.isNaN(startUtcMs)) throw new RangeError(`Invalid startDate ${startDate}`);
  const cache = new Map<number, string>();
  const date = (day: number): string => {
    let text = cache.get(day);
    if (text === undefined) {
      text = new Date(startUtcMs + day * DAY * 1000).toISOString().slice(0, 10);
      cache.set(day, text);
    }
    return text;
  };
  return {
    date,
    timestamp(second) {
      const day = Math.floor(second / DAY);
      const inDay = second - day * DAY;
      begin();
      put(date(day));
      put('T');
      putPadded(Math.floor(inDay / 3600), 2);
      put(':');
      putPadded(Math.floor((inDay % 3600) / 60), 2);
      put(':');
      putPadded(inDay % 60, 2);
      put('+05:30');
      return end();
    },
  };
}
