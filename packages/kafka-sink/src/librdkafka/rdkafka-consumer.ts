import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@recon/core';
import type { ConsumedBatch, ConsumedBatchContext, ConsumerOptions, ConsumerPort } from '../port/types';
import type { RdKafka } from './load-rdkafka';
import type { RdKafkaContext } from './rdkafka-client';
import { fromRdKafkaMessage, type RdKafkaMessageLike } from './rdkafka-messages';

/** The binding's KafkaConsumer, with methods it has but does not declare in its types. */
type KafkaConsumer = InstanceType<RdKafka['KafkaConsumer']> & {
  commitCb(offsets: Array<{ topic: string; partition: number; offset: number }>, cb: (error: unknown) => void): void;
  assignmentLost(): boolean;
  setDefaultIsTimeoutOnlyForFirstMessage(on: boolean): void;
};
type Handler = (batch: ConsumedBatch, context: ConsumedBatchContext) => Promise<void>;

/** Messages per `consume` call, and how long an idle call waits for the first one. */
const MAX_MESSAGES = 500;
const CONSUME_TIMEOUT_MS = 200;
/** Backoff before a batch whose handler threw is read again (doubles up to the cap). */
const RETRY_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * A consumer-group member over librdkafka's KafkaConsumer that never commits on its own: offsets
 * are neither auto-committed nor auto-stored, the handler commits after its work.
 *
 * The loop consumes a few hundred messages, splits them per partition and hands each partition's
 * messages to the handler as one batch. librdkafka runs rebalances only inside `consume`, so a
 * partition is never revoked while its batch is being handled: the handler finishes, commits, and
 * the next `consume` hands the partition over. That is why `heartbeat()` (librdkafka heartbeats on
 * its own thread) only rejects when the membership was lost (a session timeout), and `isStale()`
 * is true then or after a rebalance. A handler that throws gets its partition re-read from the
 * first uncommitted message after a backoff, as kafkajs retries a failed batch.
 *
 * `coPartitioned` uses librdkafka's `range` assignor: partition *n* of every subscribed topic to
 * the same member (the Java RangeAssignor), what `coPartitionAssigner` does for kafkajs.
 */
