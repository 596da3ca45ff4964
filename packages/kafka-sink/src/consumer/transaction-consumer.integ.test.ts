import { setTimeout as sleep } from 'node:timers/promises';
import { createMemorySink, runSync, type StandardTransaction } from '@recon/core';
import { sampleLedger, startSampleLedgerSandbox } from '@recon/core/testing';
import { beforeAll, expect, it } from 'vitest';
import { HEADERS } from '../message/headers';
import { createTopics, describeEachAdapter, readCommitted, testKafka, unique } from '../test-support/kafka-env';
import { createKafkaSink } from '../sink/kafka-sink';
import { createTransactionConsumer, type MessageMeta } from './transaction-consumer';

/** Resolves when `check()` holds, polling; rejects after `ms` with `what`. */
async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describeEachAdapter('createTransactionConsumer on a real broker', ({ port: makePort }) => {
  const port = makePort();
  let base: StandardTransaction[];

  beforeAll(async () => {
    const sandbox = await startSampleLedgerSandbox({ seed: 4, count: 50 });
    const memory = createMemorySink();
    await runSync({ connector: sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey }), sink: memory });
    await sandbox.close();
    base = memory.records();
  });

  /** `n` distinct transactions (own txn_id and payment id, so own keys). */
  const transactions = (n: number, prefix = 't') =>
    Array.from({ length: n }, (_, i) => {
      const t = base[i % base.length]!;
      return { ...t, txn_id: `${prefix}-${i}`, references: { ...t.references, utr: undefined, payment_id: `pay_${prefix}${i}` } } as StandardTransaction;
    });

  async function produce(topic: string, txns: StandardTransaction[]) {
    const sink = createKafkaSink({ kafka: port, topicFor: () => topic });
    await sink.write({ stream: 'test', records: txns, invalid: [] });
    await sink.close();
  }

  it('hands valid transactions to the handler and dead-letters malformed messages with the reason, and keeps going', async () => {
    const topic = unique('txns');
    const deadLetterTopic = unique('dlq');
    await createTopics(port, [{ topic }, { topic: deadLetterTopic }]);
    const [a, b, c] = transactions(3);
    const producer = port.producer();
    await producer.connect();
    await producer.send([
      {
        topic,
        messages: [
          { key: 'k1', value: JSON.stringify(a) },
          { key: 'bad-json', value: '{"txn_id": "oops"', headers: { origin: 'test' } },
          { key: 'k2', value: JSON.stringify(b) },
          { key: 'bad-scale', value: JSON.stringify({ ...c, amount: '12.5' }) },
          { key: 'empty', value: null },
          { key: 'bad-shape', value: JSON.stringify({ hello: 'world' }) },
          { key: 'k3', value: JSON.stringify(c) },
        ],
      },
    ]);
    await producer.disconnect();

    const seen: Array<{ id: string; meta: MessageMeta }> = [];
    const groupId = unique('group');
    const consumer = createTransactionConsumer({ kafka: port, groupId, topics: [topic], deadLetterTopic, onTransaction: (txn, meta) => void seen.push({ id: txn.txn_id, meta }) });
    await consumer.start();
    await until(() => consumer.stats.transactions === 3 && consumer.stats.deadLetters === 4, 'all seven messages');
    await consumer.stop();

    expect(seen.map((s) => s.id)).toEqual([a!.txn_id, b!.txn_id, c!.txn_id]);
    expect(seen[0]?.meta).toMatchObject({ topic, partition: 0, offset: '0', key: 'k1' });

    const dead = await readCommitted(port, [deadLetterTopic]);
    expect(dead.map((m) => m.key?.toString())).toEqual(['bad-json', 'bad-scale', 'empty', 'bad-shape']);
    expect(dead.map((m) => m.headers[HEADERS.dlqCode])).toEqual(['NOT_JSON', 'TXN_INVALID', 'EMPTY_VALUE', 'TXN_INVALID']);
    // The original bytes and headers are kept, plus where the message was and why it was rejected.
    expect(dead[0]?.value?.toString()).toBe('{"txn_id": "oops"');
    expect(dead[0]?.headers).toMatchObject({ origin: 'test', [HEADERS.dlqTopic]: topic, [HEADERS.dlqPartition]: '0', [HEADERS.dlqOffset]: '1', [HEADERS.dlqStage]: 'consumer' });
    expect(dead[1]?.headers[HEADERS.dlqReason]).toMatch(/amount: must have exactly 2 decimal places for INR/);
    expect(dead[2]?.value).toBeNull();

    // Everything was committed: the group's position is the end of the topic.
    const admin = testKafka().admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    expect(offsets?.partitions[0]?.offset).toBe('7');
  });

  it('commits only what was handled: a stop mid-batch and a restart neither lose nor repeat a transaction', async () => {
    const topic = unique('txns');
    await createTopics(port, [{ topic, partitions: 2 }]);
    const txns = transactions(600);
    await produce(topic, txns);
    const groupId = unique('group');
    const handled: string[] = [];

    const first = createTransactionConsumer({
      kafka: port,
      groupId,
      topics: [topic],
      onTransaction: (txn) => {
        handled.push(txn.txn_id);
        if (handled.length === 150) void first.stop(); // mid-batch: both clients hand over hundreds at once
      },
    });
    await first.start();
    await until(() => handled.length >= 150, 'the first consumer to handle 150');
    await first.stop();
    const handledByFirst = handled.length;
    expect(handledByFirst).toBeLessThan(txns.length);

    const second = createTransactionConsumer({ kafka: port, groupId, topics: [topic], onTransaction: (txn) => void handled.push(txn.txn_id) });
    await second.start();
    await until(() => handled.length >= txns.length, 'all transactions');
    await sleep(500); // a repeat would show up here
    await second.stop();
    expect(handled.length).toBe(txns.length);
    expect(new Set(handled)).toEqual(new Set(txns.map((t) => t.txn_id)));
  });

  it('retries from the failing message when the handler throws: the ones before it are committed, not repeated', async () => {
    const topic = unique('txns');
    await createTopics(port, [{ topic }]);
    const txns = transactions(40);
    await produce(topic, txns);
    const failing = txns[17]!.txn_id;
    const attempts = new Map<string, number>();
    const handled: string[] = [];
    const consumer = createTransactionConsumer({
      kafka: port,
      groupId: unique('group'),
      topics: [topic],
      onTransaction: (txn) => {
        attempts.set(txn.txn_id, (attempts.get(txn.txn_id) ?? 0) + 1);
        if (txn.txn_id === failing && attempts.get(failing) === 1) throw new Error('reconciler briefly unavailable');
        handled.push(txn.txn_id);
      },
    });
    await consumer.start();
    await until(() => handled.length >= txns.length, 'all transactions after the failure');
    await sleep(500); // a repeat would show up here
    await consumer.stop();
    expect(handled).toEqual(txns.map((t) => t.txn_id)); // in order, each once
    expect(attempts.get(failing)).toBe(2);
    expect([...attempts.values()].filter((n) => n > 1)).toEqual([2]); // only the failing one was seen again
  });

  it('rebalances between two members without losing or repeating work', async () => {
    const topics = [unique('bank_txns'), unique('gateway_txns')];
    await createTopics(port, topics.map((topic) => ({ topic, partitions: 4 })));
    // The same keys on both topics: co-partitioned records.
    const txns = transactions(2000);
    await produce(topics[0]!, txns.slice(0, 1000));
    await produce(topics[1]!, txns.slice(1000).map((t, i) => ({ ...t, references: { ...t.references, payment_id: txns[i]!.references.payment_id } })));
    const groupId = unique('group');
    const handled: string[] = [];
    const byMember = new Map<string, Set<string>>();
    const make = (member: string) =>
      createTransactionConsumer({
        kafka: port,
        groupId,
        topics,
        sessionTimeoutMs: 10_000,
        onTransaction: async (txn, meta) => {
          handled.push(txn.txn_id);
          byMember.set(member, (byMember.get(member) ?? new Set()).add(`${meta.topic}#${meta.partition}`));
          // Member a is slow until b has work: b's join (which waits for a's next heartbeat) lands mid-stream.
          if (member === 'a' && !byMember.has('b')) await sleep(5);
        },
      });
    const a = make('a');
    await a.start();
    await until(() => handled.length >= 200, 'member a to start');
    const b = make('b');
    await b.start();
    await until(() => handled.length >= txns.length, 'all transactions', 120_000);
    await sleep(500);
    await Promise.all([a.stop(), b.stop()]);

    expect(handled.length).toBe(txns.length);
    expect(new Set(handled).size).toBe(txns.length);
    // b got a share after the rebalance.
    expect(byMember.get('b')?.size ?? 0).toBeGreaterThan(0);
  });
});
