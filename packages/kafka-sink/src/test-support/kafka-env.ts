/**
 * Test support for the integration tests (not published): the broker from vitest's global setup,
 * unique names, and a read_committed / read_uncommitted reader.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Kafka, logLevel } from 'kafkajs';
import type { Logger } from '@recon/core';
import { describe, inject } from 'vitest';
import type { KafkaTestContext } from '../../../../scripts/kafka/vitest-kafka';
import { createKafkaJsPort } from '../kafkajs/create-kafkajs-port';
import { toIncoming } from '../kafkajs/kafkajs-consumer';
import { createRdKafkaPort } from '../librdkafka/create-rdkafka-port';
import { RDKAFKA_PACKAGE } from '../librdkafka/load-rdkafka';
import { createRdKafkaBatchPort } from '../rdkafka-batch/create-rdkafka-batch-port';
import { loadNativeBatchProducer } from '../rdkafka-batch/native-addon';
import type { IncomingMessage, KafkaPort } from '../port/types';

/** The broker of this run, or why there is none. */
export const kafkaContext: KafkaTestContext = inject('kafka');

/** True when there is no broker: `describe.skipIf(noKafka)`. The global setup printed why. */
export const noKafka = !kafkaContext.available;

/** Bootstrap addresses (empty when there is no broker). */
export const brokers: string[] = kafkaContext.available ? kafkaContext.brokers : [];

/** A unique name for a topic, group or id, so tests never see each other's data. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A silent kafkajs client on the test broker. */
export function testKafka(addresses: string[] = brokers): Kafka {
  return new Kafka({ clientId: 'recon-test', brokers: addresses, logLevel: logLevel.NOTHING, retry: { retries: 8 } });
}

/** The kafkajs port on the test broker. */
export function testPort(addresses: string[] = brokers): KafkaPort {
  return createKafkaJsPort({ kafka: testKafka(addresses) });
}

/**
 * The librdkafka port on the test broker. librdkafka waits `topic.metadata.propagation.max.ms`
 * (30 s) for a topic it does not know to appear before failing its messages; tests create their
 * topics first, so the only wait it would lengthen is the missing-topic test's.
 */
export function testRdKafkaPort(addresses: string[] = brokers, logger?: Logger): KafkaPort {
  return createRdKafkaPort({ brokers: addresses, clientId: 'recon-test', config: { 'topic.metadata.propagation.max.ms': 3000 }, ...(logger && { logger }) });
}

/** The librdkafka port with the batch producer addon (`librdkafka-batch`), configured as {@link testRdKafkaPort}. */
export function testRdKafkaBatchPort(addresses: string[] = brokers, logger?: Logger): KafkaPort {
  return createRdKafkaBatchPort({ brokers: addresses, clientId: 'recon-test', config: { 'topic.metadata.propagation.max.ms': 3000 }, ...(logger && { logger }) });
}

const isCI = ['1', 'true', 'yes'].includes((process.env.CI ?? '').toLowerCase());

