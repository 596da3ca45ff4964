import { setTimeout as sleep } from 'node:timers/promises';
import type { ProducerPort, TopicMessages, TransactionalProducerPort } from '../port/types';
import type { RdKafkaConfig, RdKafkaContext } from './rdkafka-client';
import type { RdKafka } from './load-rdkafka';
import { toRdKafkaHeaders, toRdKafkaValue } from './rdkafka-messages';

type Producer = InstanceType<RdKafka['Producer']>;

/** librdkafka's local queue is full (`queue.buffering.max.messages` / `.kbytes`): wait and retry. */
const QUEUE_FULL = -184;

/**
 * Producer settings both producers share; the user's `config` overrides them.
 * - `partitioner: murmur2_random`: the Java client's (and kafkajs's) partitioner, so a key lands on
 *   the same partition whichever client wrote it. librdkafka's own default (CRC32) would not:
 *   co-partitioning across topics written by different clients would silently break.
 * - `linger.ms: 2` (librdkafka's default is 5): every send waits for its acknowledgements, so the
 *   last partial batch of each send waits out the linger. Measured in `bench/kafka/run.ts`: 2 ms
 *   gave about 10 % more than 5 ms for 1 000-record writes (1 and 2 were alike, 10 was worse).
 */
const PRODUCER_DEFAULTS: RdKafkaConfig = { partitioner: 'murmur2_random', 'linger.ms': 2 };

/** Delivery reports still owed to one `send`. */
interface Delivery {
  left: number;
  sealed: boolean;
  error?: unknown;
  done(): void;
}

/**
 * Hands every message to librdkafka (which batches, compresses, retries and orders them). The
 * binding's `produce` is synchronous; when the local queue is full it throws QUEUE_FULL, and the
 * loop waits for deliveries to make room.
 */
async function enqueue(context: RdKafkaContext, producer: Producer, batch: TopicMessages[], delivery: Delivery): Promise<void> {
  for (const { topic, messages } of batch) {
    for (const message of messages) {
      for (;;) {
        try {
          producer.produce(topic, null, toRdKafkaValue(message.value), message.key, null, delivery, toRdKafkaHeaders(message.headers));
          delivery.left += 1;
          break;
        } catch (error) {
          if ((error as { code?: unknown }).code !== QUEUE_FULL) throw context.wrap(error, `producing to "${topic}"`);
          await sleep(5);
        }
      }
    }
  }
}

async function connectProducer(context: RdKafkaContext, config: RdKafkaConfig, role: string): Promise<Producer> {
  const producer = new context.rd.Producer({ ...config, dr_cb: true });
  context.watch(producer, role);
  producer.on('delivery-report', (error, report) => {
    const delivery = report.opaque as Delivery | undefined;
    if (!delivery) return;
    if (error && delivery.error === undefined) delivery.error = context.wrap(error, `delivering to "${report.topic}"`);
    delivery.left -= 1;
    if (delivery.sealed && delivery.left === 0) delivery.done();
  });
  await context.call<unknown>(`connecting the ${role}`, (done) => producer.connect({}, done));
  // Delivery reports and errors are served by librdkafka's background thread, not a JS timer.
  producer.setPollInBackground(true);
  return producer;
}

/** Enqueues a batch and resolves when every message is acknowledged; rejects with the first delivery error. */
async function sendAndWait(context: RdKafkaContext, producer: Producer, batch: TopicMessages[]): Promise<void> {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const delivery: Delivery = { left: 0, sealed: false, done: settle };
  await enqueue(context, producer, batch, delivery);
  delivery.sealed = true;
  if (delivery.left > 0) await settled;
  if (delivery.error !== undefined) throw delivery.error;
}

async function disconnectProducer(context: RdKafkaContext, producer: Producer | undefined, role: string): Promise<void> {
  if (!producer?.isConnected()) return;
  // Waits up to 5 s for messages still queued (a transactional producer has none outside a commit).
  await context.call<unknown>(`disconnecting the ${role}`, (done) => producer.disconnect(5000, done));
}

/** The idempotent producer: `send` resolves when every message is acknowledged by all in-sync replicas. */
export function createRdKafkaProducer(loadContext: () => Promise<RdKafkaContext>, compression: 'none' | 'gzip'): ProducerPort {
  let context: RdKafkaContext | undefined;
  let producer: Producer | undefined;
  return {
    async connect() {
      context = await loadContext();
      producer = await connectProducer(context, context.config(PRODUCER_DEFAULTS, { 'enable.idempotence': true, acks: 'all', 'compression.codec': compression }), 'producer');
    },
    async send(batch) {
      if (!context || !producer) throw new Error('[recon:kafka] producer used before connect()');
      await sendAndWait(context, producer, batch);
    },
    async disconnect() {
      if (context) await disconnectProducer(context, producer, 'producer');
    },
  };
}

/**
 * The transactional producer. The first `begin()` registers the transactional id
 * (`initTransactions`: fences older producers with the id, aborts what they left open).
 * `send` resolves once its messages are in the log (acknowledged, still invisible to
 * read_committed readers), as with kafkajs; `commit` then has nothing left to flush, and fails if
 * any message of the transaction was not delivered, so nothing is committed half-written.
 */
export function createRdKafkaTransactionalProducer(
  loadContext: () => Promise<RdKafkaContext>,
  options: { transactionalId: string; transactionTimeoutMs: number },
): TransactionalProducerPort {
  let context: RdKafkaContext | undefined;
  let producer: Producer | undefined;
  let registered = false;
  const timeoutMs = options.transactionTimeoutMs;
  return {
    async connect() {
      context = await loadContext();
      const config = context.config(PRODUCER_DEFAULTS, {
        'transactional.id': options.transactionalId,
        'transaction.timeout.ms': timeoutMs,
        'enable.idempotence': true,
        acks: 'all',
      });
      producer = await connectProducer(context, config, 'transactional producer');
    },
    async begin() {
      const ctx = context;
      const p = producer;
      if (!ctx || !p) throw new Error('[recon:kafka] transactional producer used before connect()');
      if (!registered) {
        await ctx.call(`registering transactional id "${options.transactionalId}"`, (done) => p.initTransactions(timeoutMs, done));
        registered = true;
      }
      await ctx.call('beginning a transaction', (done) => p.beginTransaction(done));
      return {
        send: (batch) => sendAndWait(ctx, p, batch),
        commit: () => ctx.call('committing a transaction', (done) => p.commitTransaction(timeoutMs, done)),
        abort: () => ctx.call('aborting a transaction', (done) => p.abortTransaction(timeoutMs, done)),
      };
    },
    async disconnect() {
      if (context) await disconnectProducer(context, producer, 'transactional producer');
    },
  };
}
