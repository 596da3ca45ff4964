import type { RazorpayClient } from '../api/client';
import { mapReconItem } from '../mapping/map-recon-item';
import type { MapOptions } from '../mapping/result';
import { addDays, istDate } from '../mapping/time';
import type { StreamEvent } from './created-at-stream';
import type { ReconStreamState } from './cursor';
import { toMessage } from './to-message';

/** Everything the recon stream needs. */
export interface ReconStreamContext {
  client: RazorpayClient;
  pageSize: number;
  map: MapOptions;
  /** Lower bound of a first window (Unix seconds); its IST day is the first day read. */
  initialLo: number;
  /** Upper bound fixed for this read (Unix seconds); its IST day is the first day *not* read. */
  signpost: number;
  /** `txn_id`s emitted in this read. */
  emitted: Set<string>;
  signal?: AbortSignal;
}

/**
 * The days this read covers, `lo <= day < hi` (IST): the stored window when interrupted, the days
 * since the last finished window otherwise. `undefined` when no whole day has passed since.
 */
export function nextReconWindow(state: ReconStreamState | null, ctx: Pick<ReconStreamContext, 'initialLo' | 'signpost'>): ReconStreamState | undefined {
  const hi = istDate(ctx.signpost);
  if (state !== null && !state.done) return state;
  const lo = state === null ? istDate(ctx.initialLo) : state.hi;
  return lo < hi ? { lo, hi, day: lo, skip: 0, done: false } : undefined;
}

/**
 * Read the settlement recon report day by day (IST), each day paged with `count` up to 1000,
 * yielding messages and the stream state after every page.
 *
 * Only whole days are read: the day containing the signpost is left for the next read, because
 * settlements of the current day may still be coming. A finished day is not read again, which is
 * why this stream needs no overlap window (it relies on a day's report being final once the day is
 * over, an assumption: Razorpay does not document it). Rows are keyed
 * `<settlement_id>:<entity_id>`; a row repeated inside one read (offsets shifting) is dropped.
 */
export async function* readReconStream(state: ReconStreamState | null, ctx: ReconStreamContext): AsyncGenerator<StreamEvent<ReconStreamState>> {
  const window = nextReconWindow(state, ctx);
  if (!window) return;
  const { lo, hi } = window;
  let day = window.day;
  let skip = window.skip;
  while (day < hi) {
    const [year, month, date] = day.split('-').map((part) => Number.parseInt(part, 10)) as [number, number, number];
    const pages = ctx.client.settlementRecon({ year, month, day: date, count: ctx.pageSize, skip }, { ...(ctx.signal && { signal: ctx.signal }) });
    for await (const page of pages) {
      for (const item of page.items) {
        const result = mapReconItem(item, ctx.map);
        if (result.ok) {
          if (ctx.emitted.has(result.txn.txn_id)) continue;
          ctx.emitted.add(result.txn.txn_id);
        }
        yield { kind: 'message', message: toMessage(result) };
      }
      if (page.next !== undefined) {
        yield { kind: 'checkpoint', state: { lo, hi, day, skip: page.next, done: false } };
        continue;
      }
      const following = addDays(day, 1);
      yield { kind: 'checkpoint', state: following < hi ? { lo, hi, day: following, skip: 0, done: false } : { lo, hi, day: hi, skip: 0, done: true } };
    }
    day = addDays(day, 1);
    skip = 0;
  }
}
