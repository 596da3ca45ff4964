import type { InvalidDataError, ReconError } from '../errors';
import type { Cursor } from '../connector/types';
import type { StandardTransaction, TransactionStatus } from '../schema/transaction';

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
  /**
   * The checkpoint these records complete. Absent when the runner had to flush before a checkpoint
   * (buffer limit reached) or at the end of a read that yielded records after its last checkpoint.
   */
  cursor?: Cursor;
}

/**
 * Where transactions go. `write` resolves only when the batch is durable. A sink that can store
 * the cursor **atomically with** the records (JSON-lines file, memory, Kafka transactions)
 * implements `loadCursor`: the runner then trusts the sink for resume, and a crash can neither
 * lose nor repeat a record. A sink without `loadCursor` gets its cursor kept in a
 * {@link CursorStore} after each acknowledged write (at-least-once; de-duplicate by `txn_id`).
 *
 * A batch without a cursor is not covered by any checkpoint yet. A sink with `loadCursor` may treat
 * it as an open transaction that the next batch with a cursor (same stream) commits, and may discard
 * it when `loadCursor` is called for that stream again (a new run starts from the last cursor and
 * will read those records again). The JSON-lines sink does exactly that.
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

/** Where a sync run stopped when it failed. */
export type SyncStage = 'setup' | 'load-cursor' | 'read' | 'write' | 'save-cursor';

/** What every {@link SyncReport} carries. */
export interface SyncReportBase {
  stream: string;
  /** ISO 8601 timestamps of the run. */
  startedAt: string;
  finishedAt: string;
  /** Valid records acknowledged by the sink in this run. */
  records: number;
  /** Invalid records (raw + error) acknowledged by the sink in this run. */
  invalid: number;
  /** Acknowledged `sink.write` calls. */
  batches: number;
  /** Acknowledged batches that carried a cursor (and, without `loadCursor`, whose cursor was saved). */
  checkpoints: number;
  /** Records and invalid records read but never acknowledged (aborted or failed run); the next run reads them again. */
  unacknowledged: number;
  /** The cursor this run resumed from. */
  resumedFrom?: Cursor;
  /** The persisted position after this run: the last checkpoint acknowledged, else `resumedFrom`. */
  cursor?: Cursor;
  /** Acknowledged records per transaction status. */
  byStatus: Partial<Record<TransactionStatus, number>>;
}

/**
 * The outcome of one sync run. `runSync` always resolves with one (it never rejects), because a
 * failed run still committed work worth reporting; branch on `status`, or fail hard with
 * `if (report.status === 'failed') throw report.error`.
 */
export type SyncReport =
  | (SyncReportBase & { status: 'completed' | 'aborted'; error?: undefined; failedAt?: undefined })
  | (SyncReportBase & { status: 'failed'; error: ReconError; failedAt: SyncStage });
