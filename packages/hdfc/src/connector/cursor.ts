import { ConfigError, formatIssues, issuesFromZod } from '@recon/core';
import { z } from 'zod';
import { HDFC_SOURCE } from '../constants';
import { addDays, isCalendarDate, istDateOf } from '../mapping/dates';

const CalendarDate = z.string().refine(isCalendarDate, 'must be a YYYY-MM-DD calendar date');

/**
 * Resume position of an HDFC read. `to` is the exclusive last day fixed when the read started (a
 * signpost); `at` is the first day of the date window being read; `page` is the bank's token for
 * the next page of that window (`null` at a window's start); `done` marks a finished read, after
 * which the next read starts at `to`. All days are IST calendar days.
 */
export type HdfcCursor = { to: string; at: string; page: string | null; done: boolean };

const CursorSchema = z.object({ to: CalendarDate, at: CalendarDate, page: z.string().min(1).nullable(), done: z.boolean() }).strict();

/** A stored cursor comes back from outside (a file, a database): check it before trusting it. */
export function parseCursor(cursor: unknown): HdfcCursor {
  const parsed = CursorSchema.safeParse(cursor);
  if (parsed.success) return parsed.data;
  const issues = issuesFromZod(parsed.error);
  throw new ConfigError(`[recon:${HDFC_SOURCE}] Invalid cursor: ${formatIssues(issues)}`, { code: 'CURSOR_INVALID', connector: HDFC_SOURCE, details: { issues } });
}

function dayOf(value: string, name: 'from' | 'to'): string {
  const day = istDateOf(value);
  if (day === undefined) throw new ConfigError(`[recon:${HDFC_SOURCE}] read option \`${name}\` must be an ISO date or date-time`, { code: 'READ_OPTIONS_INVALID', connector: HDFC_SOURCE });
  return day;
}

/**
 * Where a read starts. Bank statements are per day, so `from` and `to` are taken as IST days:
 * `to` is exclusive (default: today, so the read covers up to yesterday, whose postings are
 * complete), `from` inclusive (default: `startDate`, else `lookbackDays` before `to`). A finished
 * cursor continues from its `to`; an unfinished one resumes exactly where it stopped.
 */
export function startPosition(options: { from?: string | undefined; to?: string | undefined; cursor?: unknown }, settings: { today: string; startDate?: string | undefined; lookbackDays: number }): HdfcCursor {
  const to = options.to === undefined ? settings.today : dayOf(options.to, 'to');
  if (options.cursor !== undefined) {
    const cursor = parseCursor(options.cursor);
    if (!cursor.done) return cursor;
    return position(to, cursor.to);
  }
  const at = options.from === undefined ? (settings.startDate ?? addDays(to, -settings.lookbackDays)) : dayOf(options.from, 'from');
  return position(to, at);
}

/** The position at the start of the window beginning `at` (done when nothing is left before `to`). */
export function position(to: string, at: string): HdfcCursor {
  return { to, at, page: null, done: at >= to };
}

/** Exclusive end of the window that starts at `at`. */
export function windowEnd(at: string, to: string, maxRangeDays: number): string {
  const end = addDays(at, maxRangeDays);
  return end < to ? end : to;
}
