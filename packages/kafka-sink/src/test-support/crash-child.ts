/**
 * The process the crash test kills: one exactly-once sync of the sample ledger into Kafka.
 * Prints `batch <n>` after every acknowledged write and `done <json>` at the end. Configured by
 * the RECON_CRASH_CHILD environment variable (JSON), written by the parent test.
 */
import { createConsoleLogger, runSync, type Sink } from '@recon/core';
import { sampleLedger } from '@recon/core/testing';
import { Kafka, logLevel } from 'kafkajs';
import { createRdKafkaBatchPort } from '../rdkafka-batch/create-rdkafka-batch-port';
import { createTransactionalKafkaSink } from '../sink/transactional-sink';

interface ChildConfig {
  client: 'kafkajs' | 'librdkafka' | 'librdkafka-batch';
  brokers: string[];
  url: string;
  apiKey: string;
  sinkId: string;
  dataTopic: string;
  deadLetterTopic: string;
  cursorTopic: string;
  pageSize: number;
}

const config = JSON.parse(process.env.RECON_CRASH_CHILD ?? '{}') as ChildConfig;
const kafka =
  config.client === 'librdkafka'
    ? ({ client: 'librdkafka', clientId: 'crash-child', brokers: config.brokers } as const)
    : config.client === 'librdkafka-batch'
      ? createRdKafkaBatchPort({ clientId: 'crash-child', brokers: config.brokers })
      : new Kafka({ clientId: 'crash-child', brokers: config.brokers, logLevel: logLevel.NOTHING });
// Logs go to stderr, which the parent shows when a run fails for another reason than its kill.
const logger = createConsoleLogger({ level: 'info' });
const sink = createTransactionalKafkaSink({
  kafka,
  logger,
  sinkId: config.sinkId,
  topicFor: () => config.dataTopic,
  deadLetterTopic: config.deadLetterTopic,
  cursorTopic: config.cursorTopic,
});
let batches = 0;
const reporting: Sink = {
  name: sink.name,
  loadCursor: (stream) => sink.loadCursor(stream),
  async write(batch) {
    await sink.write(batch);
    process.stdout.write(`batch ${++batches}\n`);
  },
};
const connector = sampleLedger({ baseUrl: config.url, apiKey: config.apiKey, pageSize: config.pageSize });
// A fixed upper bound: every run (and every resumed window) covers the whole dataset.
const report = await runSync({ connector, sink: reporting, logger, to: '2100-01-01T00:00:00Z' });
await sink.close();
process.stdout.write(`done ${JSON.stringify({ status: report.status, records: report.records, error: report.error?.message })}\n`);
process.exit(report.status === 'completed' ? 0 : 1);
