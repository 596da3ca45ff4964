import { ConfigError, formatIssues, issuesFromZod } from '@recon/core';
import { z } from 'zod';
import { ICICI_SOURCE } from '../constants';

/**
 * Where a read stands. The window (`first`..`last`, IST days, both inclusive) is fixed when a read
 * starts (a signpost) and kept in every checkpoint, so a resumed read pages exactly the same rows.
 * Inside it, `chunk` is the first day of the ≤365-day slice being read and `lastTrId` the bank's
 * continuation token after the last delivered page (`null`: start that slice from its beginning).
 * `done` marks a finished window; the next read then starts at `nextFrom`.
 */
export type IciciCursor = {
  v: 1;
  /** The account the cursor belongs to: a cursor is never applied to another account. */
  account: string;
  first: string;
  last: string;
  chunk: string;
  /** The bank's `LASTTRID`, echoed back verbatim (opaque). */
  lastTrId: string | null;
  done: boolean;
  /**
   * First day of the following window: the day after `last` when the window ended at an IST
   * midnight, else `last` itself (that day was still open, so it is read again; the rows already
   * delivered come back with the same `txn_id`).
   */
  nextFrom: string;
};

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const CursorSchema = z
  .object({
    v: z.literal(1),
    account: z.string().min(1),
    first: Day,
    last: Day,
    chunk: Day,
    lastTrId: z.string().min(1).nullable(),
    done: z.boolean(),
    nextFrom: Day,
  })
  .strict();

const invalid = (message: string, details?: unknown) =>
  new ConfigError(`[recon:${ICICI_SOURCE}] Invalid cursor: ${message}`, { code: 'CURSOR_INVALID', connector: ICICI_SOURCE, ...(details !== undefined && { details }) });

/** A stored cursor comes back from outside (a file, a database): check it before trusting it. */
export function parseCursor(value: unknown, accountNumber: string): IciciCursor {
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw invalid(formatIssues(issues), { issues });
  }
  const cursor = parsed.data;
  if (cursor.account !== accountNumber) throw invalid('it belongs to another account');
  if (!cursor.done && (cursor.chunk < cursor.first || cursor.chunk > cursor.last)) throw invalid('chunk lies outside its window');
  return cursor;
}
