import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@recon/core';

/** An open native producer (librdkafka's `rd_kafka_t`), as the addon hands it out. */
export type NativeHandle = { readonly __brand: 'recon-batch-producer' };

/**
 * Called on the JavaScript thread for every finished batch (`id` ≥ 0: `errors` failed deliveries,
 * the first one's `code` and `text`), for librdkafka errors (`id` -1: `detail` 1 when fatal) and
 * for log lines (`id` -2: `detail` is the syslog level).
 */
export type NativeHandler = (id: number, detail: number, code: number, text: string) => void;

/** Blocking librdkafka calls the addon runs off the JavaScript thread. */
export const NativeOp = { initTransactions: 0, beginTransaction: 1, commitTransaction: 2, abortTransaction: 3, flush: 4, close: 5 } as const;

/** The addon's functions (`native/batch-producer.c`). */
export interface NativeBatchProducer {
  /** A producer from librdkafka properties given as name, value, name, value... */
  create(config: string[], handler: NativeHandler): NativeHandle;
  /**
   * Enqueues messages `start` to `end` (exclusive) of a packed write as one batch `id`; returns how
   * many it enqueued (fewer when librdkafka's local queue is full). Throws an error with a numeric
   * `code` when it could enqueue none for another reason.
   */
  produce(handle: NativeHandle, topic: string, data: Buffer, messages: Int32Array, refs: Int32Array, headers: Int32Array, start: number, end: number, id: number): number;
  /** One of {@link NativeOp}; rejects with a librdkafka error (`code`, `isFatal`, `isRetriable`, `isTxnRequiresAbort`). */
  run(handle: NativeHandle, op: number, timeoutMs: number): Promise<void>;
  /** librdkafka's name of an error code (`MSG_SIZE_TOO_LARGE`, `_QUEUE_FULL`). */
  errorName(code: number): string;
  /** The version of the librdkafka it runs on. */
  librdkafkaVersion(): string;
}

/** File name of the addon that `scripts/build-librdkafka.mjs` builds. */
export const NATIVE_ADDON = 'recon_batch_producer.node';

let loaded: NativeBatchProducer | undefined;

/**
 * Loads the addon from `native/build/Release` of this package (found by walking up from this
 * file, which sits in `src/rdkafka-batch` or in `dist`). It links against the librdkafka shared
 * library of `@confluentinc/kafka-javascript`'s build, so that package must be built too.
 */
export function loadNativeBatchProducer(): NativeBatchProducer {
  if (loaded) return loaded;
  // `__dirname` in the CommonJS build, `import.meta.url` in the ESM build and the sources.
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const file = join(dir, 'native', 'build', 'Release', NATIVE_ADDON);
    if (!existsSync(file)) continue;
    try {
      loaded = createRequire(join(dir, 'package.json'))(file) as NativeBatchProducer;
      return loaded;
    } catch (error) {
      throw new ConfigError(`[recon:kafka] the batch producer addon (${file}) does not load: ${error instanceof Error ? error.message : String(error)}`, {
        code: 'KAFKA_CLIENT_MISSING',
        cause: error,
      });
    }
  }
  throw new ConfigError(
    '[recon:kafka] the batch producer addon is not built: run the scripts/build-librdkafka.mjs of @recon/kafka-sink (it builds @confluentinc/kafka-javascript and the addon), or use createRdKafkaPort',
    { code: 'KAFKA_CLIENT_MISSING' },
  );
}
