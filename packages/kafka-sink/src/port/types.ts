/**
 * The small Kafka interface the sink and the consumer helper are written against. kafkajs is the
 * default adapter (`createKafkaJsPort`); an app can implement this port over another client (for
 * example `@confluentinc/kafka-javascript`) or wrap the default one (metrics, fault injection).
 */

/** One message to produce. `value: null` is a tombstone (deletes the key in a compacted topic). */
export interface OutgoingMessage {
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

/** Messages for one topic. */
export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

/** A consumed message, as the adapter hands it over. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Offset as a decimal string (Kafka offsets are int64). */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Header values decoded as UTF-8; a header sent twice keeps its last value. */
  headers: Record<string, string>;
  /** Broker or producer timestamp, epoch milliseconds as a string. */
  timestamp: string;
}

/** An idempotent producer (`enable.idempotence`, acks=all): no duplicates from its own retries. */
export interface ProducerPort {
  connect(): Promise<void>;
  /** Resolves when every message is acknowledged by all in-sync replicas. */
  send(batch: TopicMessages[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** One open transaction. Exactly one of `commit` / `abort` ends it. */
export interface TransactionPort {
  send(batch: TopicMessages[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * A transactional producer. Its first `begin()` registers the `transactionalId` with the
 * coordinator (InitProducerId), which fences every older producer with the same id and aborts the
 * transaction such a zombie left open.
 */
export interface TransactionalProducerPort {
  connect(): Promise<void>;
  begin(): Promise<TransactionPort>;
  disconnect(): Promise<void>;
}

/** A batch of one partition handed to a consumer's handler. */
export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

/** What a consumer handler may do while it works on a batch. */
export interface ConsumedBatchContext {
  /** False once `stop()` was called: finish (commit what is done) and return. */
  isRunning(): boolean;
  /** True when the partition was taken away or re-positioned: drop the rest without committing. */
  isStale(): boolean;
  /** Keeps the group membership alive; rejects when the group is rebalancing. */
  heartbeat(): Promise<void>;
  /** Marks every message of this batch up to and including `offset` as done and commits that position. */
  commit(offset: string): Promise<void>;
}

/** Options of a consumer-group member. */
export interface ConsumerOptions {
  groupId: string;
  /** Start from the oldest message when the group has no committed position (default true). */
  fromBeginning?: boolean;
  /** Hide aborted transactions (default true: `read_committed`). */
  readCommitted?: boolean;
  /**
   * Assign partition *n* of every subscribed topic to the same member (needs equal partition
   * counts), so records with the same key in different topics meet in one process. Default true.
   */
  coPartitioned?: boolean;
  sessionTimeoutMs?: number;
}

/** A consumer-group member that never commits on its own: the handler commits after its work. */
export interface ConsumerPort {
  connect(): Promise<void>;
  subscribe(topics: string[]): Promise<void>;
  /** Starts fetching; resolves once running. Batches of one partition are handled one at a time. */
  run(handler: (batch: ConsumedBatch, context: ConsumedBatchContext) => Promise<void>): Promise<void>;
  /** Called when the consumer gives up (after its own retries) and stops. */
  onCrash(listener: (error: Error) => void): void;
  /** Waits for the batch in hand, leaves the group. */
  stop(): Promise<void>;
  disconnect(): Promise<void>;
}

/** A topic to create. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  /** Topic configs, e.g. `{ 'cleanup.policy': 'compact' }`. */
  config?: Record<string, string>;
}

/** Offsets of one partition: `low` is the first, `high` the next to be written. */
export interface PartitionOffsets {
  partition: number;
  low: string;
  high: string;
}

/** The admin calls the helpers need. */
export interface AdminPort {
  connect(): Promise<void>;
  /** Creates the topics that do not exist; returns the names it created. */
  createTopics(topics: TopicSpec[]): Promise<string[]>;
  /** Number of brokers in the cluster. */
  brokerCount(): Promise<number>;
  /** Partition counts of existing topics (missing topics are absent from the map). */
  partitionCounts(topics: string[]): Promise<Map<string, number>>;
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  deleteGroups(groupIds: string[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** Options of {@link KafkaPort.readToEnd}. */
export interface ReadToEndOptions {
  /** Give up (reject) after this long; an open foreign transaction blocks a read_committed reader. */
  timeoutMs: number;
}

/** The Kafka client the SDK uses: one adapter per client library. */
export interface KafkaPort {
  /** Name of the adapter, for logs (`kafkajs`, `librdkafka`). */
  readonly name: string;
  /**
   * True when the client cuts one `send` into produce requests under the broker's size limit by
   * itself (librdkafka). The sinks then hand over each write whole instead of cutting it at
   * `maxRequestBytes`: kafkajs needs the cut (it puts a partition's messages of one send in one
   * record batch, which the broker refuses above 1 MB), librdkafka only loses round trips to it.
   */
  readonly splitsRequests?: boolean;
  producer(options?: { compression?: 'none' | 'gzip' }): ProducerPort;
  transactionalProducer(options: { transactionalId: string; transactionTimeoutMs: number }): TransactionalProducerPort;
  consumer(options: ConsumerOptions): ConsumerPort;
  admin(): AdminPort;
  /**
   * Reads every committed message of `topic` (all partitions) from the beginning up to the end
   * it had when called, `read_committed`, calling `onMessage` in offset order per partition.
   * The way Kafka Connect restores source offsets (`KafkaBasedLog.readToEnd`).
   */
  readToEnd(topic: string, onMessage: (message: IncomingMessage) => void, options: ReadToEndOptions): Promise<void>;
}
