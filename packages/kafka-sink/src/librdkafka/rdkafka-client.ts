import type { Logger } from '@recon/core';
import { loadRdKafka, type RdKafka } from './load-rdkafka';
import { errorNames, toRdKafkaError } from './rdkafka-error';

/** A librdkafka configuration: property name → value (see librdkafka's CONFIGURATION.md). */
export type RdKafkaConfig = Record<string, string | number | boolean>;

/** Options of {@link createRdKafkaPort}. */
export interface RdKafkaPortOptions {
  /** Bootstrap brokers, `host:port`. */
  brokers: string[];
  /** `client.id` of every client (default `recon`). */
  clientId?: string;
  /**
   * librdkafka properties for every client the port creates: TLS and SASL
   * (`security.protocol`, `sasl.mechanisms`, `sasl.username`, `sasl.password`, `ssl.ca.location`),
   * tuning (`linger.ms`, `retry.backoff.ms`). They override this adapter's defaults, never the
   * settings its guarantees rest on (idempotence, `acks`, `isolation.level`, manual commits).
   */
  config?: RdKafkaConfig;
  /** Where librdkafka's warnings and errors go. Nothing is printed without one. */
  logger?: Logger;
}

/** Events every librdkafka client emits that the adapter listens to. */
interface LoggingClient {
  on(event: 'event.log', listener: (log: { severity?: number; fac?: string; message?: string }) => void): unknown;
  on(event: 'event.error', listener: (error: { message?: string; code?: number; isFatal?: boolean }) => void): unknown;
}

/** What the adapter's parts share: the loaded module, the config recipe, error wrapping. */
export interface RdKafkaContext {
  rd: RdKafka;
  /** `defaults`, then the user's `config`, then `required` (which nobody overrides). */
  config(defaults: RdKafkaConfig, required: RdKafkaConfig): RdKafkaConfig;
  /** Routes a client's log lines and background errors to the logger. */
  watch(client: LoggingClient, role: string): void;
  /** A binding error as an {@link RdKafkaClientError} (typed, with `retriable`), prefixed by `what`. */
  wrap(error: unknown, what?: string): unknown;
  /** Runs a callback-style binding call as a promise; synchronous throws reject it too. */
  call<T = void>(what: string, start: (done: (error: unknown, value?: T) => void) => void): Promise<T>;
}

/**
 * The shared context, built on first use (that is when the native module loads).
 * librdkafka severities are syslog's: 0–4 (emergency to warning) go to `warn`, the rest to
 * `debug`. Background errors (a broker connection lost, all brokers down) go to `warn`: librdkafka
 * retries them itself, and what really fails reaches the caller as a rejected promise.
 */
export function rdkafkaContext(options: RdKafkaPortOptions): () => Promise<RdKafkaContext> {
  let context: Promise<RdKafkaContext> | undefined;
  const build = async (): Promise<RdKafkaContext> => {
    const rd = await loadRdKafka();
    const names = errorNames((rd as unknown as { CODES: { ERRORS: Record<string, number> } }).CODES.ERRORS);
    const wrap = (error: unknown, what?: string) => toRdKafkaError(error, names, what);
    const base: RdKafkaConfig = { 'bootstrap.servers': options.brokers.join(','), 'client.id': options.clientId ?? 'recon' };
    const logger = options.logger;
    return {
      rd,
      config: (defaults, required) => ({ ...base, ...defaults, ...options.config, ...required }),
      watch: (client, role) => {
        if (!logger) return;
        client.on('event.log', (log) => {
          const fields = { librdkafka: role, facility: log.fac };
          if ((log.severity ?? 7) <= 4) logger.warn(fields, `librdkafka: ${log.message ?? ''}`);
          else logger.debug(fields, `librdkafka: ${log.message ?? ''}`);
        });
        client.on('event.error', (error) => {
          const fields = { librdkafka: role, code: error.code, fatal: error.isFatal === true };
          if (error.isFatal) logger.error(fields, `librdkafka: ${error.message ?? ''}`);
          else logger.warn(fields, `librdkafka: ${error.message ?? ''}`);
        });
      },
      wrap,
      call: (what, start) =>
        new Promise((resolve, reject) => {
          try {
            start((error, value) => (error ? reject(wrap(error, what)) : resolve(value as never)));
          } catch (error) {
            reject(wrap(error, what));
          }
        }),
    };
  };
  return () => {
    context ??= build().catch((error: unknown) => {
      context = undefined;
      throw error;
    });
    return context;
  };
}
