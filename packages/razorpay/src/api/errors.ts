import { AuthError, ConfigError, InvalidDataError, isReconError, NetworkError, RateLimitError, ReconError, UpstreamError } from '@recon/core';
import type { ReconErrorOptions, ResponseClassifier } from '@recon/core';
import type { RazorpayErrorBody } from './types';

/**
 * Read Razorpay's error envelope `{ error: { code, description, field, source, step, reason } }`
 * from a response body (object or JSON text), or `undefined` when the body is something else (an
 * HTML 502 page from a proxy, an empty body, a truncated excerpt).
 */
export function parseRazorpayError(body: unknown): RazorpayErrorBody | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, description } = error as { code?: unknown; description?: unknown };
  if (typeof code !== 'string' || typeof description !== 'string') return undefined;
  return error as RazorpayErrorBody;
}

/** The parts of an envelope worth keeping on a thrown error (metadata may hold ids; it stays out). */
function summaryOf(error: RazorpayErrorBody): Record<string, string> {
  const out: Record<string, string> = { code: error.code, description: error.description };
  for (const key of ['field', 'source', 'step', 'reason'] as const) {
    const value = error[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

/** `BAD_REQUEST_ERROR` → `RAZORPAY_BAD_REQUEST_ERROR`: a stable code callers can branch on. */
export function razorpayErrorCode(error: RazorpayErrorBody): string {
  return `RAZORPAY_${error.code.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * A 2xx whose body is Razorpay's error envelope is a failure. Razorpay documents every success as
 * 200 with the entity, but a proxy or partner endpoint answering 200 with `{ error }` must not read
 * as an empty page (which would silently end the read).
 */
export const classifyRazorpayResponse: ResponseClassifier = (response) => {
  const error = parseRazorpayError(response.data);
  if (!error) return undefined;
  return { action: 'fail', kind: 'upstream', code: razorpayErrorCode(error), message: error.description, details: { razorpay: summaryOf(error) } };
};

/**
 * Put Razorpay's own words into an error the HTTP kit threw: the envelope's description joins the
 * message, its code becomes `RAZORPAY_<CODE>` and its fields go to `details.razorpay`. The kit keeps
 * a scrubbed excerpt of the error body in `details.body`; that is what is read here, so nothing
 * unscrubbed can enter. The class, kind, retryability, status and redacted request are kept.
 */
export function enrichRazorpayError(error: unknown): unknown {
  if (!isReconError(error) || error.status === undefined) return error;
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (details['razorpay'] !== undefined) return error;
  const envelope = parseRazorpayError(details['body']);
  if (!envelope) return error;
  const summary = summaryOf(envelope);
  const field = summary['field'] === undefined ? '' : ` (field: ${summary['field']})`;
  const options: ReconErrorOptions = {
    code: razorpayErrorCode(envelope),
    kind: error.kind,
    retryable: error.retryable,
    status: error.status,
    details: { ...details, razorpay: summary },
    ...(error.connector !== undefined && { connector: error.connector }),
    ...(error.requestId !== undefined && { requestId: error.requestId }),
    ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
    ...(error.request !== undefined && { request: error.request }),
    ...(error.cause !== undefined && { cause: error.cause }),
  };
  const message = `${error.message}: ${envelope.description}${field}`;
  const { kind: _kind, code, ...rest } = options;
  switch (error.kind) {
    case 'auth':
      return new AuthError(message, { ...rest, code });
    case 'rate_limit':
      // 429 keeps a code that says "rate limited" whatever Razorpay's body calls it.
      return new RateLimitError(message, { ...rest, code: error.code });
    case 'upstream':
      return new UpstreamError(message, { ...rest, code });
    case 'config':
      return new ConfigError(message, { ...rest, code });
    case 'invalid_data':
      return new InvalidDataError(message, { ...rest, code });
    case 'network':
    case 'timeout':
    case 'aborted':
      return new NetworkError(message, { ...rest, code, kind: error.kind });
    default:
      return new ReconError(message, options);
  }
}
