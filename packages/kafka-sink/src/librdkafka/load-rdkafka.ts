import type * as RdKafkaModule from '@confluentinc/kafka-javascript';
import { ConfigError } from '@recon/core';

/** The `@confluentinc/kafka-javascript` module (its node-rdkafka style API). */
export type RdKafka = typeof RdKafkaModule;

/** npm name of the librdkafka binding this adapter runs on (an optional peer dependency). */
export const RDKAFKA_PACKAGE = '@confluentinc/kafka-javascript';

let loading: Promise<RdKafka> | undefined;

/**
 * Loads the native client on first use, so `@recon/kafka-sink` works (with kafkajs) when it is
 * not installed. A failure is not cached: a later call tries again.
 */
export function loadRdKafka(): Promise<RdKafka> {
  loading ??= import('@confluentinc/kafka-javascript').then(
    // A CommonJS module: its exports are the namespace's default under ESM, the namespace itself under CJS.
    (namespace) => ((namespace as { default?: RdKafka }).default ?? namespace) as RdKafka,
    (error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ConfigError(
        `[recon:kafka] the librdkafka adapter needs ${RDKAFKA_PACKAGE} (an optional peer dependency): install it, or use the default kafkajs client. Loading it failed: ${reason}`,
        { code: 'KAFKA_CLIENT_MISSING', cause: error },
      );
    },
  );
  return loading;
}
