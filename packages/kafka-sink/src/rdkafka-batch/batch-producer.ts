import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@recon/core';
import type { ProducerPort, TopicMessages, TransactionalProducerPort } from '../port/types';
import type { RdKafkaConfig } from '../librdkafka/rdkafka-client';
import { RdKafkaClientError } from '../librdkafka/rdkafka-error';
import { loadNativeBatchProducer, NativeOp, type NativeBatchProducer, type NativeHandle } from './native-addon';
import { packMessages, packScratch } from './pack-messages';

/** What the producers over the addon share: the config recipe, the logger, the addon. */
export interface BatchProducerContext {
  /** `defaults`, then the user's `config`, then `required` (which nobody overrides). */
  config(defaults: RdKafkaConfig, required: RdKafkaConfig): RdKafkaConfig;
  logger?: Logger;
  /** Loads the addon (default {@link loadNativeBatchProducer}). */
  load?: () => NativeBatchProducer;
}

/** Same as the librdkafka adapter's (`rdkafka-producer.ts` says why). */
const PRODUCER_DEFAULTS: RdKafkaConfig = { partitioner: 'murmur2_random', 'linger.ms': 2 };

/** librdkafka's `_DESTROY`: the error of a producer used after it was closed. */
const DESTROYED = -197;

/**
 * How long a send's flush may hold its libuv pool thread. It only serves to skip the linger; past
 * this (a broker down) the send goes on waiting for its delivery notices without it.
 */
const FLUSH_WAIT_MS = 1000;

/** How long `disconnect` waits for messages still queued. */
const CLOSE_TIMEOUT_MS = 5000;

/** What the addon throws or rejects with. */
interface NativeErrorLike {
  code?: unknown;
  message?: unknown;
  isFatal?: unknown;
  isRetriable?: unknown;
  isTxnRequiresAbort?: unknown;
}

/** An addon error as the adapter's typed error (`type` is librdkafka's name of the code, as `errors.ts` expects). */
function toError(native: NativeBatchProducer, what: string, error: NativeErrorLike): RdKafkaClientError {
  const code = typeof error.code === 'number' ? error.code : -1;
  const type = native.errorName(code);
  const text = typeof error.message === 'string' && error.message !== '' ? error.message : type;
  return new RdKafkaClientError(`${what}: ${text}`, { type, code, retriable: error.isRetriable === true, fatal: error.isFatal === true, cause: error });
}

/** How one enqueued batch ended: `errors` failed deliveries, the first one's code and text. */
interface BatchOutcome {
  errors: number;
  code: number;
  text: string;
}

/** One open native producer and the JavaScript side of its notices. */
interface Connection {
  send(batch: TopicMessages[]): Promise<void>;
  /** A blocking librdkafka call (transactions), on the libuv pool. */
  run(op: number, timeoutMs: number, what: string): Promise<void>;
  /** Waits for the blocking call in progress, flushes (up to 5 s), destroys the producer; fails the sends still waiting. */
  close(what: string): Promise<void>;
}

/**
 * Opens a native producer. Its sends run one at a time (they share one scratch buffer, which the
 * addon copies from before `produce` returns), and so do its blocking calls.
 */
