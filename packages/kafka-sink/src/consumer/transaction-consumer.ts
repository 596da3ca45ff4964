import { childLogger, ConfigError, silentLogger, type Logger, type StandardTransaction } from '@recon/core';
import { toKafkaError } from '../errors';
import { resolveKafkaPort, type KafkaInput } from '../kafka-input';
import type { ConsumedBatch, ConsumedBatchContext, ConsumerPort, IncomingMessage, OutgoingMessage, ProducerPort } from '../port/types';
import { DEFAULT_DEAD_LETTER_TOPIC, DEFAULT_SOURCE_TOPICS } from '../topics/topic-names';
import { deadLetterOf, decodeMessage } from './decode-message';

/** Where a consumed transaction came from. */
export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
}

/** A valid transaction with its position. */
export interface ConsumedTransaction extends MessageMeta {
  txn: StandardTransaction;
}

/** Options of {@link createTransactionConsumer}. Give exactly one of `onTransaction` / `onBatch`. */
export interface TransactionConsumerOptions {
  kafka: KafkaInput;
  /** Consumer group: the instances of one reconciler share it and split the partitions. */
  groupId: string;
  /** Topics to read (default: the six source topics of the guide). */
  topics?: string[];
  /** Where invalid messages go (default `recon_dead_letters`). */
  deadLetterTopic?: string;
  /** Called for each valid transaction, in partition order; the offset is committed after it resolves. */
  onTransaction?: (txn: StandardTransaction, meta: MessageMeta) => void | Promise<void>;
  /** Called once per fetched batch of one partition with its valid transactions (the streaming reconciler's shape). */
  onBatch?: (transactions: ConsumedTransaction[], partition: { topic: string; partition: number }) => void | Promise<void>;
  /** Called when the consumer stops for good on an error (after kafkajs's own restarts). */
  onError?: (error: Error) => void;
  /** Start at the oldest message when the group has no position yet (default true). */
  fromBeginning?: boolean;
  /** Same partition number of every topic to one member (default true; see docs/kafka.md). */
  coPartitioned?: boolean;
  sessionTimeoutMs?: number;
  logger?: Logger;
}

/** Counters of a running consumer. */
export interface TransactionConsumerStats {
  /** Valid transactions handed to the handler and committed. */
  transactions: number;
  /** Invalid messages written to the dead-letter topic. */
  deadLetters: number;
  /** Offset commits. */
  commits: number;
}

/** A running consumer helper. */
export interface TransactionConsumer {
  start(): Promise<void>;
  /**
   * Finishes the batch in hand (commits it), leaves the group, disconnects. Safe to call again
   * while it runs, from the handler (without awaiting it there: the batch it waits for is the
   * handler's own) or from outside: every call resolves when the one shutdown is done.
   */
  stop(): Promise<void>;
  readonly stats: Readonly<TransactionConsumerStats>;
}

const metaOf = (m: IncomingMessage): MessageMeta => ({ topic: m.topic, partition: m.partition, offset: m.offset, key: m.key ? m.key.toString('utf8') : null, headers: m.headers });

/**
 * Reads standard transactions from Kafka for a reconciler. Each message is parsed and validated
 * with the standard schema; a valid one goes to the handler, an invalid one (not JSON, wrong
 * shape, wrong amount scale) goes to the dead-letter topic with its original bytes, key and
 * headers plus the reason, and consumption goes on.
 *
 * Offsets are committed only after the work is done: the handler resolved and the dead letters
 * are acknowledged. Shutdown and rebalances stop between two messages and commit exactly what was
 * done, so the next owner of the partition starts at the first message not handled: nothing lost,
 * nothing repeated. (One case repeats: a process killed between a handler's return and the commit;
 * de-duplicate on `txn_id` if the handler's effect is not idempotent.)
 */
