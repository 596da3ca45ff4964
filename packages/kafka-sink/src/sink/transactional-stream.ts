import { randomUUID } from 'node:crypto';
import { ReconError, type Cursor, type InvalidRecord, type Logger, type SinkBatch, type StandardTransaction } from '@recon/core';
import { isFencedError, KAFKA_ERROR_CODES, toKafkaError } from '../errors';
import { requestsOf } from '../message/chunk';
import type { KafkaPort, TopicMessages, TransactionalProducerPort } from '../port/types';
import { backoff } from './backoff';
import { batchMessages, type MessagePlan } from './batch-messages';
import { cursorKey, decodeCursor, encodeCursor, type StoredCursor } from './cursor-record';

/** Settings of one stream's transactional writer. */
export interface StreamSettings {
  port: KafkaPort;
  plan: MessagePlan;
  sinkId: string;
  stream: string;
  transactionalId: string;
  cursorTopic: string;
  transactionTimeoutMs: number;
  restoreTimeoutMs: number;
  maxAttempts: number;
  maxPendingRecords: number;
  maxRequestBytes?: number;
  log: Logger;
}

/** Thrown when another instance owns the stream now: this one must stop, never fight back. */
function fenced(stream: string, why: string, cause?: unknown): ReconError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new ReconError(`[recon:kafka] stream "${stream}" is owned by a newer instance (${why}${detail}); this instance stops writing`, {
    code: KAFKA_ERROR_CODES.fenced,
    kind: 'config',
    retryable: false,
    ...(cause !== undefined && { cause }),
  });
}

/**
 * One stream's exactly-once writer (Kafka Connect's `ExactlyOnceWorkerSourceTask`, KIP-618): a
 * transactional producer with a stable `transactionalId`, and one transaction per checkpoint
 * holding the records, their dead letters and the new cursor. Readers with `read_committed` see
 * records and cursor together or not at all.
 *
 * Failure handling:
 * - any error: abort, **drop the producer** and build a new one (kafkajs #1416 leaves a producer
 *   stuck in "already an ongoing transaction" after broker failures; a new producer re-registers,
 *   which also settles whatever the old one left open);
 * - after a new producer, read the stored cursor back: if it carries this write's batch id the
 *   commit had landed (its answer was lost), so the write is done; if it carries a batch id this
 *   writer never wrote, another instance took the stream over, and this one stops;
 * - a fenced producer (a newer one with the same id exists) stops at once.
 */
