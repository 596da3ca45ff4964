import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { PartitionAssigners } from 'kafkajs';
import type { ConsumerOptions, ConsumerPort, IncomingMessage } from '../port/types';
import { coPartitionAssigner } from './co-partition-assigner';

/** A kafkajs message as the port's {@link IncomingMessage}. */
export function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) headers[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return { topic, partition, offset: message.offset, key: message.key ?? null, value: message.value ?? null, headers, timestamp: message.timestamp };
}

/**
 * A kafkajs consumer that never commits on its own (`autoCommit: false`, no auto-resolve): the
 * handler commits after its work, so a crash or a rebalance never skips an unprocessed message.
 */
export function createKafkaJsConsumer(kafka: Kafka, options: ConsumerOptions): ConsumerPort {
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    readUncommitted: options.readCommitted === false,
    partitionAssigners: options.coPartitioned === false ? [PartitionAssigners.roundRobin] : [coPartitionAssigner],
    ...(options.sessionTimeoutMs !== undefined && { sessionTimeout: options.sessionTimeoutMs }),
  });
  const crashListeners: Array<(error: Error) => void> = [];
  consumer.on(consumer.events.CRASH, (event) => {
    // kafkajs restarts by itself after retriable crashes; only a final one is reported.
    if (event.payload.restart) return;
    for (const listener of crashListeners) listener(event.payload.error);
  });

  return {
    connect: () => consumer.connect(),
    subscribe: (topics) => consumer.subscribe({ topics, fromBeginning: options.fromBeginning ?? true }),
    run: (handler) =>
      consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }) => {
          const messages = batch.messages.map((m) => toIncoming(batch.topic, batch.partition, m));
          await handler(
            { topic: batch.topic, partition: batch.partition, messages },
            {
              isRunning,
              isStale,
              heartbeat,
              commit: async (offset) => {
                resolveOffset(offset);
                await commitOffsetsIfNecessary(uncommittedOffsets());
              },
            },
          );
        },
      }),
    onCrash: (listener) => void crashListeners.push(listener),
    stop: () => consumer.stop(),
    disconnect: () => consumer.disconnect(),
  };
}
