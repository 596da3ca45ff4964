import { createMemoryCursorStore, createMemorySink, parseTransaction, runSync } from '@recon/core';
import { sampleLedger, startSampleLedgerSandbox, SAMPLE_LEDGER_SOURCE } from '@recon/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEADERS } from '../message/headers';
import { defaultPartitionKey } from '../message/partition-key';
import { brokers, createTopics, describeEachAdapter, readCommitted, testKafka, unique } from '../test-support/kafka-env';
import { createKafkaSink } from './kafka-sink';

describeEachAdapter('createKafkaSink (idempotent producer) on a real broker', ({ name, port: makePort }) => {
  const port = makePort();
  let sandbox: Awaited<ReturnType<typeof startSampleLedgerSandbox>>;

  beforeAll(async () => {
    sandbox = await startSampleLedgerSandbox({ seed: 8, count: 240, invalidEvery: 23 });
  });
  afterAll(() => sandbox?.close());

  it('syncs a connector: every valid row once in its source topic, invalid rows as dead letters with the reason', async () => {
    const topic = unique('ledger_txns');
    const deadLetterTopic = unique('dlq');
    await createTopics(port, [{ topic, partitions: 4 }, { topic: deadLetterTopic }]);
    // A kafkajs Kafka instance is accepted as is; `client: 'librdkafka'` picks the librdkafka adapter; other adapters as ports.
    const kafka = name === 'kafkajs' ? testKafka() : name === 'librdkafka' ? ({ client: 'librdkafka', brokers } as const) : port;
    const sink = createKafkaSink({ kafka, topics: { [SAMPLE_LEDGER_SOURCE]: topic }, deadLetterTopic });
    const connector = sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 40 });
    const report = await runSync({ connector, sink, cursorStore: createMemoryCursorStore() });
    await sink.close();
    expect(report.status).toBe('completed');

    const records = await readCommitted(port, [topic]);
    const ids = records.map((m) => m.headers[HEADERS.txnId]);
    expect(ids.sort()).toEqual([...sandbox.dataset.validIds].sort());
    for (const m of records) {
      // The value is the standard transaction, exactly as the wire format says.
      const txn = parseTransaction(JSON.parse(m.value!.toString('utf8')));
      expect(m.key?.toString()).toBe(defaultPartitionKey(txn));
      expect(m.headers[HEADERS.source]).toBe(SAMPLE_LEDGER_SOURCE);
      expect(m.headers[HEADERS.schemaVersion]).toBe('1');
      expect(m.headers[HEADERS.contentType]).toBe('application/json');
      expect(m.headers[HEADERS.txnId]).toBe(txn.txn_id);
    }

    const dead = await readCommitted(port, [deadLetterTopic]);
    expect(dead.map((m) => (JSON.parse(m.value!.toString()) as { id: string }).id).sort()).toEqual([...sandbox.dataset.invalidIds].sort());
    for (const m of dead) {
      expect(m.headers[HEADERS.dlqCode]).toBe('TXN_INVALID');
      expect(m.headers[HEADERS.dlqReason]).toMatch(/not a valid transaction/);
      expect(JSON.parse(m.headers[HEADERS.dlqIssues] ?? '[]').length).toBeGreaterThan(0);
      expect(m.headers[HEADERS.dlqStage]).toBe('connector');
    }
  });

  it('splits a batch larger than the broker accepts in one request (1 MB) into several', async () => {
    const topic = unique('big_txns');
    await createTopics(port, [{ topic }]);
    const memory = createMemorySink();
    await runSync({ connector: sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 100 }), sink: memory });
    // 2000 distinct transactions in one batch, all on one partition: well over message.max.bytes.
    const base = memory.records();
    const records = Array.from({ length: 2000 }, (_, i) => ({ ...base[i % base.length]!, txn_id: `big-${i}` }));
    expect(Buffer.byteLength(JSON.stringify(records))).toBeGreaterThan(1_500_000);
    const sink = createKafkaSink({ kafka: port, topicFor: () => topic });
    await sink.write({ stream: 'big', records, invalid: [] });
    await sink.close();
    const ids = (await readCommitted(port, [topic])).map((m) => m.headers[HEADERS.txnId]);
    expect(ids).toEqual(records.map((r) => r.txn_id)); // all, in order
  });

  it('fails the write with a ReconError (not a raw client error) when the topic does not exist', async () => {
    const sink = createKafkaSink({ kafka: port, topicFor: () => unique('missing'), maxAttempts: 2 });
    const connector = sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 10 });
    const report = await runSync({ connector, sink });
    await sink.close();
    expect(report.status).toBe('failed');
    expect(report.error?.code).toBe('KAFKA_WRITE_FAILED');
    expect(report.failedAt).toBe('write');
  });
});
