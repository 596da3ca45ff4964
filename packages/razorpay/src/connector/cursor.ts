import { ConfigError, formatIssues, issuesFromZod } from '@recon/core';
import { z } from 'zod';
import { RAZORPAY_SOURCE } from '../constants';

/**
 * Position in one created_at-ordered stream (payments, refunds, settlements).
 * - `lo`/`hi`: the window, Unix seconds, `lo <= created_at < hi`; `hi` is the signpost fixed when
 *   the window started, so a resumed read pages exactly the same set.
 * - `skip`: offset of the next page inside the window.
 * - `done`: the window was read to the end; the next read starts a new one at `hi − overlap`.
 * - `seen`: `id → [created_at, revision]` for entities emitted in the overlap zone, so a re-read
 *   skips what did not change and re-emits what did (a new status).
 */
export type CreatedAtStreamState = {
  lo: number;
  hi: number;
  skip: number;
  done: boolean;
  seen: Record<string, [number, string]>;
};

/** Position in the settlement recon stream: IST days `lo <= day < hi`, now at `day`/`skip`. */
export type ReconStreamState = {
  lo: string;
  hi: string;
  day: string;
  skip: number;
  done: boolean;
};

/** The connector's cursor: one state per stream, `null` until the stream is first read. Plain JSON, versioned. */
export type RazorpayCursor = {
  v: 1;
  payments: CreatedAtStreamState | null;
  refunds: CreatedAtStreamState | null;
  settlements: CreatedAtStreamState | null;
  settlement_recon: ReconStreamState | null;
};

/** A cursor in which no stream has been read yet. */
export function emptyCursor(): RazorpayCursor {
  return { v: 1, payments: null, refunds: null, settlements: null, settlement_recon: null };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CreatedAtState = z
  .object({
    lo: z.number().int(),
    hi: z.number().int(),
    skip: z.number().int().min(0),
    done: z.boolean(),
    seen: z.record(z.string(), z.tuple([z.number().int(), z.string()])),
  })
  .strict();
const ReconState = z.object({ lo: day, hi: day, day, skip: z.number().int().min(0), done: z.boolean() }).strict();
const CursorSchema = z
  .object({ v: z.literal(1), payments: CreatedAtState.nullable(), refunds: CreatedAtState.nullable(), settlements: CreatedAtState.nullable(), settlement_recon: ReconState.nullable() })
  .strict();

/** A stored cursor comes back from outside (a file, a database): check it before trusting it. */
export function parseCursor(cursor: unknown): RazorpayCursor {
  const parsed = CursorSchema.safeParse(cursor);
  if (parsed.success) return parsed.data as RazorpayCursor;
  const issues = issuesFromZod(parsed.error);
  throw new ConfigError(`[recon:${RAZORPAY_SOURCE}] Invalid cursor: ${formatIssues(issues)}`, { code: 'CURSOR_INVALID', connector: RAZORPAY_SOURCE, details: { issues } });
}
