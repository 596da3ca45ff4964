/**
 * A webhook de-duplication store that survives restarts: event ids in memory, and in an
 * append-only file once their records are durable. The SDK's memory store forgets everything on
 * a restart, and Razorpay retries for 24 hours.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { WebhookDedupStore } from '@recon/razorpay';

/** A {@link WebhookDedupStore} plus `commit`, to call once the event's records are written. */
export interface FileDedupStore extends WebhookDedupStore {
  /**
   * Record the id in the file. Called after the sink acknowledged the event's records, never at
   * claim time: a crash between the claim and the write must let Razorpay's retry through, or
   * the event would be lost. (A crash between the write and the commit repeats the event; its
   * records carry the same `txn_id`s, so a consumer's upsert absorbs it.)
   */
  commit(eventId: string): void;
  readonly size: number;
}

/** Load the ids already in `path` (one per line) and keep appending to it. */
export function createFileDedupStore(path: string): FileDedupStore {
  const seen = new Set(existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '') : []);
  return {
    get size() {
      return seen.size;
    },
    claim(eventId) {
      if (seen.has(eventId)) return false;
      seen.add(eventId);
      return true;
    },
    release(eventId) {
      seen.delete(eventId);
    },
    commit(eventId) {
      // Ids are Razorpay's `evt_…` (no newline); anything else is not written, so a line is always one id.
      if (/^[\w.-]+$/.test(eventId)) appendFileSync(path, `${eventId}\n`);
    },
  };
}
