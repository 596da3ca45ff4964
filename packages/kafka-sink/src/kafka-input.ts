import type { Logger } from '@recon/core';
import type { Kafka, KafkaConfig } from 'kafkajs';
import { createKafkaJsPort } from './kafkajs/create-kafkajs-port';
import type { RdKafkaPortOptions } from './librdkafka/rdkafka-client';
import { createRdKafkaPort } from './librdkafka/create-rdkafka-port';
import type { KafkaPort } from './port/types';

/** Options of the librdkafka adapter, marked for {@link KafkaInput}: `{ client: 'librdkafka', brokers }`. */
export type RdKafkaInput = RdKafkaPortOptions & { client: 'librdkafka' };

/**
 * What the sink and the consumer accept as "the Kafka client": a port, a kafkajs `Kafka`, a
 * kafkajs config (the default client), or `{ client: 'librdkafka', brokers, config }` for the
 * librdkafka adapter (needs `@confluentinc/kafka-javascript` installed).
 */
export type KafkaInput = KafkaPort | Kafka | KafkaConfig | RdKafkaInput;

function isPort(input: KafkaInput): input is KafkaPort {
  return typeof (input as Partial<KafkaPort>).transactionalProducer === 'function' && typeof (input as Partial<KafkaPort>).readToEnd === 'function';
}

function isRdKafka(input: KafkaInput): input is RdKafkaInput {
  return (input as Partial<RdKafkaInput>).client === 'librdkafka';
}

/** The {@link KafkaPort} for an input: itself, the librdkafka adapter, or the kafkajs adapter around it. */
export function resolveKafkaPort(input: KafkaInput, logger?: Logger): KafkaPort {
  if (isPort(input)) return input;
  if (isRdKafka(input)) return createRdKafkaPort({ ...input, ...(logger && !input.logger && { logger }) });
  return createKafkaJsPort({ kafka: input as Kafka | KafkaConfig, ...(logger && { logger }) });
}
