import { toReconError } from '../connector/define-connector';
import type { Connector, ConnectorMessage, Cursor } from '../connector/types';
import { ConfigError, createRedactor, isReconError, ReconError, type Redactor } from '../errors';
import { childLogger, silentLogger, type Logger } from '../logging/logger';
import type { StandardTransaction } from '../schema/transaction';
import type { CursorStore, InvalidRecord, Sink, SinkBatch, SyncReport, SyncReportBase, SyncStage } from './types';

/** The part of a connector the runner uses (any {@link Connector} fits). */
export type SyncSource<C extends Cursor = Cursor> = Pick<Connector<C>, 'id' | 'read'> & { redact?: Redactor };

/** Options of {@link runSync}. */
export interface RunSyncOptions<C extends Cursor = Cursor> {
  connector: SyncSource<C>;
  sink: Sink;
  /** Key cursors are stored under and `stream` of every batch. Default: `connector.id`. */
  stream?: string;
  /**
   * Where the cursor lives when the sink has no `loadCursor`. Ignored when it has one (the sink
   * keeps cursor and records together, which is what makes exactly-once possible). Without either,
   * every run starts from `from`.
   */
  cursorStore?: CursorStore;
  /** Lower bound for a first run (no cursor yet). */
  from?: string;
  /** Upper bound, fixed before the read starts. */
  to?: string;
  /** Stops the run at the next message; records after the last checkpoint are dropped, not written. */
  signal?: AbortSignal;
  logger?: Logger;
  /**
   * Largest number of records (valid + invalid) held between two checkpoints (default 10 000).
   * When a connector goes further without a checkpoint, the buffer is written without a cursor:
   * with a cursor store that stretch is at-least-once (a crash before the next checkpoint repeats
   * it; `txn_id`s are deterministic, so repeats are detectable). The JSON-lines sink stays
   * exactly-once, since it discards cursorless lines that no checkpoint followed.
   */
  maxBufferedRecords?: number;
}

/** Thrown inside the runner to carry the stage an error happened in. */
class StageFailure {
  constructor(
    readonly stage: SyncStage,
    readonly error: ReconError,
  ) {}
}

const ABORTED = Symbol('aborted');

/**
 * Run one sync: read the connector from the stored cursor and hand its records to the sink in
 * batches that end at each checkpoint. A checkpoint's cursor is persisted only after the sink
 * acknowledged its batch (in the sink itself when it has `loadCursor`, else in `cursorStore`), so
 * a crash at any point resumes with no gap.
 *
 * **It never rejects**: it resolves with a {@link SyncReport} whose `status` is `completed`,
 * `aborted` or `failed`. A failure (the connector threw after its own retries, the sink or the
 * cursor store failed, bad options) ends the run where it happened; batches acknowledged before
 * stay committed, records read after the last acknowledged batch are dropped (the next run reads
 * them again), and the report carries the {@link ReconError} as thrown plus `failedAt`. Fail hard
 * with `if (report.status === 'failed') throw report.error`. The connector and the sink are not
 * closed: the caller owns them.
 */
