import { ConfigError, formatIssues, issuesFromZod } from '@recon/core';
import { z } from 'zod';
import { SBI_SOURCE } from '../constants';
import { addDays, isCalendarDate, istDateOf } from '../mapping/dates';

const Day = z.string().refine(isCalendarDate, 'must be a YYYY-MM-DD calendar date');

/**
 * Resume position of an SBI read: `to` the exclusive last day fixed when the read started, `at` the
 * first day of the window being read, `next` the record number the next page of that window starts
 * at (`null` at a window's start), `done` once everything before `to` was read. IST days.
 */
export type SbiCursor = { to: string; at: string; next: string | null; done: boolean };

const CursorSchema = z.object({ to: Day, at: Day, next: z.string().min(1).nullable(), done: z.boolean() }).strict();

function day(value: string, name: string): string {
  const result = istDateOf(value);
  if (result === undefined) throw new ConfigError(`[recon:${SBI_SOURCE}] read option \`${name}\` must be an ISO date or date-time`, { code: 'READ_OPTIONS_INVALID', connector: SBI_SOURCE });
  return result;
}

/** Where a read starts: an unfinished cursor resumes as is; a finished one continues at its `to`; else `from`/`to` as IST days (`to` exclusive, today by default). */
export function sbiStartPosition(options: { from?: string | undefined; to?: string | undefined; cursor?: unknown }, settings: { today: string; startDate?: string | undefined; lookbackDays: number }): SbiCursor {
  const to = options.to === undefined ? settings.today : day(options.to, 'to');
  if (options.cursor !== undefined) {
    const parsed = CursorSchema.safeParse(options.cursor);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      throw new ConfigError(`[recon:${SBI_SOURCE}] Invalid cursor: ${formatIssues(issues)}`, { code: 'CURSOR_INVALID', connector: SBI_SOURCE, details: { issues } });
    }
    return parsed.data.done ? windowStart(to, parsed.data.to) : parsed.data;
  }
  return windowStart(to, options.from === undefined ? (settings.startDate ?? addDays(to, -settings.lookbackDays)) : day(options.from, 'from'));
}

/** The position at the start of the window beginning `at`. */
export function windowStart(to: string, at: string): SbiCursor {
  return { to, at, next: null, done: at >= to };
}