/** Why the librdkafka binding cannot load here (undefined when it can). */
export const rdkafkaMissing: string | undefined = (() => {
  try {
    createRequire(import.meta.url)(RDKAFKA_PACKAGE);
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
})();

/** Why the batch producer addon cannot load here (undefined when it can). */
export const batchAddonMissing: string | undefined = (() => {
  try {
    loadNativeBatchProducer();
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
})();

/** A client adapter the integration tests run against. */
export interface TestAdapter {
  name: 'kafkajs' | 'librdkafka' | 'librdkafka-batch';
  /** The port on the test broker (or on `addresses`); the librdkafka one logs the client's own warnings to `logger`. */
  port(addresses?: string[], logger?: Logger): KafkaPort;
  /** Skip this adapter's tests (no broker, or no native binding outside CI). */
  skip: boolean;
}

/**
 * Every adapter. Without the native binding (or the batch producer addon) the librdkafka tests skip
 * under a banner, except in CI, where the bootstrap step builds both and their absence must fail
 * the run.
 */
export const adapters: TestAdapter[] = [
  { name: 'kafkajs', port: (addresses) => testPort(addresses), skip: noKafka },
  { name: 'librdkafka', port: testRdKafkaPort, skip: noKafka || (rdkafkaMissing !== undefined && !isCI) },
  {
    name: 'librdkafka-batch',
    port: testRdKafkaBatchPort,
    skip: noKafka || ((rdkafkaMissing !== undefined || batchAddonMissing !== undefined) && !isCI),
  },
];

/** One `describe` per adapter (skipped as {@link adapters} says), titled `<title> [<adapter>]`. */
export function describeEachAdapter(title: string, body: (adapter: TestAdapter) => void): void {
  for (const adapter of adapters) describe.skipIf(adapter.skip)(`${title} [${adapter.name}]`, () => body(adapter));
}

if (!noKafka && rdkafkaMissing !== undefined && !isCI) {
  process.stderr.write(
    `\n[recon] librdkafka adapter tests skipped: ${RDKAFKA_PACKAGE} does not load (${rdkafkaMissing}).\n` +
      '        Build it with `node packages/kafka-sink/scripts/build-librdkafka.mjs` (scripts/bootstrap-test-deps.sh runs it).\n\n',
  );
} else if (!noKafka && batchAddonMissing !== undefined && !isCI) {
  process.stderr.write(
    `\n[recon] librdkafka-batch adapter tests skipped: ${batchAddonMissing}\n` +
      '        Build it with `node packages/kafka-sink/scripts/build-librdkafka.mjs` (scripts/bootstrap-test-deps.sh runs it).\n\n',
  );
}

/** Every committed message of the topics, up to their current end (read_committed). */
export async function readCommitted(port: KafkaPort, topics: string[]): Promise<IncomingMessage[]> {
  const all: IncomingMessage[] = [];
  for (const topic of topics) await port.readToEnd(topic, (m) => all.push(m), { timeoutMs: 60_000 });
  return all;
}

/**
 * {@link readCommitted}, again until at least `count` messages are there (or `timeoutMs` passed:
 * then what was read). Why: a commit returns before the broker has written its markers into the
 * partitions, so a reader right after it can still find the last stable offset before the
 * transaction's records (an empty read), for a few milliseconds.
 */
export async function readCommittedAtLeast(port: KafkaPort, topics: string[], count: number, timeoutMs = 10_000): Promise<IncomingMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await readCommitted(port, topics);
    if (all.length >= count || Date.now() >= deadline) return all;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Every message of a topic including those of aborted and open transactions (read_uncommitted),
 * up to its high watermark: shows what read_committed readers are spared.
 */
export async function readUncommitted(kafka: Kafka, topic: string): Promise<IncomingMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  const groupId = unique('read-uncommitted');
  const consumer = kafka.consumer({ groupId, readUncommitted: true, maxWaitTimeInMs: 100 });
  const all: IncomingMessage[] = [];
  const positions = new Map<number, bigint>();
  try {
    const caughtUp = () => [...ends].every(([p, end]) => end === 0n || (positions.get(p) ?? 0n) >= end);
    if (caughtUp()) return all;
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`readUncommitted(${topic}) timed out`)), 60_000);
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        positions.set(payload.partition, BigInt(payload.lastOffset) + 1n);
        if (caughtUp()) {
          clearTimeout(timer);
          resolve();
        }
      });
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) all.push(toIncoming(batch.topic, batch.partition, m));
        },
      });
    });
    return all;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Creates topics (1 replica) and waits for their leaders. */
export async function createTopics(port: KafkaPort, topics: Array<{ topic: string; partitions?: number; config?: Record<string, string> }>): Promise<void> {
  const admin = port.admin();
  await admin.connect();
  try {
    await admin.createTopics(topics.map((t) => ({ topic: t.topic, partitions: t.partitions ?? 1, replicationFactor: 1, ...(t.config && { config: t.config }) })));
  } finally {
    await admin.disconnect();
  }
}
