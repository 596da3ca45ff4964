import { describe, expect, it } from 'vitest';
import { isFencedError } from '../errors';
import { RdKafkaClientError } from '../librdkafka/rdkafka-error';
import type { RdKafkaConfig } from '../librdkafka/rdkafka-client';
import { adapters, brokers, createTopics, readCommitted, testRdKafkaBatchPort, unique } from '../test-support/kafka-env';
import { createBatchProducer, createBatchTransactionalProducer, type BatchProducerContext } from './batch-producer';
import { loadNativeBatchProducer, type NativeBatchProducer } from './native-addon';

// What the shared port tests (port/kafka-port.integ.test.ts) do not reach: the addon's own paths.
// Skipped like the librdkafka-batch adapter's shared tests: only outside CI. Under CI=true `skip`
// is false unless there is no broker, and then the global setup has already failed the run.
const skip = adapters.find((a) => a.name === 'librdkafka-batch')?.skip ?? true;

/** A context like the port's, with the real addon; `produceCalls` counts its `produce` calls. */
function context(config: RdKafkaConfig = {}) {
  const counter = { produceCalls: 0 };
  const ctx: BatchProducerContext = {
    config: (defaults, required) => ({ 'bootstrap.servers': brokers.join(','), ...defaults, ...config, ...required }),
    load: () => {
      const native = loadNativeBatchProducer();
      const counted: NativeBatchProducer = {
        ...native,
        produce: (...args) => {
          counter.produceCalls += 1;
          return native.produce(...args);
        },
      };
      return counted;
    },
  };
  return { ctx, counter };
}

describe.skipIf(skip)('batch producer addon on a real broker', () => {
  const port = testRdKafkaBatchPort();

  it('is one native call per topic of a write while librdkafka has room', async () => {
    const topic = unique('batch-calls');
    await createTopics(port, [{ topic, partitions: 3 }]);
    const { ctx, counter } = context();
    const producer = createBatchProducer(ctx, 'none');
    await producer.connect();
    await producer.send([{ topic, messages: Array.from({ length: 1000 }, (_, i) => ({ key: `k${i % 13}`, value: `v${i}`, headers: { n: String(i), s: 'same' } })) }]);
    await producer.disconnect();
    expect(counter.produceCalls).toBe(1);
    const read = await readCommitted(port, [topic]);
    expect(read.map((m) => m.value?.toString()).sort()).toEqual(Array.from({ length: 1000 }, (_, i) => `v${i}`).sort());
    for (const m of read) expect(m.headers).toEqual({ n: m.value!.toString().slice(1), s: 'same' });
  });

  it('waits for room when librdkafka\u2019s local queue is full, and loses nothing', async () => {
    const topic = unique('batch-queue-full');
    await createTopics(port, [{ topic, partitions: 2 }]);
    // A local queue of 20 messages: a write of 500 must be enqueued in many calls.
    const { ctx, counter } = context({ 'queue.buffering.max.messages': 20 });
    const producer = createBatchProducer(ctx, 'none');
    await producer.connect();
    await producer.send([{ topic, messages: Array.from({ length: 500 }, (_, i) => ({ key: `k${i % 5}`, value: `v${i}` })) }]);
    await producer.disconnect();
    expect(counter.produceCalls).toBeGreaterThan(5);
    const read = await readCommitted(port, [topic]);
    expect(read).toHaveLength(500);
    // Per key, in the order written (idempotent producer, one partition per key).
    for (let k = 0; k < 5; k++) {
      const values = read.filter((m) => m.key?.toString() === `k${k}`).map((m) => Number(m.value!.toString().slice(1)));
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values).toHaveLength(100);
    }
  });

  it('reports a fenced zombie with an error the sink recognises as fencing', async () => {
    const topic = unique('batch-fenced');
    await createTopics(port, [{ topic }]);
    const id = unique('batch-txn');
    const zombie = createBatchTransactionalProducer(context().ctx, { transactionalId: id, transactionTimeoutMs: 30_000 });
    await zombie.connect();
    const open = await zombie.begin();
    await open.send([{ topic, messages: [{ key: null, value: 'zombie' }] }]);
    const successor = createBatchTransactionalProducer(context().ctx, { transactionalId: id, transactionTimeoutMs: 30_000 });
    await successor.connect();
    await successor.begin();

    const error = await open.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RdKafkaClientError);
    expect(isFencedError(error)).toBe(true);
    await zombie.disconnect();
    await successor.disconnect();
  });

  it('fails a send after disconnect, and a bad setting at connect, with typed errors', async () => {
    const producer = createBatchProducer(context().ctx, 'none');
    await producer.connect();
    await producer.disconnect();
    await producer.disconnect(); // twice is fine
    await expect(producer.send([{ topic: 'unused', messages: [{ key: null, value: 'x' }] }])).rejects.toThrow(/before connect/);

    const bad = createBatchProducer(context({ 'no.such.property': 'x' }).ctx, 'none');
    const failure = await bad.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(RdKafkaClientError);
    expect((failure as RdKafkaClientError).type).toBe('_INVALID_ARG');
    expect((failure as Error).message).toMatch(/no\.such\.property/);
  });
});
