import type { KafkaPort } from '../port/types';
import { createRdKafkaAdminPort } from './rdkafka-admin';
import { rdkafkaContext, type RdKafkaPortOptions } from './rdkafka-client';
import { createRdKafkaConsumer } from './rdkafka-consumer';
import { createRdKafkaProducer, createRdKafkaTransactionalProducer } from './rdkafka-producer';
import { rdkafkaReadToEnd } from './rdkafka-read-to-end';

/**
 * A {@link KafkaPort} over librdkafka, through Confluent's `@confluentinc/kafka-javascript`
 * (an optional peer dependency, loaded on first use: creating the port never fails without it,
 * connecting does, with a `KAFKA_CLIENT_MISSING` error). Native batching and encoding make it
 * about twice as fast as kafkajs (`docs/benchmarks.md`); kafkajs stays the default because it
 * needs no native build.
 *
 * Same guarantees as the kafkajs port: idempotent producer with `acks=all`; transactional
 * producer whose first `begin()` fences older instances; `read_committed` consumers that never
 * commit on their own; the Java/kafkajs partitioner (`murmur2_random`), so keys land on the same
 * partitions whichever adapter wrote them; the `range` assignor for co-partitioned consumption.
 *
 * ```ts
 * const kafka = createRdKafkaPort({ brokers: ['127.0.0.1:9092'], config: { 'security.protocol': 'ssl' } });
 * const sink = createTransactionalKafkaSink({ kafka });
 * ```
 */
export function createRdKafkaPort(options: RdKafkaPortOptions): KafkaPort {
  const context = rdkafkaContext(options);
  return {
    name: 'librdkafka',
    splitsRequests: true,
    producer: (opts) => createRdKafkaProducer(context, opts?.compression ?? 'none'),
    transactionalProducer: (opts) => createRdKafkaTransactionalProducer(context, opts),
    consumer: (opts) => createRdKafkaConsumer(context, opts, options.logger),
    admin: () => createRdKafkaAdminPort(context),
    readToEnd: async (topic, onMessage, opts) => rdkafkaReadToEnd(await context(), topic, onMessage, opts),
  };
}
