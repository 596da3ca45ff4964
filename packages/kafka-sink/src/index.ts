/**
 * @recon/kafka-sink: standard transactions into Kafka (idempotent, or exactly-once with the
 * connector's cursor in the same transaction) and a consumer helper that validates, dead-letters
 * and feeds the reconciler. kafkajs is the default client behind a small port; a librdkafka adapter
 * (`createRdKafkaPort`, over the optional `@confluentinc/kafka-javascript`) is the fast one, and
 * `createRdKafkaBatchPort` (the same with this package's native batch producer) the fastest.
 * @packageDocumentation
 */
export { VERSION } from './version';
export type {
  AdminPort,
  ConsumedBatch,
  ConsumedBatchContext,
  ConsumerOptions,
  ConsumerPort,
  IncomingMessage,
  KafkaPort,
  OutgoingMessage,
  PartitionOffsets,
  ProducerPort,
  ReadToEndOptions,
  TopicMessages,
  TopicSpec,
  TransactionalProducerPort,
  TransactionPort,
} from './port/types';
export { createKafkaJsPort, type KafkaJsPortOptions } from './kafkajs/create-kafkajs-port';
export { coPartitionAssigner } from './kafkajs/co-partition-assigner';
export { createRdKafkaPort } from './librdkafka/create-rdkafka-port';
export { createRdKafkaBatchPort } from './rdkafka-batch/create-rdkafka-batch-port';
export type { RdKafkaConfig, RdKafkaPortOptions } from './librdkafka/rdkafka-client';
export { resolveKafkaPort, type KafkaInput, type RdKafkaInput } from './kafka-input';
export { KAFKA_ERROR_CODES, isFencedError, toKafkaError } from './errors';
export { HEADERS, JSON_CONTENT_TYPE } from './message/headers';
export { DEFAULT_KEY_ORDER, defaultPartitionKey, keyByAccount, keyByReference, keyByTxnId, type PartitionKeyFn, type ReferenceField } from './message/partition-key';
export { encodeTransaction, encodeInvalidRecord } from './message/encode';
export { DEFAULT_CURSOR_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, DEFAULT_SOURCE_TOPICS, topicForSource, type TopicForSource } from './topics/topic-names';
export { createReconTopics, type CreateReconTopicsOptions, type CreateReconTopicsResult } from './topics/create-topics';
export type { KafkaSinkOptions } from './sink/sink-options';
export { createKafkaSink, type KafkaSink, type PlainKafkaSinkOptions } from './sink/kafka-sink';
export { createTransactionalKafkaSink, type TransactionalKafkaSink, type TransactionalKafkaSinkOptions } from './sink/transactional-sink';
export { cursorKey, type StoredCursor } from './sink/cursor-record';
export {
  createTransactionConsumer,
  type ConsumedTransaction,
  type MessageMeta,
  type TransactionConsumer,
  type TransactionConsumerOptions,
  type TransactionConsumerStats,
} from './consumer/transaction-consumer';
export { decodeMessage, deadLetterOf, type DecodedMessage } from './consumer/decode-message';
