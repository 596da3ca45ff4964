import type { InvalidDataError } from '../errors';
import type { Cursor } from '../connector/types';
import type { StandardTransaction } from '../schema/transaction';

/** A record that failed validation, as a sink stores it (dead letter). */
export interface InvalidRecord {
  /** The stream (connector instance) it came from. */
  stream: string;
  raw: unknown;
  error: InvalidDataError;
}

/** What the sync runner hands a sink at each checkpoint. */
export interface SinkBatch {
  /** Stable name of the stream: the key cursors are stored under (e.g. `razorpay`, `sftp:kotak`). */
  stream: string;
  records: StandardTransaction[];
  invalid: InvalidRecord[];
  /** The checkpoint these records complete, if any. */
  cursor?: Cursor;
}

/**
 * Where transactions go. `write` resolves only when the batch is durable. A sink that can store
 * the cursor **atomically with** the records (JSON-lines file, memory, Kafka transactions)
 * implements `loadCursor`: the runner then trusts the sink for resume, and a crash can neither
 * lose nor repeat a record. A sink without `loadCursor` gets its cursor kept in a
 * {@link CursorStore} after each acknowledged write (at-least-once; de-duplicate by `txn_id`).
 */
export interface Sink {
  readonly name: string;
  write(batch: SinkBatch): Promise<void>;
  loadCursor?(stream: string): Promise<Cursor | undefined>;
  close?(): Promise<void>;
}

/** Where cursors live when the sink does not keep them. */
export interface CursorStore {
  load(stream: string): Promise<Cursor | undefined>;
  save(stream: string, cursor: Cursor): Promise<void>;
}
