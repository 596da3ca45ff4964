import { setTimeout as sleep } from 'node:timers/promises';
import type { OutgoingMessage, ProducerPort, TopicMessages, TransactionalProducerPort } from '../port/types';
import type { RdKafkaConfig, RdKafkaContext } from './rdkafka-client';
import type { RdKafka } from './load-rdkafka';
import { headerConverter, toRdKafkaValue, type RdKafkaHeaders } from './rdkafka-messages';

type Producer = InstanceType<RdKafka['Producer']>;
type ToHeaders = (headers: OutgoingMessage['headers']) => RdKafkaHeaders | undefined;

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
 *   Ending each send with `flush()` (which ignores the linger) was tried and measured slower on the
 *   2-core machine: its worker thread polls the same queue as librdkafka's background thread.
 */
const PRODUCER_DEFAULTS: RdKafkaConfig = { partitioner: 'murmur2_random', 'linger.ms': 2 };

/** Delivery reports the idempotent producer still waits for (one counter: its sends run one at a time). */
interface Deliveries {
  outstanding: number;
  /** The first failed delivery since the last send settled. */
  error?: unknown;
  /** Called when `outstanding` drops to 0. */
  drained?: () => void;
}

/**
 * Hands every message to librdkafka (which batches, compresses, retries and orders them). The
 * binding's `produce` is synchronous; when the local queue is full it throws QUEUE_FULL, and the
 * loop waits for deliveries to make room. No per-message `opaque`: the binding would create and
 * free a V8 persistent handle for each one (about 2 µs of CPU per message, measured), and the
 * counter in {@link Deliveries} needs none.
 */
async function enqueue(context: RdKafkaContext, producer: Producer, batch: TopicMessages[], toHeaders: ToHeaders, deliveries: Deliveries): Promise<void> {
  for (const { topic, messages } of batch) {
    for (const message of messages) {
      const value = toRdKafkaValue(message.value);
      const headers = toHeaders(message.headers);
      for (;;) {
        try {
          producer.produce(topic, null, value, message.key, null, undefined, headers);
          deliveries.outstanding += 1;
          break;
        } catch (error) {
          if ((error as { code?: unknown }).code !== QUEUE_FULL) throw context.wrap(error, `producing to "${topic}"`);
          await sleep(5);
        }
      }
    }
  }
}

/**
 * A connected producer whose delivery reports count `deliveries` down (and keep the first error).
 *
 * Delivery reports cost about 3 µs of CPU per message on the JavaScript thread, and a transactional
 * producer would not need them (librdkafka's commit fails when any message of the transaction
 * failed delivery, reports or not). But without them `flush()` and the commit's own flush wait in
 * steps of 10 ms (librdkafka then polls a queue nothing arrives on), which cost more than the
 * reports for writes of 1 000 records: measured slower in `bench/kafka/run.ts`.
 */
async function connectProducer(context: RdKafkaContext, config: RdKafkaConfig, role: string, deliveries: Deliveries): Promise<Producer> {
  const producer = new context.rd.Producer({ ...config, dr_cb: true });
  context.watch(producer, role);
  producer.on('delivery-report', (error, report) => {
    if (error && deliveries.error === undefined) deliveries.error = context.wrap(error, `delivering to "${report.topic}"`);
    deliveries.outstanding -= 1;
    if (deliveries.outstanding === 0) deliveries.drained?.();
  });
  await context.call<unknown>(`connecting the ${role}`, (done) => producer.connect({}, done));
  // Delivery reports and errors are served by librdkafka's background thread, not a JS timer.
  producer.setPollInBackground(true);
  return producer;
}

/**
 * Enqueues a batch and resolves when every message is acknowledged; rejects with the first delivery
 * error. Sends must not overlap (the caller chains them): every outstanding report then belongs to
 * this send, or to an earlier one that failed before its reports came in, whose errors this one
 * then reports too, which errs on the side of a retry.
 */
