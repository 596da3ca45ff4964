import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { ReconError } from '@recon/core';
import { KAFKA_ERROR_CODES } from '../errors';
import type { IncomingMessage, ReadToEndOptions } from '../port/types';
import { toIncoming } from './kafkajs-consumer';

/**
 * Reads a topic `read_committed` from the beginning to the end offsets it had on entry. kafkajs
 * has no manual assignment, so a throwaway consumer group does the reading (deleted afterwards).
 * Under read_committed the last offset of a partition is often a commit marker that no message
 * reaches; kafkajs still reports the batch end (`END_BATCH_PROCESS`, kafkajs #1256), which is what
 * "caught up" is measured on.
 */
export async function kafkaJsReadToEnd(kafka: Kafka, topic: string, onMessage: (message: IncomingMessage) => void, options: ReadToEndOptions): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `recon-read-to-end-${randomUUID()}`;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const targets = new Map<number, bigint>();
    for (const p of offsets) if (BigInt(p.high) > BigInt(p.low)) targets.set(p.partition, BigInt(p.high));
    if (targets.size === 0) return;

    const consumer = kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1000 });
    const remaining = new Set(targets.keys());
    let caughtUp!: () => void;
    let failed!: (error: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      caughtUp = resolve;
      failed = reject;
    });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const target = targets.get(payload.partition);
      if (payload.topic !== topic || target === undefined) return;
      if (BigInt(payload.lastOffset) + 1n >= target) remaining.delete(payload.partition);
      if (remaining.size === 0) caughtUp();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) failed(payload.error);
    });
    const timer = setTimeout(
      () =>
        failed(
          new ReconError(`[recon:kafka] reading "${topic}" to its end took longer than ${options.timeoutMs} ms (an open transaction of another producer blocks read_committed readers until it ends)`, {
            code: KAFKA_ERROR_CODES.readTimeout,
            kind: 'timeout',
          }),
        ),
      options.timeoutMs,
    );
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const message of batch.messages) onMessage(toIncoming(batch.topic, batch.partition, message));
        },
      });
      await done;
    } finally {
      clearTimeout(timer);
      await consumer.disconnect().catch(() => undefined);
    }
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