function connect(context: BatchProducerContext, config: RdKafkaConfig, role: string): Connection {
  const native = (context.load ?? loadNativeBatchProducer)();
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(config)) pairs.push(name, String(value));
  const logger = context.logger;
  const pending = new Map<number, (outcome: BatchOutcome) => void>();
  let fatal: RdKafkaClientError | undefined;
  let closed: RdKafkaClientError | undefined;
  let nextId = 0;

  let handle: NativeHandle;
  try {
    handle = native.create(pairs, (id, detail, code, text) => {
      if (id >= 0) {
        const settle = pending.get(id);
        pending.delete(id);
        settle?.({ errors: detail, code, text });
      } else if (id === -1) {
        // librdkafka retries what it can by itself: a non-fatal error is news for the logs only.
        const fields = { librdkafka: role, code, fatal: detail === 1 };
        if (detail === 1) {
          fatal ??= toError(native, `the ${role} failed`, { code, message: text, isFatal: true });
          logger?.error(fields, `librdkafka: ${text}`);
        } else logger?.warn(fields, `librdkafka: ${text}`);
      } else if (logger) {
        // Syslog levels: 0-4 (emergency to warning) are warnings, the rest debug.
        if (detail <= 4) logger.warn({ librdkafka: role }, `librdkafka: ${text}`);
        else logger.debug({ librdkafka: role }, `librdkafka: ${text}`);
      }
    });
  } catch (error) {
    throw toError(native, `creating the ${role}`, error as NativeErrorLike);
  }

  const usable = () => {
    if (closed) throw closed;
    if (fatal) throw fatal;
  };

  const scratch = packScratch();
  const sendNow = async (batch: TopicMessages[]) => {
    const waits: Array<Promise<BatchOutcome & { topic: string }>> = [];
    for (const { topic, messages } of batch) {
      const packed = packMessages(messages, scratch);
      for (let start = 0; start < packed.count; ) {
        usable();
        const id = nextId;
        nextId = (nextId + 1) % 0x7fffffff;
        let enqueued: number;
        try {
          enqueued = native.produce(handle, topic, packed.data, packed.messages, packed.refs, packed.headers, start, packed.count, id);
        } catch (error) {
          throw toError(native, `producing to "${topic}"`, error as NativeErrorLike);
        }
        // The notice comes through the event loop, so registering after the call is in time.
        if (enqueued > 0) waits.push(new Promise((resolve) => pending.set(id, (outcome) => resolve({ ...outcome, topic }))));
        start += enqueued;
        // librdkafka's local queue is full (`queue.buffering.max.*`): wait for acknowledgements to make room.
        if (start < packed.count) await sleep(5);
      }
    }
    // Every send waits for its acknowledgements, so the linger of its last, partial batches is pure
    // delay: librdkafka ignores `linger.ms` while a flush runs. The flush itself only waits (on the
    // libuv pool, for librdkafka's message count to reach zero); the outcome is the notices'. Measured
    // in bench/kafka/run.ts: 20-50 % more messages per second, slightly less CPU per message.
    if (waits.length > 0) await run(NativeOp.flush, FLUSH_WAIT_MS, 'flushing').catch(() => undefined);
    for (const outcome of await Promise.all(waits)) {
      if (outcome.errors > 0) {
        throw toError(native, `delivering to "${outcome.topic}" (${outcome.errors} message(s) failed)`, { code: outcome.code, message: outcome.text });
      }
    }
  };

  let sends: Promise<unknown> = Promise.resolve();
  let calls: Promise<unknown> = Promise.resolve();
  const runNow = async (op: number, timeoutMs: number, what: string) => {
    usable();
    try {
      await native.run(handle, op, timeoutMs);
    } catch (error) {
      throw toError(native, what, error as NativeErrorLike);
    }
  };
  /** Blocking calls (transactions, the flush of a send) one at a time: `close` waits for the one running. */
  function run(op: number, timeoutMs: number, what: string): Promise<void> {
    const next = calls.catch(() => undefined).then(() => runNow(op, timeoutMs, what));
    calls = next;
    return next;
  }
  return {
    send(batch) {
      const next = sends.catch(() => undefined).then(() => sendNow(batch));
      sends = next;
      return next;
    },
    run,
    async close(what) {
      if (closed) return;
      // Never destroy librdkafka under a commit or flush running on another thread: wait until no
      // call is running or chained, then mark closed in the same turn (later calls then fail
      // before reaching the addon). Sends need no wait: their messages are librdkafka's, and the
      // close flushes them.
      for (let last = calls; ; last = calls) {
        await last.catch(() => undefined);
        if (closed) return;
        if (last === calls) break;
      }
      closed = toError(native, `the ${role} is closed`, { code: DESTROYED });
      try {
        await native.run(handle, NativeOp.close, CLOSE_TIMEOUT_MS);
      } catch (error) {
        throw toError(native, what, error as NativeErrorLike);
      } finally {
        // Messages librdkafka gave up on at destroy have no report coming: their sends fail.
        for (const settle of pending.values()) settle({ errors: 1, code: DESTROYED, text: 'the producer was closed before delivery' });
        pending.clear();
      }
    },
  };
}

/**
 * The idempotent producer over the addon: `send` resolves when every message is acknowledged by
 * all in-sync replicas, and rejects with the first failed delivery.
 */
export function createBatchProducer(context: BatchProducerContext, compression: 'none' | 'gzip'): ProducerPort {
  let connection: Connection | undefined;
  return {
    async connect() {
      connection = connect(context, context.config(PRODUCER_DEFAULTS, { 'enable.idempotence': true, acks: 'all', 'compression.codec': compression }), 'producer');
    },
    send(batch) {
      return connection ? connection.send(batch) : Promise.reject(new Error('[recon:kafka] producer used before connect()'));
    },
    async disconnect() {
      const c = connection;
      connection = undefined;
      await c?.close('disconnecting the producer');
    },
  };
}

/**
 * The transactional producer over the addon, with the librdkafka adapter's contract: the first
 * `begin()` registers the transactional id (fencing older producers); `send` resolves once its
 * messages are acknowledged; `commit` fails when any message of the transaction was not delivered.
 */
export function createBatchTransactionalProducer(context: BatchProducerContext, options: { transactionalId: string; transactionTimeoutMs: number }): TransactionalProducerPort {
  let connection: Connection | undefined;
  let registered = false;
  const timeoutMs = options.transactionTimeoutMs;
  return {
    async connect() {
      const config = context.config(PRODUCER_DEFAULTS, {
        'transactional.id': options.transactionalId,
        'transaction.timeout.ms': timeoutMs,
        'enable.idempotence': true,
        acks: 'all',
      });
      connection = connect(context, config, 'transactional producer');
    },
    async begin() {
      const c = connection;
      if (!c) throw new Error('[recon:kafka] transactional producer used before connect()');
      if (!registered) {
        await c.run(NativeOp.initTransactions, timeoutMs, `registering transactional id "${options.transactionalId}"`);
        registered = true;
      }
      await c.run(NativeOp.beginTransaction, timeoutMs, 'beginning a transaction');
      return {
        send: (batch) => c.send(batch),
        commit: () => c.run(NativeOp.commitTransaction, timeoutMs, 'committing a transaction'),
        abort: () => c.run(NativeOp.abortTransaction, timeoutMs, 'aborting a transaction'),
      };
    },
    async disconnect() {
      const c = connection;
      connection = undefined;
      await c?.close('disconnecting the transactional producer');
    },
  };
}
