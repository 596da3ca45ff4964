import { runSync, type Sink } from '@recon/core';
import { sampleLedger, startSampleLedgerSandbox, SAMPLE_LEDGER_SOURCE } from '@recon/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEADERS } from '../message/headers';
import type { KafkaPort, TransactionPort } from '../port/types';
import { createTopics, describeEachAdapter, readCommitted, readCommittedAtLeast, readUncommitted, testKafka, unique } from '../test-support/kafka-env';
import { cursorKey, decodeCursor } from './cursor-record';
import { createTransactionalKafkaSink, type TransactionalKafkaSinkOptions } from './transactional-sink';

type Sandbox = Awaited<ReturnType<typeof startSampleLedgerSandbox>>;

/** A sink that aborts (like a crash) after `n` acknowledged writes. */
function abortAfter(sink: Sink, n: number, controller: AbortController): Sink {
  let writes = 0;
  return {
    name: sink.name,
    loadCursor: sink.loadCursor?.bind(sink),
    async write(batch) {
      await sink.write(batch);
      if (++writes === n) controller.abort();
    },
  };
}

/**
 * The real port with faults injected at the port boundary (the transport stays real):
 * `failCommits` commits that throw *after* the commit really happened (a lost answer), and
 * `stuckBegins` begins that throw kafkajs #1416's "already an ongoing transaction".
 */
function faultyPort(port: KafkaPort, faults: { failCommits?: number; stuckBegins?: number }) {
  const counts = { producers: 0, lostCommitAnswers: 0, stuckBegins: 0 };
  let failCommits = faults.failCommits ?? 0;
  let stuckBegins = faults.stuckBegins ?? 0;
  const wrapped: KafkaPort = {
    ...port,
    transactionalProducer(options) {
      counts.producers += 1;
      const producer = port.transactionalProducer(options);
      let begun = false;
      return {
        ...producer,
        async begin(): Promise<TransactionPort> {
          // The fence-on-start transaction is the first begin of each producer; faults hit later ones.
          if (begun && stuckBegins > 0) {
            stuckBegins -= 1;
            counts.stuckBegins += 1;
            throw new Error('There is already an ongoing transaction for this producer. Please end the transaction before beginning another.');
          }
          begun = true;
          const txn = await producer.begin();
          return {
            ...txn,
            async commit() {
              await txn.commit();
              if (failCommits > 0) {
                failCommits -= 1;
                counts.lostCommitAnswers += 1;
                throw Object.assign(new Error('Request timed out (injected: the commit landed, its answer was lost)'), { name: 'KafkaJSRequestTimeoutError', retriable: true });
              }
            },
          };
        },
      };
    },
  };
  return { port: wrapped, counts };
}