export function createRdKafkaConsumer(loadContext: () => Promise<RdKafkaContext>, options: ConsumerOptions, logger?: Logger): ConsumerPort {
  let context: RdKafkaContext | undefined;
  let consumer: KafkaConsumer | undefined;
  let running = false;
  let loop: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  /** Bumped by every rebalance: a batch from an older generation is stale. */
  let generation = 0;
  const crashListeners: Array<(error: Error) => void> = [];
  const crash = (error: unknown) => {
    running = false;
    for (const listener of crashListeners) listener(error instanceof Error ? error : new Error(String(error)));
  };

  const handleBatch = async (c: KafkaConsumer, ctx: RdKafkaContext, handler: Handler, messages: RdKafkaMessageLike[], failures: Map<string, number>) => {
    const first = messages[0];
    if (!first) return;
    const { topic, partition } = first;
    const key = `${topic}\u0000${partition}`;
    const born = generation;
    /** Next offset to read if this batch fails: after the last committed message. */
    let resumeAt = first.offset;
    const context: ConsumedBatchContext = {
      isRunning: () => running,
      isStale: () => generation !== born || c.assignmentLost(),
      heartbeat: async () => {
        if (c.assignmentLost()) throw new Error(`[recon:kafka] lost partition ${topic}#${partition}: the group evicted this member (session timed out)`);
      },
      commit: async (offset) => {
        const next = Number(offset) + 1;
        await ctx.call(`committing ${topic}#${partition} at ${next}`, (done) => c.commitCb([{ topic, partition, offset: next }], done));
        resumeAt = next;
      },
    };
    try {
      await handler({ topic, partition, messages: messages.map(fromRdKafkaMessage) }, context);
      failures.delete(key);
    } catch (error) {
      const attempt = (failures.get(key) ?? 0) + 1;
      failures.set(key, attempt);
      const waitMs = Math.min(RETRY_MS * 2 ** (attempt - 1), RETRY_MAX_MS);
      logger?.warn({ topic, partition, offset: resumeAt, attempt, error: String(error) }, `consumer handler failed; reading ${topic}#${partition} again from offset ${resumeAt} in ${waitMs} ms`);
      // Rewind the fetch position (librdkafka also drops what it prefetched for the partition).
      if (running && !context.isStale()) await ctx.call(`seeking ${topic}#${partition}`, (done) => c.seek({ topic, partition, offset: resumeAt }, 0, done));
      await sleep(waitMs);
    }
  };

  const consumeLoop = async (c: KafkaConsumer, ctx: RdKafkaContext, handler: Handler) => {
    const failures = new Map<string, number>();
    while (running) {
      let messages: RdKafkaMessageLike[];
      try {
        messages = await ctx.call<RdKafkaMessageLike[]>('consuming', (done) => c.consume(MAX_MESSAGES, done));
      } catch (error) {
        if ((error as { fatal?: unknown }).fatal === true) return crash(error);
        logger?.warn({ error: String(error) }, 'consume failed; retrying');
        await sleep(RETRY_MS);
        continue;
      }
      // Per partition, in offset order; partitions in the order they first appear.
      const batches = new Map<string, RdKafkaMessageLike[]>();
      for (const message of messages) {
        const key = `${message.topic}\u0000${message.partition}`;
        const list = batches.get(key);
        if (list) list.push(message);
        else batches.set(key, [message]);
      }
      for (const batch of batches.values()) {
        // Stopping: what is left stays uncommitted for the next owner.
        if (!running) break;
        await handleBatch(c, ctx, handler, batch, failures);
      }
    }
  };

  return {
    async connect() {
      context = await loadContext();
      const ctx = context;
      const c = new ctx.rd.KafkaConsumer(
        ctx.config(
          {},
          {
            'group.id': options.groupId,
            'enable.auto.commit': false,
            'enable.auto.offset.store': false,
            'auto.offset.reset': options.fromBeginning === false ? 'latest' : 'earliest',
            'isolation.level': options.readCommitted === false ? 'read_uncommitted' : 'read_committed',
            'partition.assignment.strategy': options.coPartitioned === false ? 'roundrobin' : 'range',
            ...(options.sessionTimeoutMs !== undefined && { 'session.timeout.ms': options.sessionTimeoutMs }),
            // The binding assigns and revokes by itself; the event only marks batches stale.
            rebalance_cb: true,
          },
        ),
        // No topic config: with one (even `{}`) the binding drops the topic properties of the global
        // config (`auto.offset.reset`, `partitioner`, `acks`), which is where they all live here.
        undefined,
      ) as KafkaConsumer;
      c.on('rebalance', () => void (generation += 1));
      ctx.watch(c, `consumer ${options.groupId}`);
      c.on('event.error', (error) => {
        if (error.isFatal) crash(ctx.wrap(error, `consumer group "${options.groupId}"`));
      });
      await ctx.call<unknown>(`connecting consumer group "${options.groupId}"`, (done) => c.connect({}, done));
      c.setDefaultConsumeTimeout(CONSUME_TIMEOUT_MS);
      // Return as soon as the first message is there instead of waiting the whole timeout for a full batch.
      c.setDefaultIsTimeoutOnlyForFirstMessage(true);
      consumer = c;
    },
    async subscribe(topics) {
      if (!context || !consumer) throw new Error('[recon:kafka] consumer used before connect()');
      const c = consumer;
      const ctx = context;
      try {
        c.subscribe(topics);
      } catch (error) {
        throw ctx.wrap(error, 'subscribing');
      }
    },
    async run(handler) {
      if (!context || !consumer) throw new Error('[recon:kafka] consumer used before connect()');
      if (running) throw new Error('[recon:kafka] consumer is already running');
      running = true;
      loop = consumeLoop(consumer, context, handler).catch(crash);
    },
    onCrash: (listener) => void crashListeners.push(listener),
    async stop() {
      running = false;
      await loop;
    },
    async disconnect() {
      // A second caller waits for the close already running (see disconnectProducer: the binding
      // would drop a second request's callback), instead of returning before the group is left.
      closing ??= (async () => {
        running = false;
        await loop;
        const c = consumer;
        consumer = undefined;
        // Closing leaves the group: the partitions go to the other members at once.
        if (context && c?.isConnected()) await context.call<unknown>('disconnecting the consumer', (done) => c.disconnect(done));
      })().finally(() => {
        closing = undefined;
      });
      return closing;
    },
  };
}
