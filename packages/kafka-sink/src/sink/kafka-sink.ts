import { childLogger, ReconError, silentLogger, type Sink } from '@recon/core';
import { KAFKA_ERROR_CODES, toKafkaError } from '../errors';
import { resolveKafkaPort } from '../kafka-input';
import { requestsOf } from '../message/chunk';
import type { ProducerPort } from '../port/types';
import { backoff } from './backoff';
import { batchMessages } from './batch-messages';
import { messagePlan, type KafkaSinkOptions } from './sink-options';

/** Options of {@link createKafkaSink}. */
export interface PlainKafkaSinkOptions extends KafkaSinkOptions {
  compression?: 'none' | 'gzip';
}

/** A Kafka {@link Sink} with `close()`. */
export interface KafkaSink extends Sink {
  close(): Promise<void>;
}

/**
 * The plain Kafka sink: an idempotent producer (acks=all, no duplicates from its own retries),
 * records keyed and batched into requests under the broker's size limit, invalid records to the
 * dead-letter topic. `write` resolves when every message of the batch is acknowledged.
 *
 * It keeps no cursor, so `runSync` saves cursors in its `cursorStore` after each write:
 * **at-least-once** (a crash between the write and the cursor save repeats that batch; consumers
 * de-duplicate on the `recon-txn-id` header). Use {@link createTransactionalKafkaSink} for exactly-once.
 */
export function createKafkaSink(options: PlainKafkaSinkOptions): KafkaSink {
  const name = options.name ?? 'kafka';
  const port = resolveKafkaPort(options.kafka, options.logger);
  const plan = messagePlan(options);
  const log = childLogger(options.logger ?? silentLogger, { sink: name });
  const maxAttempts = options.maxAttempts ?? 6;
  let producer: Promise<ProducerPort> | undefined;
  let closed = false;

  const connected = () =>
    (producer ??= (async () => {
      const p = port.producer({ compression: options.compression ?? 'none' });
      await p.connect();
      return p;
    })());

  // After a failure the producer is replaced: a fresh producer id has no sequence state to trip on.
  const drop = async () => {
    const p = producer;
    producer = undefined;
    if (p) await (await p.catch(() => undefined))?.disconnect().catch(() => undefined);
  };

  return {
    name,
    async write(batch) {
      if (closed) throw new ReconError(`[recon:kafka] Sink "${name}" is closed`, { code: 'SINK_CLOSED', kind: 'internal' });
      const requests = requestsOf(batchMessages(batch.stream, batch.records, batch.invalid, plan), options.maxRequestBytes, port.splitsRequests === true);
      let next = 0;
      for (let attempt = 1; ; attempt++) {
        try {
          const p = await connected();
          // One request at a time (kafkajs #1005); a retry resumes at the first unacknowledged request.
          for (; next < requests.length; next++) await p.send(requests[next] ?? []);
          return;
        } catch (error) {
          const failure = toKafkaError(error, `writing a batch of stream "${batch.stream}"`);
          await drop();
          if (attempt >= maxAttempts || !failure.retryable) {
            throw new ReconError(`[recon:kafka] gave up writing a batch of stream "${batch.stream}" after ${attempt} attempt(s): ${failure.message}`, {
              code: KAFKA_ERROR_CODES.writeFailed,
              kind: failure.kind,
              retryable: failure.retryable,
              cause: failure,
            });
          }
          log.warn({ attempt, error: failure.message, request: next, requests: requests.length }, 'kafka write failed; retrying with a new producer');
          await backoff(attempt);
        }
      }
    },
    async close() {
      closed = true;
      await drop();
    },
  };
}
