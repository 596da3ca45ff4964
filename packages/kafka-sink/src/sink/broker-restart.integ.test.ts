import { runSync, type Sink } from '@recon/core';
import { sampleLedger, startSampleLedgerSandbox } from '@recon/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restartBroker, startBroker, stopBroker, type BrokerState } from '../../../../scripts/kafka/broker.mjs';
import { HEADERS } from '../message/headers';
import { adapters, createTopics, kafkaContext, readCommitted, unique } from '../test-support/kafka-env';
import { createTransactionalKafkaSink } from './transactional-sink';

const RECORDS = 20_000;

// A broker of its own: restarting the shared one would disturb the other kafka test files.
// Skipped with the others when no broker can run here, and with an external broker (nothing to restart).
for (const { name, port: makePort, skip } of adapters) {
  describe.skipIf(skip || !(kafkaContext.available && kafkaContext.version))(`a broker restart in the middle of an exactly-once sync [${name}]`, () => {
    let broker: BrokerState;
    let sandbox: Awaited<ReturnType<typeof startSampleLedgerSandbox>>;

    beforeAll(async () => {
      [broker, sandbox] = await Promise.all([
        startBroker(kafkaContext.available && kafkaContext.version ? { version: kafkaContext.version } : {}),
        startSampleLedgerSandbox({ seed: 20, count: RECORDS }),
      ]);
    });
    afterAll(async () => {
      await sandbox?.close();
      if (broker) await stopBroker(broker.runDir);
    });

    it('is survived by the running sync: it completes, every record exactly once', async () => {
      const warnings: string[] = [];
      const logger = { debug: () => undefined, info: () => undefined, warn: (_: object, msg?: string) => void warnings.push(msg ?? ''), error: () => undefined };
      const port = makePort([broker.bootstrap], logger);
      const names = { data: unique('restart_txns'), dlq: unique('dlq'), cursors: unique('cursors') };
      await createTopics(port, [{ topic: names.data, partitions: 3 }, { topic: names.dlq }, { topic: names.cursors, config: { 'cleanup.policy': 'compact' } }]);
      const sink = createTransactionalKafkaSink({ kafka: port, topicFor: () => names.data, deadLetterTopic: names.dlq, cursorTopic: names.cursors, maxAttempts: 10, logger });

      let writes = 0;
      let restart: Promise<BrokerState> | undefined;
      const restarting: Sink = {
        name: sink.name,
        loadCursor: (stream) => sink.loadCursor(stream),
        async write(batch) {
          await sink.write(batch);
          // After 40 of 200 transactions the broker goes down (awaited: the next write meets it down)
          // and comes back a second later while the sync keeps trying.
          if (++writes === 40) {
            await stopBroker(broker.runDir, { keepData: true });
            restart = restartBroker(broker.runDir, { downMs: 1000 });
          }
        },
      };
      const report = await runSync({ connector: sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 100 }), sink: restarting, to: '2100-01-01T00:00:00Z' });
      const restarted = await restart;
      await sink.close();

      expect(restarted?.pid).not.toBe(broker.pid); // it really was a new broker process
      expect(report.error?.message).toBeUndefined();
      expect(report.status).toBe('completed');
      expect(report.records).toBe(RECORDS);
      // The outage was met mid-run: 160 of the 200 transactions came after the broker went down.
      // kafkajs either fails a transaction (the sink recreates the producer) or rides the outage out
      // with its own request retries, depending on timing; librdkafka reconnects inside the client
      // and logs it. Either way the run must complete exactly once (checked below).
      expect(writes).toBe(RECORDS / 100);
      if (name !== 'kafkajs') expect(warnings.filter((w) => /^librdkafka: .*(Connection refused|brokers are down)/.test(w)), warnings.join('\n')).not.toEqual([]);
      const ids = (await readCommitted(port, [names.data])).map((m) => m.headers[HEADERS.txnId]);
      expect({ total: ids.length, distinct: new Set(ids).size }).toEqual({ total: RECORDS, distinct: RECORDS });
    }, 240_000);
  });
}