export function createTransactionConsumer(options: TransactionConsumerOptions): TransactionConsumer {
  if (!options.onTransaction === !options.onBatch) throw new ConfigError('[recon:kafka] createTransactionConsumer needs exactly one of onTransaction or onBatch');
  const port = resolveKafkaPort(options.kafka, options.logger);
  const log = childLogger(options.logger ?? silentLogger, { consumer: options.groupId });
  const deadLetterTopic = options.deadLetterTopic ?? DEFAULT_DEAD_LETTER_TOPIC;
  const topics = options.topics ?? Object.values(DEFAULT_SOURCE_TOPICS);
  const stats: TransactionConsumerStats = { transactions: 0, deadLetters: 0, commits: 0 };
  let consumer: ConsumerPort | undefined;
  let producer: ProducerPort | undefined;
  let stopping: Promise<void> | undefined;

  const handle = async (batch: ConsumedBatch, context: ConsumedBatchContext) => {
    let deadLetters: OutgoingMessage[] = [];
    let done: string | undefined;
    let handled = 0;
    /** Dead letters first (acknowledged), then the offset: a crash in between repeats, never loses. */
    const settle = async () => {
      if (deadLetters.length > 0) {
        await producer?.send([{ topic: deadLetterTopic, messages: deadLetters }]);
        stats.deadLetters += deadLetters.length;
        log.warn({ topic: batch.topic, partition: batch.partition, count: deadLetters.length }, 'invalid messages sent to the dead-letter topic');
        deadLetters = [];
      }
      if (done !== undefined) {
        await context.commit(done);
        stats.commits += 1;
        stats.transactions += handled;
        handled = 0;
        done = undefined;
      }
    };

    if (options.onBatch) {
      if (context.isStale() || !context.isRunning()) return;
      const valid: ConsumedTransaction[] = [];
      for (const message of batch.messages) {
        const decoded = decodeMessage(message);
        if (decoded.ok) valid.push({ txn: decoded.txn, ...metaOf(message) });
        else deadLetters.push(deadLetterOf(message, decoded.error));
      }
      await options.onBatch(valid, { topic: batch.topic, partition: batch.partition });
      handled = valid.length;
      done = batch.messages.at(-1)?.offset;
      await settle();
      return;
    }

    const onTransaction = options.onTransaction;
    for (const message of batch.messages) {
      // Partition moved elsewhere (or re-positioned): leave the rest to its new position.
      if (context.isStale()) return;
      // stop() called: commit what is done, leave the rest for the next owner.
      if (!context.isRunning()) break;
      const decoded = decodeMessage(message);
      try {
        if (decoded.ok) {
          await onTransaction?.(decoded.txn, metaOf(message));
          handled += 1;
        } else {
          deadLetters.push(deadLetterOf(message, decoded.error));
        }
        done = message.offset;
        // Rejects when the group rebalances: then commit the work done and hand over.
        await context.heartbeat();
      } catch (error) {
        await settle().catch((e: unknown) => log.warn({ error: String(e) }, 'could not commit the work done before an error'));
        throw error;
      }
    }
    await settle();
  };

  return {
    stats,
    async start() {
      try {
        producer = port.producer();
        await producer.connect();
        consumer = port.consumer({
          groupId: options.groupId,
          ...(options.fromBeginning !== undefined && { fromBeginning: options.fromBeginning }),
          ...(options.coPartitioned !== undefined && { coPartitioned: options.coPartitioned }),
          ...(options.sessionTimeoutMs !== undefined && { sessionTimeoutMs: options.sessionTimeoutMs }),
        });
        consumer.onCrash((error) => {
          log.error({ error: error.message }, 'consumer stopped on an error');
          options.onError?.(toKafkaError(error, `consumer group "${options.groupId}"`));
        });
        await consumer.connect();
        await consumer.subscribe(topics);
        await consumer.run(handle);
      } catch (error) {
        throw toKafkaError(error, `starting consumer group "${options.groupId}"`);
      }
    },
    stop() {
      // One shutdown at a time: a handler may call stop() mid-batch while its owner calls it too.
      // Every caller waits for the same one, which finishes the batch, leaves the group and
      // disconnects each client once.
      stopping ??= (async () => {
        await consumer?.stop().catch(() => undefined);
        await consumer?.disconnect().catch(() => undefined);
        await producer?.disconnect().catch(() => undefined);
        consumer = undefined;
        producer = undefined;
      })().finally(() => {
        stopping = undefined;
      });
      return stopping;
    },
  };
}
