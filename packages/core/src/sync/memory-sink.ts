import type { Cursor } from '../connector/types';
import { ReconError } from '../errors';
import type { StandardTransaction } from '../schema/transaction';
import type { InvalidRecord, Sink, SinkBatch } from './types';

/** A {@link Sink} that keeps everything in memory, with accessors to inspect what it received. */
export interface MemorySink extends Sink {
  loadCursor(stream: string): Promise<Cursor | undefined>;
  close(): Promise<void>;
  /** Every acknowledged batch, in order (copies of the arrays the runner passed). */
  readonly batches: readonly SinkBatch[];
  /** Valid records received, in order; one stream's only when `stream` is given. */
  records(stream?: string): StandardTransaction[];
  /** Invalid records received (raw + error), in order; one stream's only when `stream` is given. */
  invalid(stream?: string): InvalidRecord[];
  /** The last cursor stored for a stream, synchronously. */
  cursor(stream: string): Cursor | undefined;
  readonly closed: boolean;
}

/**
 * A truthful recorder for tests, demos and small in-process pipelines. Each batch is stored
 * together with its cursor in one synchronous step, so records and cursor are "durable" together
 * (for the life of the process). It de-duplicates nothing: a batch written twice shows twice, which
 * is what lets tests prove the runner never does that.
 */
export function createMemorySink(options: { name?: string } = {}): MemorySink {
  const batches: SinkBatch[] = [];
  const cursors = new Map<string, Cursor>();
  let closed = false;

  return {
    name: options.name ?? 'memory',
    get batches() {
      return batches;
    },
    get closed() {
      return closed;
    },
    async write(batch) {
      if (closed) throw new ReconError(`[recon:sync] Sink "${options.name ?? 'memory'}" is closed`, { code: 'SINK_CLOSED', kind: 'internal' });
      const stored: SinkBatch = { stream: batch.stream, records: [...batch.records], invalid: [...batch.invalid] };
      if (batch.cursor !== undefined) {
        stored.cursor = copy(batch.cursor);
        cursors.set(batch.stream, stored.cursor);
      }
      batches.push(stored);
    },
    async loadCursor(stream) {
      const cursor = cursors.get(stream);
      return cursor === undefined ? undefined : copy(cursor);
    },
    async close() {
      closed = true;
    },
    records(stream) {
      return batches.filter((b) => stream === undefined || b.stream === stream).flatMap((b) => b.records);
    },
    invalid(stream) {
      return batches.filter((b) => stream === undefined || b.stream === stream).flatMap((b) => b.invalid);
    },
    cursor(stream) {
      const cursor = cursors.get(stream);
      return cursor === undefined ? undefined : copy(cursor);
    },
  };
}

function copy(cursor: Cursor): Cursor {
  return JSON.parse(JSON.stringify(cursor)) as Cursor;
}