describeEachAdapter('createTransactionalKafkaSink (exactly-once) on a real broker', ({ port: makePort }) => {
  const port = makePort();
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSampleLedgerSandbox({ seed: 11, count: 300, invalidEvery: 29 });
  });
  afterAll(() => sandbox?.close());

  async function setup() {
    const names = { data: unique('ledger_txns'), dlq: unique('dlq'), cursors: unique('cursors'), sinkId: unique('sink') };
    await createTopics(port, [{ topic: names.data, partitions: 3 }, { topic: names.dlq }, { topic: names.cursors, config: { 'cleanup.policy': 'compact' } }]);
    const options = (extra: Partial<TransactionalKafkaSinkOptions> = {}): TransactionalKafkaSinkOptions => ({
      kafka: port,
      sinkId: names.sinkId,
      topics: { [SAMPLE_LEDGER_SOURCE]: names.data },
      deadLetterTopic: names.dlq,
      cursorTopic: names.cursors,
      ...extra,
    });
    return { names, options };
  }

  const connector = (pageSize = 25) => sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize });

  const expectExactlyOnce = async (names: { data: string; dlq: string }) => {
    const ids = (await readCommitted(port, [names.data])).map((m) => m.headers[HEADERS.txnId]);
    expect(ids.length).toBe(new Set(ids).size); // none twice
    expect([...ids].sort()).toEqual([...sandbox.dataset.validIds].sort()); // none missing
    const dead = (await readCommitted(port, [names.dlq])).map((m) => (JSON.parse(m.value!.toString()) as { id: string }).id);
    expect(dead.sort()).toEqual([...sandbox.dataset.invalidIds].sort());
  };

  it('commits records, dead letters and cursor together; a crashed run resumes with no gap and no duplicate', async () => {
    const { names, options } = await setup();

    const crash = new AbortController();
    const first = createTransactionalKafkaSink(options());
    const run1 = await runSync({ connector: connector(), sink: abortAfter(first, 4, crash), signal: crash.signal });
    await first.close();
    expect(run1.status).toBe('aborted');
    expect(run1.checkpoints).toBe(4);
    expect(run1.resumedFrom).toBeUndefined();

    const second = createTransactionalKafkaSink(options());
    const run2 = await runSync({ connector: connector(), sink: second });
    await second.close();
    expect(run2.status).toBe('completed');
    expect(run2.resumedFrom).toEqual(run1.cursor); // restored from the cursor topic
    expect(run1.records + run2.records).toBe(sandbox.dataset.validIds.length);
    await expectExactlyOnce(names);

    // The cursor topic holds the final cursor under the Connect-style key.
    const cursors = (await readCommitted(port, [names.cursors])).filter((m) => m.key?.toString() === cursorKey(names.sinkId, 'sample-ledger'));
    expect(decodeCursor(cursors.at(-1)!)?.cursor).toEqual(run2.cursor);
  });

  it('fences a zombie: the old instance cannot commit once a new one loaded the cursor', async () => {
    const { names, options } = await setup();
    const zombie = createTransactionalKafkaSink(options());
    expect(await zombie.loadCursor('sample-ledger')).toBeUndefined();

    // A replacement starts (same sinkId, so same transactional id) and does the whole sync.
    const successor = createTransactionalKafkaSink(options());
    const report = await runSync({ connector: connector(), sink: successor });
    expect(report.status).toBe('completed');

    // The zombie wakes up and tries to write a checkpoint: refused, nothing visible.
    await expect(
      zombie.write({ stream: 'sample-ledger', records: [], invalid: [], cursor: { from: null, to: '2030-01-01T00:00:00Z', after: 'zombie', done: false } }),
    ).rejects.toMatchObject({ code: 'KAFKA_PRODUCER_FENCED' });
    await zombie.close();
    // The successor still owns the stream.
    expect(await successor.loadCursor('sample-ledger')).toEqual(report.cursor);
    await successor.close();
    await expectExactlyOnce(names);
  });

  it('recovers from a stuck producer (kafkajs #1416) by recreating it, and from a lost commit answer without writing twice', async () => {
    const { names, options } = await setup();
    const faulty = faultyPort(port, { failCommits: 2, stuckBegins: 2 });
    const sink = createTransactionalKafkaSink(options({ kafka: faulty.port }));
    const report = await runSync({ connector: connector(50), sink });
    await sink.close();
    expect(report.status).toBe('completed');
    expect(faulty.counts.lostCommitAnswers).toBe(2);
    expect(faulty.counts.stuckBegins).toBe(2);
    expect(faulty.counts.producers).toBeGreaterThanOrEqual(5); // one at start + one per failure
    await expectExactlyOnce(names);
  });

  it('holds cursorless batches until the next checkpoint and drops them when a new run loads the cursor', async () => {
    const { names, options } = await setup();
    const sink = createTransactionalKafkaSink(options());
    const txns = (await readAllValid()).slice(0, 3);
    await sink.write({ stream: 'manual', records: txns.slice(0, 2), invalid: [] }); // no cursor: held
    expect(await readCommitted(port, [names.data])).toEqual([]);
    await sink.write({ stream: 'manual', records: txns.slice(2), invalid: [], cursor: { page: 1 } });
    expect((await readCommittedAtLeast(port, [names.data], txns.length)).map((m) => m.headers[HEADERS.txnId])).toEqual(txns.map((t) => t.txn_id));

    await sink.write({ stream: 'manual', records: txns.slice(0, 1), invalid: [] }); // held, then a new run starts
    expect(await sink.loadCursor('manual')).toEqual({ page: 1 });
    await sink.write({ stream: 'manual', records: [], invalid: [], cursor: { page: 2 } });
    await sink.close();
    expect((await readCommittedAtLeast(port, [names.data], 3)).length).toBe(3);
  });

  it('leaves aborted data invisible to read_committed readers (and visible to read_uncommitted ones)', async () => {
    const { names, options } = await setup();
    const id = unique('txn');
    // An instance dies mid-transaction: records sent, never committed.
    const dying = port.transactionalProducer({ transactionalId: `${names.sinkId}-sample-ledger`, transactionTimeoutMs: 60_000 });
    await dying.connect();
    const open = await dying.begin();
    await open.send([{ topic: names.data, messages: [{ key: id, value: '{"half":"written"}' }] }]);
    // Its successor fences it (aborting that transaction) and syncs everything.
    const sink = createTransactionalKafkaSink(options());
    const report = await runSync({ connector: connector(100), sink });
    await sink.close();
    await dying.disconnect().catch(() => undefined);
    expect(report.status).toBe('completed');
    await expectExactlyOnce(names);
    const all = await readUncommitted(testKafka(), names.data);
    expect(all.some((m) => m.value?.toString() === '{"half":"written"}')).toBe(true);
  });

  async function readAllValid() {
    const { createMemorySink } = await import('@recon/core');
    const memory = createMemorySink();
    await runSync({ connector: connector(100), sink: memory });
    return memory.records();
  }
});
