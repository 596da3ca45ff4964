import type { Logger } from '@recon/core';
import type { KafkaInput } from '../kafka-input';
import { defaultPartitionKey, type PartitionKeyFn } from '../message/partition-key';
import { DEFAULT_DEAD_LETTER_TOPIC, topicForSource, type TopicForSource } from '../topics/topic-names';
import type { MessagePlan } from './batch-messages';

/** Options shared by {@link createKafkaSink} and {@link createTransactionalKafkaSink}. */
export interface KafkaSinkOptions {
  /** A kafkajs config (`{ brokers: ['127.0.0.1:9092'] }`), a kafkajs `Kafka`, or your own {@link KafkaPort}. */
  kafka: KafkaInput;
  /** The sink's name in sync reports and logs. */
  name?: string;
  /** Topic per source, merged over the guide's defaults (`{ 'sftp:kotak': 'kotak_txns' }`). */
  topics?: Record<string, string>;
  /** Full control of the topic of a source; overrides `topics`. */
  topicFor?: TopicForSource;
  /** Message key (default {@link defaultPartitionKey}: the reference the next match needs). */
  key?: PartitionKeyFn;
  /** Where invalid records go, raw payload + reason in headers (default `recon_dead_letters`). */
  deadLetterTopic?: string;
  /**
   * Upper bound of one produce request, uncompressed (default 900 000 bytes; none with a client
   * that cuts requests itself, such as the librdkafka adapter).
   */
  maxRequestBytes?: number;
  /** Attempts per batch before the write fails (default 6; backoff 250 ms doubling to 8 s). */
  maxAttempts?: number;
  logger?: Logger;
}

/** The message plan of sink options. */
export function messagePlan(options: KafkaSinkOptions): MessagePlan {
  return {
    topicFor: options.topicFor ?? topicForSource(options.topics),
    key: options.key ?? defaultPartitionKey,
    deadLetterTopic: options.deadLetterTopic ?? DEFAULT_DEAD_LETTER_TOPIC,
  };
}