async function sendAndWait(context: RdKafkaContext, producer: Producer, batch: TopicMessages[], toHeaders: ToHeaders, deliveries: Deliveries): Promise<void> {
  try {
    await enqueue(context, producer, batch, toHeaders, deliveries);
    // Set only now: while enqueue waited on a full queue the counter may have touched 0 on the way.
    if (deliveries.outstanding > 0) await new Promise<void>((resolve) => (deliveries.drained = resolve));
    if (deliveries.error !== undefined) throw deliveries.error;
  } finally {
    deliveries.drained = undefined;
    if (deliveries.outstanding === 0) deliveries.error = undefined;
  }
}

/** A producer's `send`: {@link sendAndWait}, one call at a time in call order (they share one counter). */
function serialSend(context: RdKafkaContext, producer: Producer, deliveries: Deliveries): (batch: TopicMessages[]) => Promise<void> {
  const toHeaders = headerConverter();
  let tail: Promise<unknown> = Promise.resolve();
  return (batch) => {
    const run = tail.catch(() => undefined).then(() => sendAndWait(context, producer, batch, toHeaders, deliveries));
    tail = run;
    return run;
  };
}

/** Disconnects in progress, per binding producer: see {@link disconnectProducer}. */
const disconnecting = new WeakMap<Producer, Promise<void>>();

async function disconnectProducer(context: RdKafkaContext, producer: Producer | undefined, role: string): Promise<void> {
  if (!producer) return;
  // A second caller waits for the disconnect already running. Asking the binding twice loses a
  // callback: its client ignores a disconnect requested while one is in progress, callback and
  // all, so the second caller waited forever (a consumer stopped from its handler and again by
  // its owner did exactly that).
  const running = disconnecting.get(producer);
  if (running) return running;
  if (!producer.isConnected()) return;
  // Waits up to 5 s for messages still queued (a transactional producer has none outside a commit).
  const done = context
    .call<unknown>(`disconnecting the ${role}`, (cb) => producer.disconnect(5000, cb))
    .then(() => undefined)
    .finally(() => disconnecting.delete(producer));
  disconnecting.set(producer, done);
  return done;
}

/**
 * The idempotent producer: `send` resolves when every message is acknowledged by all in-sync
 * replicas. Sends run one at a time, in call order (the delivery counter is shared).
 */
export function createRdKafkaProducer(loadContext: () => Promise<RdKafkaContext>, compression: 'none' | 'gzip'): ProducerPort {
  let context: RdKafkaContext | undefined;
  let producer: Producer | undefined;
  let send: ((batch: TopicMessages[]) => Promise<void>) | undefined;
  return {
    async connect() {
      context = await loadContext();
      const deliveries: Deliveries = { outstanding: 0 };
      producer = await connectProducer(context, context.config(PRODUCER_DEFAULTS, { 'enable.idempotence': true, acks: 'all', 'compression.codec': compression }), 'producer', deliveries);
      send = serialSend(context, producer, deliveries);
    },
    send(batch) {
      return send ? send(batch) : Promise.reject(new Error('[recon:kafka] producer used before connect()'));
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
  let send: ((batch: TopicMessages[]) => Promise<void>) | undefined;
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
      const deliveries: Deliveries = { outstanding: 0 };
      producer = await connectProducer(context, config, 'transactional producer', deliveries);
      send = serialSend(context, producer, deliveries);
    },
    async begin() {
      const ctx = context;
      const p = producer;
      const sendBatch = send;
      if (!ctx || !p || !sendBatch) throw new Error('[recon:kafka] transactional producer used before connect()');
      if (!registered) {
        await ctx.call(`registering transactional id "${options.transactionalId}"`, (done) => p.initTransactions(timeoutMs, done));
        registered = true;
      }
      await ctx.call('beginning a transaction', (done) => p.beginTransaction(done));
      return {
        send: sendBatch,
        commit: () => ctx.call('committing a transaction', (done) => p.commitTransaction(timeoutMs, done)),
        abort: () => ctx.call('aborting a transaction', (done) => p.abortTransaction(timeoutMs, done)),
      };
    },
    async disconnect() {
      if (context) await disconnectProducer(context, producer, 'transactional producer');
    },
  };
}
