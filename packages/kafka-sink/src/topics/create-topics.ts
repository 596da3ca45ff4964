import type { Logger } from '@recon/core';
import { toKafkaError } from '../errors';
import { resolveKafkaPort, type KafkaInput } from '../kafka-input';
import type { TopicSpec } from '../port/types';
import { DEFAULT_CURSOR_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, DEFAULT_SOURCE_TOPICS } from './topic-names';

/** Options of {@link createReconTopics}. */
export interface CreateReconTopicsOptions {
  kafka: KafkaInput;
  /** Data topics (default: the six of {@link DEFAULT_SOURCE_TOPICS}). */
  topics?: string[];
  /**
   * Partitions of every data topic (default 6). Keep it **equal across topics** a reconciler
   * joins: co-partitioning needs the same count (and the same key) on both sides.
   */
  partitions?: number;
  /** Default: `min(3, brokers in the cluster)`. */
  replicationFactor?: number;
  /** Dead-letter topic to create too (default {@link DEFAULT_DEAD_LETTER_TOPIC}); `false` for none. */
  deadLetterTopic?: string | false;
  /** Compacted cursor topic of exactly-once sinks (default {@link DEFAULT_CURSOR_TOPIC}); `false` for none. */
  cursorTopic?: string | false;
  logger?: Logger;
}

/** What {@link createReconTopics} did. */
export interface CreateReconTopicsResult {
  created: string[];
  existing: string[];
  /** Data topics whose existing partition count differs from `partitions` (not changed). */
  mismatched: Array<{ topic: string; partitions: number }>;
}

/**
 * Creates the data topics (one per source), the dead-letter topic and the compacted cursor topic
 * when missing. Existing topics are left alone; a data topic whose partition count differs from
 * the others is reported (co-partitioning breaks silently otherwise).
 */
export async function createReconTopics(options: CreateReconTopicsOptions): Promise<CreateReconTopicsResult> {
  const port = resolveKafkaPort(options.kafka, options.logger);
  const admin = port.admin();
  const partitions = options.partitions ?? 6;
  const dataTopics = options.topics ?? Object.values(DEFAULT_SOURCE_TOPICS);
  try {
    await admin.connect();
    const replicationFactor = options.replicationFactor ?? Math.min(3, await admin.brokerCount());
    const specs: TopicSpec[] = dataTopics.map((topic) => ({ topic, partitions, replicationFactor }));
    const deadLetter = options.deadLetterTopic ?? DEFAULT_DEAD_LETTER_TOPIC;
    if (deadLetter) specs.push({ topic: deadLetter, partitions: 1, replicationFactor });
    const cursor = options.cursorTopic ?? DEFAULT_CURSOR_TOPIC;
    // One partition, compacted: the latest cursor per key survives forever (Kafka Connect's offsets topic).
    if (cursor) specs.push({ topic: cursor, partitions: 1, replicationFactor, config: { 'cleanup.policy': 'compact' } });

    const created = await admin.createTopics(specs);
    const counts = await admin.partitionCounts(dataTopics);
    const mismatched = dataTopics.flatMap((topic) => {
      const n = counts.get(topic);
      return n !== undefined && n !== partitions ? [{ topic, partitions: n }] : [];
    });
    if (mismatched.length) options.logger?.warn({ mismatched, partitions }, 'data topics with a different partition count: records with the same key will not meet in one consumer');
    return { created, existing: specs.map((s) => s.topic).filter((t) => !created.includes(t)), mismatched };
  } catch (error) {
    throw toKafkaError(error, 'creating topics');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
