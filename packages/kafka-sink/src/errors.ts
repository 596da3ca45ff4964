import { ReconError } from '@recon/core';

/** Codes of the errors this package throws (`error.code`). */
export const KAFKA_ERROR_CODES = {
  /** Another instance took over the transactional id: this one must stop, not retry. */
  fenced: 'KAFKA_PRODUCER_FENCED',
  /** Reading a topic to its end did not finish in time (often: a foreign open transaction). */
  readTimeout: 'KAFKA_READ_TIMEOUT',
  /** Anything else the Kafka client reported. */
  client: 'KAFKA_ERROR',
  /** A write gave up after its attempts. */
  writeFailed: 'KAFKA_WRITE_FAILED',
  /** A stored cursor record could not be read back. */
  cursorInvalid: 'KAFKA_CURSOR_INVALID',
} as const;

/**
 * Error types meaning "a newer producer with your transactional id exists": the broker's, and
 * librdkafka's local `_FENCED` (its producer raises that once the broker said so).
 */
const FENCED_TYPES = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED', 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED', 'INVALID_PRODUCER_ID_MAPPING', '_FENCED']);

/** librdkafka error types of connection trouble (kafkajs says it with the error's class name instead). */
const NETWORK_TYPES = new Set(['_TRANSPORT', '_ALL_BROKERS_DOWN', '_RESOLVE', '_TIMED_OUT', '_TIMED_OUT_QUEUE', '_MSG_TIMED_OUT', 'REQUEST_TIMED_OUT', 'NETWORK_EXCEPTION']);

/** Error `type`s found on an error and its causes (kafkajs nests them in retries; the librdkafka adapter sets one). */
function errorTypes(error: unknown): string[] {
  const types: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { type?: unknown; originalError?: unknown; cause?: unknown };
    if (typeof e.type === 'string') types.push(e.type);
    current = e.originalError ?? e.cause;
  }
  return types;
}

/** True when the error says this producer was fenced by a newer one with the same transactional id. */
export function isFencedError(error: unknown): boolean {
  if (error instanceof ReconError) return error.code === KAFKA_ERROR_CODES.fenced;
  return errorTypes(error).some((t) => FENCED_TYPES.has(t));
}

/**
 * A Kafka client error as a {@link ReconError}: stable code, `kind` (`network` for connection
 * trouble, `upstream` for broker answers), `retryable` as the client says. Kafka errors carry no
 * credentials (SASL secrets never appear in kafkajs or librdkafka messages), and the message names the operation.
 */
export function toKafkaError(error: unknown, what: string): ReconError {
  if (error instanceof ReconError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : 'Error';
  const types = errorTypes(error);
  if (types.some((t) => FENCED_TYPES.has(t))) {
    return new ReconError(`[recon:kafka] ${what}: producer fenced by a newer instance with the same transactional id (${message})`, {
      code: KAFKA_ERROR_CODES.fenced,
      kind: 'config',
      retryable: false,
      cause: error,
      details: { types },
    });
  }
  const network = /Connection|Timeout|NoBrokerAvailable|BrokerNotFound/.test(name) || types.some((t) => NETWORK_TYPES.has(t));
  const retriable = (error as { retriable?: unknown }).retriable;
  return new ReconError(`[recon:kafka] ${what}: ${message}`, {
    code: KAFKA_ERROR_CODES.client,
    kind: network ? 'network' : 'upstream',
    retryable: typeof retriable === 'boolean' ? retriable || network : true,
    cause: error,
    ...(types.length > 0 && { details: { types } }),
  });
}