export function createTransactionalStream(settings: StreamSettings) {
  const { port, stream, log } = settings;
  const key = cursorKey(settings.sinkId, stream);
  let producer: TransactionalProducerPort | undefined;
  /** Batch id of the cursor record this writer last knows as committed (undefined: none yet). */
  let lastBatch: string | undefined;
  let restored = false;
  let pending: { records: StandardTransaction[]; invalid: InvalidRecord[] } = { records: [], invalid: [] };

  const drop = async () => {
    const p = producer;
    producer = undefined;
    await p?.disconnect().catch(() => undefined);
  };

  /** A connected producer that has fenced every older one (its first `begin` registers the id). */
  const ensureProducer = async (): Promise<TransactionalProducerPort> => {
    if (producer) return producer;
    const p = port.transactionalProducer({ transactionalId: settings.transactionalId, transactionTimeoutMs: settings.transactionTimeoutMs });
    try {
      await p.connect();
      await (await p.begin()).abort(); // empty: registers the id (fences, aborts a zombie's open transaction), sends nothing else
    } catch (error) {
      await p.disconnect().catch(() => undefined);
      throw error;
    }
    producer = p;
    return p;
  };

  /** The latest committed cursor record of this stream (read_committed, to the end of the topic). */
  const readStored = async (): Promise<StoredCursor | undefined> => {
    let stored: StoredCursor | undefined;
    await port.readToEnd(
      settings.cursorTopic,
      (message) => {
        if (message.key?.toString('utf8') === key) stored = decodeCursor(message);
      },
      { timeoutMs: settings.restoreTimeoutMs },
    );
    return stored;
  };

  /** Fence, then read the stored cursor: the resume point. */
  const restore = async (): Promise<Cursor | undefined> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureProducer();
        const stored = await readStored();
        lastBatch = stored?.batch;
        restored = true;
        log.info({ stream, cursorTopic: settings.cursorTopic, found: stored !== undefined, batch: stored?.batch, committedAt: stored?.committed_at }, 'cursor restored from kafka');
        return stored?.cursor;
      } catch (error) {
        await drop();
        if (isFencedError(error) || error instanceof ReconError || attempt >= settings.maxAttempts) throw toKafkaError(error, `restoring the cursor of stream "${stream}"`);
        log.warn({ stream, attempt, error: String(error) }, 'restoring the cursor failed; retrying');
        await backoff(attempt);
      }
    }
  };

  const commitOnce = async (requests: TopicMessages[][]): Promise<void> => {
    const p = await ensureProducer();
    const txn = await p.begin();
    try {
      for (const request of requests) await txn.send(request);
    } catch (error) {
      await txn.abort().catch(() => undefined);
      throw error;
    }
    await txn.commit();
  };

  const commit = async (batch: SinkBatch & { cursor: Cursor }) => {
    const records = [...pending.records, ...batch.records];
    const invalid = [...pending.invalid, ...batch.invalid];
    const batchId = randomUUID();
    const stored: StoredCursor = { v: 1, cursor: batch.cursor, batch: batchId, records: records.length, invalid: invalid.length, committed_at: new Date().toISOString() };
    const messages = batchMessages(stream, records, invalid, settings.plan);
    messages.push({ topic: settings.cursorTopic, messages: [encodeCursor(settings.sinkId, stream, stored)] });
    const requests = requestsOf(messages, settings.maxRequestBytes, port.splitsRequests === true);

    let recovering = false;
    for (let attempt = 1; ; attempt++) {
      try {
        if (recovering) {
          // New producer: the old one's transaction is settled now. Did it commit? Is the stream still ours?
          await ensureProducer();
          const current = await readStored();
          if (current?.batch === batchId) {
            log.info({ stream, attempt }, 'commit had landed before its answer was lost');
            break;
          }
          if (current?.batch !== lastBatch) {
            log.error({ stream, expected: lastBatch, found: current?.batch, foundCommittedAt: current?.committed_at }, 'stream taken over');
            throw fenced(stream, 'the cursor topic holds a checkpoint this instance did not write');
          }
        }
        await commitOnce(requests);
        break;
      } catch (error) {
        await drop();
        // Our own verdict from the cursor check: another instance wrote this stream.
        if (error instanceof ReconError && error.code === KAFKA_ERROR_CODES.fenced) throw error;
        // The broker says a newer producer registered our id: stop; re-registering would fence it back.
        if (isFencedError(error)) throw fenced(stream, 'producer fenced', error);
        const failure = toKafkaError(error, `committing a batch of stream "${stream}"`);
        if (attempt >= settings.maxAttempts) {
          throw new ReconError(`[recon:kafka] gave up committing a batch of stream "${stream}" after ${attempt} attempts: ${failure.message}`, {
            code: KAFKA_ERROR_CODES.writeFailed,
            kind: failure.kind,
            retryable: true,
            cause: failure,
          });
        }
        log.warn({ stream, attempt, error: failure.message }, 'transaction failed; recreating the producer and retrying');
        recovering = true;
        await backoff(attempt);
      }
    }
    lastBatch = batchId;
    pending = { records: [], invalid: [] };
  };

  return {
    /** Discards records not covered by a checkpoint, fences older instances, returns the stored cursor. */
    async loadCursor(): Promise<Cursor | undefined> {
      pending = { records: [], invalid: [] };
      return restore();
    },
    async write(batch: SinkBatch): Promise<void> {
      if (!restored) await restore();
      if (batch.cursor === undefined) {
        // No checkpoint yet: held until the next one commits them (a new run re-reads them).
        pending.records.push(...batch.records);
        pending.invalid.push(...batch.invalid);
        const held = pending.records.length + pending.invalid.length;
        if (held > settings.maxPendingRecords) {
          throw new ReconError(`[recon:kafka] stream "${stream}" holds ${held} records without a checkpoint (limit ${settings.maxPendingRecords}); exactly-once commits only at checkpoints`, {
            code: 'KAFKA_PENDING_LIMIT',
            kind: 'config',
            retryable: false,
          });
        }
        return;
      }
      await commit({ ...batch, cursor: batch.cursor });
    },
    /** Records held for the next checkpoint. */
    pendingCount: () => pending.records.length + pending.invalid.length,
    close: drop,
  };
}

/** One stream's writer. */
export type TransactionalStream = ReturnType<typeof createTransactionalStream>;
