import type { KafkaPort } from '../port/types';
import { createRdKafkaPort } from '../librdkafka/create-rdkafka-port';
import type { RdKafkaConfig, RdKafkaPortOptions } from '../librdkafka/rdkafka-client';
import { createBatchProducer, createBatchTransactionalProducer, type BatchProducerContext } from './batch-producer';

/**
 * The librdkafka adapter ({@link createRdKafkaPort}) with its two producers replaced by this
 * package's own native addon (`native/batch-producer.c`): one call into librdkafka per write
 * instead of one per message (keys, values and headers packed into one Buffer, a header value that
 * repeats stored once), and one delivery notice per write instead of a report per message. About
 * a third of the CPU time per message of `createRdKafkaPort`'s producers (`docs/benchmarks.md`).
 * Consumers, admin and `readToEnd` are `createRdKafkaPort`'s.
 *
 * Same settings and guarantees as `createRdKafkaPort` (idempotent, `acks=all`, `murmur2_random`,
 * `linger.ms` 2; the transactional producer fences older instances on its first `begin()`), same
 * errors (`LibrdKafkaError` with librdkafka's error name as `type`, which `toKafkaError` and `isFencedError` read).
 *
 * The addon is not prebuilt: `node node_modules/@recon/kafka-sink/scripts/build-librdkafka.mjs`
 * compiles it (node-gyp, a C compiler) against the librdkafka shared library of an
 * `@confluentinc/kafka-javascript` built from source with `CKJS_LINKING=dynamic` (the script builds
 * that too when needed). Without it, connecting a producer fails with `KAFKA_CLIENT_MISSING`.
 *
 * ```ts
 * const kafka = createRdKafkaBatchPort({ brokers: ['127.0.0.1:9092'] });
 * const sink = createTransactionalKafkaSink({ kafka });
 * ```
 */
export function createRdKafkaBatchPort(options: RdKafkaPortOptions): KafkaPort {
  const base: RdKafkaConfig = { 'bootstrap.servers': options.brokers.join(','), 'client.id': options.clientId ?? 'recon' };
  const context: BatchProducerContext = {
    config: (defaults, required) => ({ ...base, ...defaults, ...options.config, ...required }),
    ...(options.logger && { logger: options.logger }),
  };
  return {
    ...createRdKafkaPort(options),
    name: 'librdkafka-batch',
    producer: (opts) => createBatchProducer(context, opts?.compression ?? 'none'),
    transactionalProducer: (opts) => createBatchTransactionalProducer(context, opts),
  };
}
