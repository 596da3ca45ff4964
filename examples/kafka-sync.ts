/**
 * Exactly-once from an API into Kafka, then a consumer that validates and feeds a handler.
 *
 *   pnpm exec tsx --conditions=@recon/source examples/kafka-sync.ts
 *
 * Uses RECON_KAFKA_BROKERS (e.g. 127.0.0.1:9092) when set; otherwise starts the project's own
 * single-node Apache Kafka 4.x broker (needs Java 17 + Maven; jars cached in ~/.cache/recon-kafka)
 * and stops it at the end. No credentials, nothing leaves 127.0.0.1.
 */
import { createConsoleLogger, runSync } from '@recon/core';
import { sampleLedger, startSampleLedgerSandbox, SAMPLE_LEDGER_SOURCE } from '@recon/core/testing';
import { createReconTopics, createTransactionConsumer, createTransactionalKafkaSink } from '@recon/kafka-sink';
import { startBroker, stopBroker } from '../scripts/kafka/broker.mjs';

const say = (line = '') => process.stdout.write(line + '\n');

async function main(): Promise<void> {
  const external = process.env.RECON_KAFKA_BROKERS;
  const broker = external ? undefined : await startBroker({ log: (l) => process.stderr.write(l + '\n') });
  const brokers = external ? external.split(',') : [broker!.bootstrap];
  const sandbox = await startSampleLedgerSandbox({ seed: 7, count: 500, invalidEvery: 50 });
  const logger = createConsoleLogger({ level: 'warn' });
  try {
    say(`Kafka at ${brokers.join(',')}; sample ledger API at ${sandbox.url} (500 rows, every 50th invalid)`);
    const kafka = { clientId: 'recon-example', brokers };
    // The ledger's records go to a topic of this run (so the example can rerun on a long-lived
    // broker); the six bank/gateway topics, dead letters and cursors are created too.
    const run = Date.now().toString(36);
    const ledgerTopic = `ledger_txns_${run}`;
    const topics = { [SAMPLE_LEDGER_SOURCE]: ledgerTopic };
    const sinkId = `example-${run}`;
    const created = await createReconTopics({ kafka, topics: [ledgerTopic, 'hdfc_txns', 'icici_txns', 'sbi_txns', 'axis_txns', 'kotak_txns', 'razorpay_txns'], partitions: 6, logger });
    say(`topics created: ${created.created.join(', ') || '(all existed)'}`);

    // Exactly-once: each page's records + the connector's cursor in one Kafka transaction.
    const sink = createTransactionalKafkaSink({ kafka, topics, sinkId, logger });
    const connector = sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 50 });
    const report = await runSync({ connector, sink });
    await sink.close();
    if (report.status === 'failed') throw report.error;
    say(`sync ${report.status}: ${report.records} records and ${report.invalid} dead letters in ${report.checkpoints} transactions; resumed from ${JSON.stringify(report.resumedFrom ?? null)}`);

    // A second run finds the cursor in Kafka and has nothing new to write.
    const again = createTransactionalKafkaSink({ kafka, topics, sinkId, logger });
    const second = await runSync({ connector, sink: again });
    await again.close();
    say(`second run: ${second.records} new records (cursor restored from the cursor topic)`);

    // The consumer side: validate, dead-letter anything invalid, commit after handling.
    let seen = 0;
    const consumer = createTransactionConsumer({ kafka, groupId: `example-${Date.now()}`, topics: [ledgerTopic], logger, onTransaction: () => void (seen += 1) });
    await consumer.start();
    const deadline = Date.now() + 60_000;
    while (seen < report.records && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    say(`consumer handled ${seen} transactions (read_committed), committed ${consumer.stats.commits} times`);
    if (seen !== report.records) throw new Error(`expected ${report.records} transactions, got ${seen}`);
  } finally {
    await sandbox.close();
    if (broker) await stopBroker(broker.runDir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
