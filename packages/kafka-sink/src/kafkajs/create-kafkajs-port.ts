import { CompressionTypes, Kafka, logLevel, Partitioners, type KafkaConfig, type Message, type Producer, type TopicMessages as KafkaJsTopicMessages } from 'kafkajs';
import type { Logger } from '@recon/core';
import type { AdminPort, KafkaPort, ProducerPort, TopicMessages, TransactionalProducerPort } from '../port/types';
import { createKafkaJsConsumer } from './kafkajs-consumer';
import { kafkaJsLogCreator } from './kafkajs-logger';
import { kafkaJsReadToEnd } from './kafkajs-read-to-end';

/** Options of {@link createKafkaJsPort} when it builds the kafkajs client itself. */
export interface KafkaJsPortOptions {
  /** kafkajs config (brokers, ssl, sasl, clientId...), or a ready `Kafka` instance. */
  kafka: KafkaConfig | Kafka;
  /** Where kafkajs's warnings and errors go (only when the port builds the client). */
  logger?: Logger;
}

function toKafkaJs(batch: TopicMessages[]): KafkaJsTopicMessages[] {
  return batch.map(({ topic, messages }) => ({
    topic,
    messages: messages.map((m): Message => ({ key: m.key, value: m.value, ...(m.headers && { headers: m.headers }) })),
  }));
}

/**
 * The default {@link KafkaPort}, over kafkajs 2.2 (pure JavaScript; verified by this package's
 * integration tests against Apache Kafka 4.x). Producers use kafkajs's Java-compatible default
 * partitioner, so keys land on the same partitions as with Java clients and librdkafka's
 * `murmur2_random`. Pass your own `Kafka` instance to control TLS, SASL and retries.
 */
export function createKafkaJsPort(options: KafkaJsPortOptions): KafkaPort {
  const kafka =
    options.kafka instanceof Kafka
      ? options.kafka
      : new Kafka({
          logLevel: logLevel.WARN,
          ...(options.logger ? { logCreator: kafkaJsLogCreator(options.logger) } : { logCreator: () => () => undefined }),
          ...options.kafka,
        });

  const producer = (compression: 'none' | 'gzip' = 'none'): ProducerPort => {
    // #1005: more concurrent sends than partitions can lose messages with the idempotent
    // producer; callers of this port send one request at a time.
    const p: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    return {
      connect: () => p.connect(),
      send: async (batch) => {
        await p.sendBatch({ topicMessages: toKafkaJs(batch), acks: -1, compression: compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None });
      },
      disconnect: () => p.disconnect(),
    };
  };

  const transactionalProducer = ({ transactionalId, transactionTimeoutMs }: { transactionalId: string; transactionTimeoutMs: number }): TransactionalProducerPort => {
    const p = kafka.producer({ transactionalId, transactionTimeout: transactionTimeoutMs, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    return {
      connect: () => p.connect(),
      begin: async () => {
        const txn = await p.transaction();
        return {
          send: async (batch) => {
            await txn.sendBatch({ topicMessages: toKafkaJs(batch), acks: -1 });
          },
          commit: () => txn.commit(),
          abort: () => txn.abort(),
        };
      },
      disconnect: () => p.disconnect(),
    };
  };

  const admin = (): AdminPort => {
    const a = kafka.admin();
    return {
      connect: () => a.connect(),
      createTopics: async (topics) => {
        const existing = new Set(await a.listTopics());
        const missing = topics.filter((t) => !existing.has(t.topic));
        if (missing.length === 0) return [];
        await a.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({
            topic: t.topic,
            numPartitions: t.partitions,
            replicationFactor: t.replicationFactor,
            configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
          })),
        });
        return missing.map((t) => t.topic);
      },
      brokerCount: async () => (await a.describeCluster()).brokers.length,
      partitionCounts: async (topics) => {
        const existing = new Set(await a.listTopics());
        const wanted = topics.filter((t) => existing.has(t));
        const counts = new Map<string, number>();
        if (wanted.length === 0) return counts;
        const { topics: metadata } = await a.fetchTopicMetadata({ topics: wanted });
        for (const t of metadata) counts.set(t.name, t.partitions.length);
        return counts;
      },
      topicOffsets: async (topic) => (await a.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, low: p.low, high: p.high })),
      deleteGroups: async (groupIds) => {
        await a.deleteGroups(groupIds);
      },
      disconnect: () => a.disconnect(),
    };
  };

  return {
    name: 'kafkajs',
    producer: (opts) => producer(opts?.compression),
    transactionalProducer,
    consumer: (opts) => createKafkaJsConsumer(kafka, opts),
    admin,
    readToEnd: (topic, onMessage, opts) => kafkaJsReadToEnd(kafka, topic, onMessage, opts),
  };
}
