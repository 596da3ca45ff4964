import type { Sink, StandardTransaction } from '@recon/core';
import { createConsoleLogger } from '@recon/core';
import { createReconTopics, createTransactionConsumer, createTransactionalKafkaSink, type TransactionalKafkaSink } from '@recon/kafka-sink';
import type { DemoTransport } from './transport';

/** The demo's topic for a source: `demo_<source>_<run>` (`sftp:kotak` → `demo_sftp_kotak_<run>`). */
export const demoTopic = (source: string, run: string) => `demo_${source.replace(/[^a-z0-9]/g, '_')}_${run}`;

/** How long the consumer may take to see every acknowledged record before the demo gives up. */
const CONSUME_DEADLINE_MS = 90_000;

/**
 * Records through Kafka, as production runs it: one exactly-once transactional sink per source
 * (each page of records and the connector's cursor in one Kafka transaction, on the source's own
 * topic), then a read_committed consumer over every topic feeding the reconciler. Topics are per
 * run, so the demo can run again on a long-lived broker.
 */
export async function kafkaTransport(options: { brokers: string[]; sources: readonly string[]; run?: string }): Promise<DemoTransport> {
  const run = options.run ?? Date.now().toString(36);
  const kafka = { clientId: 'recon-demo', brokers: options.brokers };
  const logger = createConsoleLogger({ level: 'error' });
  const topics = Object.fromEntries(options.sources.map((s) => [s, demoTopic(s, run)]));
  await createReconTopics({ kafka, topics: Object.values(topics), partitions: 3, logger });
  const sinks: TransactionalKafkaSink[] = [];
  return {
    description: `through Kafka at ${options.brokers.join(',')} (topics demo_*_${run})`,
    sinkFor(source): Sink {
      const topic = topics[source];
      if (!topic) throw new Error(`no topic for source ${source}`);
      const sink = createTransactionalKafkaSink({ kafka, topics: { [source]: topic }, sinkId: `recon-demo-${run}-${source.replace(/[^a-z0-9]/g, '-')}`, logger });
      sinks.push(sink);
      return sink;
    },
    async collect(expected, say) {
      await Promise.all(sinks.map((s) => s.close()));
      const received: StandardTransaction[] = [];
      let settle: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (settle = resolve));
      const consumer = createTransactionConsumer({
        kafka,
        groupId: `recon-demo-${run}`,
        topics: Object.values(topics),
        logger,
        onTransaction: (txn) => {
          received.push(txn);
          if (received.length >= expected) settle();
        },
      });
      say(`Consuming ${expected} records from ${Object.keys(topics).length} topics (read_committed)...`);
      await consumer.start();
      const timer = setTimeout(settle, CONSUME_DEADLINE_MS);
      await done;
      clearTimeout(timer);
      await consumer.stop();
      if (received.length !== expected) throw new Error(`the consumer saw ${received.length} records, the sinks acknowledged ${expected}`);
      say(`  consumed ${received.length} records, committed ${consumer.stats.commits} times`);
      return received;
    },
    async close() {
      await Promise.all(sinks.map((s) => s.close()));
    },
  };
}