export async function runSync<C extends Cursor = Cursor>(options: RunSyncOptions<C>): Promise<SyncReport> {
  const { connector, sink, cursorStore, signal } = options;
  const stream = options.stream ?? connector.id;
  const redact = connector.redact ?? createRedactor([]);
  const log = childLogger(options.logger ?? silentLogger, { stream, sink: sink.name });
  const startedAt = new Date().toISOString();
  const base: SyncReportBase = { stream, startedAt, finishedAt: startedAt, records: 0, invalid: 0, batches: 0, checkpoints: 0, unacknowledged: 0, byStatus: {} };

  let records: StandardTransaction[] = [];
  let invalid: InvalidRecord[] = [];

  const report = (status: 'completed' | 'aborted' | StageFailure): SyncReport => {
    base.finishedAt = new Date().toISOString();
    base.unacknowledged += records.length + invalid.length;
    if (status instanceof StageFailure) {
      log.error({ failedAt: status.stage, error: status.error.toJSON(), cursor: base.cursor, records: base.records }, 'sync failed');
      return { ...base, status: 'failed', error: status.error, failedAt: status.stage };
    }
    log.info({ status, records: base.records, invalid: base.invalid, batches: base.batches, checkpoints: base.checkpoints, unacknowledged: base.unacknowledged, cursor: base.cursor }, `sync ${status}`);
    return { ...base, status };
  };

  const maxBuffered = options.maxBufferedRecords ?? 10_000;
  if (!Number.isSafeInteger(maxBuffered) || maxBuffered < 1) {
    return report(new StageFailure('setup', new ConfigError(`[recon:sync] maxBufferedRecords must be a positive integer (got ${String(maxBuffered)})`)));
  }

  // Resume point: the sink's own cursor when it keeps one (atomic with its records), else the store's.
  try {
    base.resumedFrom = sink.loadCursor ? await sink.loadCursor(stream) : await cursorStore?.load(stream);
  } catch (error) {
    return report(new StageFailure('load-cursor', wrap(error, 'CURSOR_LOAD_FAILED', `could not load the cursor of stream "${stream}"`, redact)));
  }
  if (base.resumedFrom !== undefined) base.cursor = base.resumedFrom;
  if (sink.loadCursor && cursorStore) log.debug({}, 'sink keeps cursors itself; cursorStore not used');
  if (signal?.aborted) return report('aborted');
  log.info({ resumedFrom: base.resumedFrom, from: options.from, to: options.to }, 'sync started');

  const flush = async (cursor?: Cursor) => {
    const batch: SinkBatch = { stream, records, invalid, ...(cursor !== undefined && { cursor }) };
    try {
      await sink.write(batch);
    } catch (error) {
      throw new StageFailure('write', wrap(error, 'SINK_WRITE_FAILED', `sink "${sink.name}" failed to write a batch of stream "${stream}"`, redact));
    }
    // Acknowledged: the batch is durable, so it leaves the buffer before anything else can fail.
    records = [];
    invalid = [];
    base.batches += 1;
    base.records += batch.records.length;
    base.invalid += batch.invalid.length;
    for (const txn of batch.records) base.byStatus[txn.status] = (base.byStatus[txn.status] ?? 0) + 1;
    log.debug({ records: batch.records.length, invalid: batch.invalid.length, cursor }, 'batch acknowledged');
    if (cursor === undefined) return;
    if (!sink.loadCursor && cursorStore) {
      try {
        await cursorStore.save(stream, cursor);
      } catch (error) {
        throw new StageFailure('save-cursor', wrap(error, 'CURSOR_SAVE_FAILED', `could not save the cursor of stream "${stream}"`, redact));
      }
    }
    base.checkpoints += 1;
    base.cursor = cursor;
  };

  let iterator: AsyncIterator<ConnectorMessage<C>> | undefined;
  try {
    iterator = connector.read({ from: options.from, to: options.to, cursor: base.resumedFrom as C | undefined, signal })[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<ConnectorMessage<C>> | typeof ABORTED;
      try {
        next = await nextOrAbort(iterator, signal);
      } catch (error) {
        if (signal?.aborted) return report('aborted'); // the connector gave up because we asked it to
        throw new StageFailure('read', isReconError(error) ? error : toReconError(error, connector.id, redact));
      }
      if (next === ABORTED) {
        // The connector is still busy (it may ignore the signal): let it finish in the background.
        const pending = iterator;
        iterator = undefined;
        void Promise.resolve(pending.return?.()).catch(() => undefined);
        return report('aborted');
      }
      if (next.done) break;
      const message = next.value;
      if (message.type === 'record') records.push(message.txn);
      else if (message.type === 'invalid') invalid.push({ stream, raw: message.raw, error: message.error });
      else await flush(message.cursor);

      if (records.length + invalid.length >= maxBuffered) {
        log.warn({ buffered: records.length + invalid.length, maxBufferedRecords: maxBuffered }, 'no checkpoint within maxBufferedRecords: writing without a cursor (at-least-once for this stretch unless the sink keeps cursors)');
        await flush();
      }
      if (signal?.aborted) return report('aborted');
    }
    iterator = undefined;
    if (records.length || invalid.length) {
      log.warn({ records: records.length, invalid: invalid.length }, 'connector yielded records after its last checkpoint: written without a cursor');
      await flush();
    }
    return report('completed');
  } catch (error) {
    if (error instanceof StageFailure) return report(error);
    // A connector whose read() throws before iterating, or a bug here: still report rather than reject.
    return report(new StageFailure('read', toReconError(error, connector.id, redact)));
  } finally {
    // Stopped between messages (sink failure or abort): close the generator so its finally blocks run.
    if (iterator) await Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** `iterator.next()`, or {@link ABORTED} as soon as the signal fires, whichever comes first. */
function nextOrAbort<T>(iterator: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T> | typeof ABORTED> {
  const next = iterator.next();
  if (!signal) return next;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      next.catch(() => undefined); // nobody awaits it any more
      resolve(ABORTED);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    next.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** ReconErrors pass through as thrown; anything else is wrapped with a stable code and a scrubbed message. */
function wrap(error: unknown, code: string, what: string, redact: Redactor): ReconError {
  if (isReconError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ReconError(`[recon:sync] ${what}: ${redact(message)}`, { code, kind: 'internal', cause: error });
}
