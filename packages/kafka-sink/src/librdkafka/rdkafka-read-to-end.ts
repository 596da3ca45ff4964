import { randomUUID } from 'node:crypto';
import { ReconError } from '@recon/core';
import { KAFKA_ERROR_CODES } from '../errors';
import type { IncomingMessage, ReadToEndOptions } from '../port/types';
import { openRdKafkaAdmin } from './rdkafka-admin';
import type { RdKafkaContext } from './rdkafka-client';
import { fromRdKafkaMessage, type RdKafkaMessageLike } from './rdkafka-messages';

/**
 * Reads a topic `read_committed` from the beginning to the high watermarks it had on entry, with
 * a consumer that is assigned the partitions (no group joins, nothing is committed). Under
 * read_committed the last offsets are often transaction markers that no message reaches;
 * librdkafka's partition-EOF event reports the position past them, which is what "caught up" is
 * measured on (the same job as `kafkajs-read-to-end.ts`, without a throwaway group).
 */
export async function rdkafkaReadToEnd(context: RdKafkaContext, topic: string, onMessage: (message: IncomingMessage) => void, options: ReadToEndOptions): Promise<void> {
  const admin = openRdKafkaAdmin(context);
  let offsets;
  try {
    offsets = await admin.topicOffsets(topic);
  } finally {
    admin.client.disconnect();
  }
  // Offsets beyond 2^53 would need a topic written for centuries at millions of messages a second.
  const targets = new Map(offsets.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]));
  if (targets.size === 0) return;

  const consumer = new context.rd.KafkaConsumer(
    context.config(
      {},
      {
        // librdkafka wants a group id; with assign() and no commits no group is ever created.
        'group.id': `recon-read-to-end-${randomUUID()}`,
        'enable.auto.commit': false,
        'enable.auto.offset.store': false,
        'enable.partition.eof': true,
        'isolation.level': 'read_committed',
        // Below the first offset (deleted by retention meanwhile): start at the oldest one.
        'auto.offset.reset': 'earliest',
        // The end is known only from an empty fetch (partition EOF); the broker holds an empty fetch
        // for fetch.wait.max.ms (default 500 ms), which would be the cost of every read.
        'fetch.wait.max.ms': 10,
      },
    ),
    undefined, // no topic config: see rdkafka-consumer.ts
  );
  context.watch(consumer, 'read-to-end consumer');
  const remaining = new Set(targets.keys());
  consumer.on('partition.eof', (eof) => {
    const target = targets.get(eof.partition);
    if (eof.topic === topic && target !== undefined && eof.offset >= target.high) remaining.delete(eof.partition);
  });
  await context.call<unknown>('connecting the read-to-end consumer', (done) => consumer.connect({}, done));
  try {
    consumer.assign([...targets].map(([partition, { low }]) => ({ topic, partition, offset: low })));
    consumer.setDefaultConsumeTimeout(100);
    const deadline = Date.now() + options.timeoutMs;
    while (remaining.size > 0) {
      if (Date.now() > deadline) {
        throw new ReconError(`[recon:kafka] reading "${topic}" to its end took longer than ${options.timeoutMs} ms (an open transaction of another producer blocks read_committed readers until it ends)`, {
          code: KAFKA_ERROR_CODES.readTimeout,
          kind: 'timeout',
        });
      }
      const messages = await context.call<RdKafkaMessageLike[]>(`reading "${topic}"`, (done) => consumer.consume(1000, done));
      for (const message of messages) {
        const target = targets.get(message.partition);
        // Written after this call started: not part of the read.
        if (!target || message.offset >= target.high) continue;
        onMessage(fromRdKafkaMessage(message));
        if (message.offset + 1 >= target.high) remaining.delete(message.partition);
      }
    }
  } finally {
    await context.call<unknown>('disconnecting the read-to-end consumer', (done) => consumer.disconnect(done)).catch(() => undefined);
  }
}
