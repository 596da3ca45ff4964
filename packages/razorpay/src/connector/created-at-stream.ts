import type { InvalidMessage, RecordMessage } from '@recon/core';
import type { RazorpayClient } from '../api/client';
import { MIN_TIMESTAMP } from '../constants';
import { mapPayment } from '../mapping/map-payment';
import { mapRefund } from '../mapping/map-refund';
import { mapSettlement } from '../mapping/map-settlement';
import type { MapOptions, MapResult } from '../mapping/result';
import type { CreatedAtStreamState } from './cursor';
import { revisionOf, type CreatedAtStream } from './revision';
import { toMessage } from './to-message';

/** What a stream reader yields: messages for the caller, and its own state after each page. */
export type StreamEvent<S> = { kind: 'message'; message: RecordMessage | InvalidMessage } | { kind: 'checkpoint'; state: S };

/** Everything a created_at stream needs. */
export interface CreatedAtStreamContext {
  client: RazorpayClient;
  stream: CreatedAtStream;
  pageSize: number;
  overlapSeconds: number;
  map: MapOptions;
  /** Lower bound of a first window (Unix seconds). */
  initialLo: number;
  /** Upper bound fixed for this read (Unix seconds). */
  signpost: number;
  /** Ids emitted in this read with their revision: de-duplicates pages that overlap within one read. */
  emitted: Map<string, string>;
  signal?: AbortSignal;
}

const MAPPERS: Readonly<Record<CreatedAtStream, (entity: unknown, options: MapOptions) => MapResult>> = { payments: mapPayment, refunds: mapRefund, settlements: mapSettlement };

/**
 * The window this read covers: the stored one when it was interrupted, a new one from
 * `hi − overlap` when it was finished, the first one otherwise. `undefined` when there is nothing
 * to read (the signpost has not moved past the overlap).
 */
export function nextWindow(state: CreatedAtStreamState | null, ctx: Pick<CreatedAtStreamContext, 'initialLo' | 'signpost' | 'overlapSeconds'>): CreatedAtStreamState | undefined {
  if (state === null) {
    const lo = Math.max(ctx.initialLo, MIN_TIMESTAMP);
    return lo < ctx.signpost ? { lo, hi: ctx.signpost, skip: 0, done: false, seen: {} } : undefined;
  }
  if (!state.done) return state;
  const lo = Math.max(state.hi - ctx.overlapSeconds, MIN_TIMESTAMP);
  // A signpost that has not passed the previous one brings nothing new; keep the stored state.
  if (ctx.signpost <= state.hi) return undefined;
  return { lo, hi: ctx.signpost, skip: 0, done: false, seen: state.seen };
}

/** Keep only `seen` entries a window starting at `from` can meet again. */
function prune(seen: Record<string, [number, string]>, from: number): Record<string, [number, string]> {
  const out: Record<string, [number, string]> = {};
  for (const [id, entry] of Object.entries(seen)) if (entry[0] >= from) out[id] = entry;
  return out;
}

/**
 * Read one created_at stream (payments, refunds or settlements) for one window, newest first, in
 * pages of `pageSize`, yielding messages and the stream's state after every page.
 *
 * Bounds: the API's `from`/`to` are "created after/before" and their inclusivity is not
 * documented, so the request asks for `from = lo − 1` .. `to = hi` and the window
 * `lo <= created_at < hi` is applied here; each second then belongs to exactly one window.
 *
 * De-duplication: an entity is skipped when the same id with the same revision (status, refunded
 * amount, UTR) was already emitted in this read or is remembered in `seen` from the previous
 * window's overlap zone; a new revision is emitted again under the same `txn_id`.
 */
export async function* readCreatedAtStream(state: CreatedAtStreamState | null, ctx: CreatedAtStreamContext): AsyncGenerator<StreamEvent<CreatedAtStreamState>> {
  const window = nextWindow(state, ctx);
  if (!window) return;
  const { lo, hi } = window;
  const zoneStart = hi - ctx.overlapSeconds;
  const seen = { ...window.seen };
  const map = MAPPERS[ctx.stream];
  const list = ctx.stream === 'payments' ? ctx.client.payments : ctx.stream === 'refunds' ? ctx.client.refunds : ctx.client.settlements;
  const pages = list({ from: Math.max(lo - 1, MIN_TIMESTAMP), to: hi, count: ctx.pageSize, skip: window.skip }, { ...(ctx.signal && { signal: ctx.signal }) });

  for await (const page of pages) {
    for (const item of page.items) {
      const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const createdAt = fields['created_at'];
      const id = fields['id'];
      const placed = typeof createdAt === 'number' && Number.isSafeInteger(createdAt);
      // Outside the window: the neighbouring window owns it (see "Bounds" above).
      if (placed && (createdAt < lo || createdAt >= hi)) continue;
      if (typeof id === 'string') {
        const revision = revisionOf(ctx.stream, item);
        if ((ctx.emitted.get(id) ?? seen[id]?.[1]) === revision) continue;
        ctx.emitted.set(id, revision);
        if (placed && createdAt >= zoneStart) seen[id] = [createdAt, revision];
      }
      yield { kind: 'message', message: toMessage(map(item, ctx.map)) };
    }
    const done = page.next === undefined;
    yield {
      kind: 'checkpoint',
      state: done ? { lo, hi, skip: 0, done: true, seen: prune(seen, zoneStart) } : { lo, hi, skip: page.next ?? 0, done: false, seen: { ...seen } },
    };
  }
}
