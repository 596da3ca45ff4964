import { childLogger, ReconError, silentLogger, type Cursor, type Sink } from '@recon/core';
import { resolveKafkaPort } from '../kafka-input';
import { DEFAULT_CURSOR_TOPIC } from '../topics/topic-names';
import { messagePlan, type KafkaSinkOptions } from './sink-options';
import { createTransactionalStream, type TransactionalStream } from './transactional-stream';

/** Options of {@link createTransactionalKafkaSink}. */
export interface TransactionalKafkaSinkOptions extends KafkaSinkOptions {
  /**
   * Stable id of this sink deployment (default `recon`). Prefix of every transactional id and part
   * of every cursor key: two deployments sharing a cluster need different ids; the instances of one
   * deployment (a restart, a replacement) must keep the same one, which is what fences zombies.
   */
  sinkId?: string;
  /** Transactional id of a stream (default `<sinkId>-<stream>`). */
  transactionalId?: (stream: string) => string;
  /** Compacted topic holding cursors (default `recon_connector_cursors`; see `createReconTopics`). */
  cursorTopic?: string;
  /** Broker-side limit of one transaction before the coordinator aborts it (default 60 000 ms). */
  transactionTimeoutMs?: number;
  /** Limit for reading the cursor topic to its end on start (default 120 000 ms). */
  restoreTimeoutMs?: number;
  /** Records held between checkpoints before a write fails (default 100 000). */
  maxPendingRecords?: number;
}

/** The exactly-once Kafka sink: a {@link Sink} with `loadCursor` and `close`. */
export interface TransactionalKafkaSink extends Sink {
  loadCursor(stream: string): Promise<Cursor | undefined>;
  close(): Promise<void>;
}

/**
 * The exactly-once Kafka sink (Kafka Connect's KIP-618 design for a polling source): per stream,
 * a transactional producer writes each checkpoint's records, dead letters and **the connector's
 * cursor** (to a compacted cursor topic) in one transaction. `loadCursor` fences older instances
 * of the stream (same transactional id) and restores the cursor by reading the cursor topic to its
 * end with `read_committed`. `runSync` uses it as is:
 *
 * ```ts
 * const sink = createTransactionalKafkaSink({ kafka: { brokers: ['127.0.0.1:9092'] } });
 * const report = await runSync({ connector, sink }); // resume, no gap, no duplicate
 * ```
 *
 * Records of a batch without a cursor wait in memory for the next checkpoint (they commit with
 * it); a run that ends or crashes before it leaves them out, and the next run reads them again
 * from the stored cursor. Consumers must read `read_committed` (the kafkajs and Java default).
 */
export function createTransactionalKafkaSink(options: TransactionalKafkaSinkOptions): TransactionalKafkaSink {
  const name = options.name ?? 'kafka-exactly-once';
  const port = resolveKafkaPort(options.kafka, options.logger);
  const plan = messagePlan(options);
  const sinkId = options.sinkId ?? 'recon';
  const log = childLogger(options.logger ?? silentLogger, { sink: name });
  const streams = new Map<string, TransactionalStream>();
  /** Per stream, the tail of its operations: one at a time, in call order. */
  const queues = new Map<string, Promise<unknown>>();
  let closed = false;

  const streamOf = (stream: string) => {
    let s = streams.get(stream);
    if (!s) {
      s = createTransactionalStream({
        port,
        plan,
        sinkId,
        stream,
        transactionalId: options.transactionalId?.(stream) ?? `${sinkId}-${stream}`,
        cursorTopic: options.cursorTopic ?? DEFAULT_CURSOR_TOPIC,
        transactionTimeoutMs: options.transactionTimeoutMs ?? 60_000,
        restoreTimeoutMs: options.restoreTimeoutMs ?? 120_000,
        maxAttempts: options.maxAttempts ?? 6,
        maxPendingRecords: options.maxPendingRecords ?? 100_000,
        ...(options.maxRequestBytes !== undefined && { maxRequestBytes: options.maxRequestBytes }),
        log: childLogger(log, { stream }),
      });
      streams.set(stream, s);
    }
    return s;
  };

  const serial = <T>(stream: string, task: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new ReconError(`[recon:kafka] Sink "${name}" is closed`, { code: 'SINK_CLOSED', kind: 'internal' }));
    const run = (queues.get(stream) ?? Promise.resolve()).catch(() => undefined).then(task);
    queues.set(stream, run);
    return run;
  };

  return {
    name,
    write: (batch) => serial(batch.stream, () => streamOf(batch.stream).write(batch)),
    loadCursor: (stream) => serial(stream, () => streamOf(stream).loadCursor()),
    async close() {
      closed = true;
      await Promise.allSettled(queues.values());
      await Promise.all([...streams.values()].map((s) => s.close()));
      streams.clear();
    },
  };
}
