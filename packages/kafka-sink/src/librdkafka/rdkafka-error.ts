/** What librdkafka reports (`LibrdKafkaError` of the binding, or a plain error code object). */
interface LibrdKafkaErrorLike {
  message?: unknown;
  code?: unknown;
  isFatal?: unknown;
  isRetriable?: unknown;
  isTxnRequiresAbort?: unknown;
}

/**
 * A librdkafka error in the shape `errors.ts` reads: `type` is librdkafka's error name without
 * its `ERR_` prefix (`PRODUCER_FENCED`, `INVALID_PRODUCER_EPOCH`, and `_FENCED`, `_TRANSPORT`
 * for errors raised locally), `retriable` as librdkafka says. The original error is the `cause`.
 */
export class RdKafkaClientError extends Error {
  override readonly name = 'LibrdKafkaError';
  readonly type: string;
  /** librdkafka's numeric error code. */
  readonly code: number;
  readonly retriable: boolean;
  /** The client is unusable after this error (fenced, or an idempotence guarantee broken). */
  readonly fatal: boolean;

  constructor(message: string, details: { type: string; code: number; retriable: boolean; fatal: boolean; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.type = details.type;
    this.code = details.code;
    this.retriable = details.retriable;
    this.fatal = details.fatal;
  }
}

/** Code → name of librdkafka's error table (`CODES.ERRORS` of the binding), prefix dropped. */
export function errorNames(codes: Record<string, number>): Map<number, string> {
  const names = new Map<number, string>();
  for (const [name, code] of Object.entries(codes)) names.set(code, name.replace(/^ERR_/, ''));
  return names;
}

/**
 * Wraps whatever the binding threw or passed to a callback. Already wrapped errors and errors
 * without a numeric code (a bug in this adapter, a JS `TypeError`) pass through unchanged.
 */
export function toRdKafkaError(error: unknown, names: Map<number, string>, what?: string): unknown {
  if (error instanceof RdKafkaClientError || typeof error !== 'object' || error === null) return error;
  const e = error as LibrdKafkaErrorLike;
  if (typeof e.code !== 'number') return error;
  const type = names.get(e.code) ?? `CODE_${e.code}`;
  const text = typeof e.message === 'string' && e.message !== '' ? e.message : type;
  return new RdKafkaClientError(what ? `${what}: ${text}` : text, {
    type,
    code: e.code,
    retriable: e.isRetriable === true,
    fatal: e.isFatal === true,
    cause: error,
  });
}
