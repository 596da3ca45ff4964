import type { Logger } from '@recon/core';
import type { Kafka, KafkaConfig } from 'kafkajs';
import { createKafkaJsPort } from './kafkajs/create-kafkajs-port';
import type { KafkaPort } from './port/types';

/** What the sink and the consumer accept as "the Kafka client": a port, a kafkajs `Kafka`, or a kafkajs config. */
export type KafkaInput = KafkaPort | Kafka | KafkaConfig;

function isPort(input: KafkaInput): input is KafkaPort {
  return typeof (input as Partial<KafkaPort>).transactionalProducer === 'function' && typeof (input as Partial<KafkaPort>).readToEnd === 'function';
}

/** The {@link KafkaPort} for an input: itself, or the kafkajs adapter around it. */
export function resolveKafkaPort(input: KafkaInput, logger?: Logger): KafkaPort {
  return isPort(input) ? input : createKafkaJsPort({ kafka: input, ...(logger && { logger }) });
}
