import type { Redactor } from '../errors';

/** Longest body excerpt kept in an error's details. */
export const BODY_SNIPPET_LIMIT = 1024;

/**
 * A fresh Error that keeps only what is safe from a transport error: name, scrubbed message and
 * code. The axios error itself holds `config.headers` (Authorization included) and the socket, so
 * it must never become a `cause`.
 */
export function sanitizeCause(error: unknown, scrub: Redactor): Error {
  const source = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; code?: unknown };
  const message = typeof source.message === 'string' ? source.message : String(error);
  const clean = new Error(scrub(message));
  clean.name = typeof source.name === 'string' ? source.name : 'Error';
  if (typeof source.code === 'string') Object.defineProperty(clean, 'code', { value: source.code, enumerable: true });
  // The stack would point into axios internals and add nothing; keep the first line only.
  clean.stack = `${clean.name}: ${clean.message}`;
  return clean;
}

/**
 * A short, scrubbed excerpt of a response body for error details. JSON is scrubbed structurally
 * first (so `access_token` fields go even when their values are unknown), then everything by value;
 * truncation comes last so it can never split a secret in half before the scrub sees it.
 */
export function bodySnippet(data: unknown, scrub: Redactor, limit = BODY_SNIPPET_LIMIT): string | undefined {
  if (data === undefined || data === null || data === '') return undefined;
  let text: string;
  if (Buffer.isBuffer(data)) text = scrub(data.toString('utf8'));
  else if (typeof data === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      parsed = undefined;
    }
    text = parsed !== undefined && typeof parsed === 'object' ? JSON.stringify(scrub.value(parsed)) : scrub(data);
  } else text = JSON.stringify(scrub.value(data)) ?? '';
  return text.length > limit ? `${text.slice(0, limit)}…[truncated ${text.length - limit} chars]` : text;
}

/** Flatten axios response headers into lower-case string values. */
export function plainHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  const source = typeof (headers as { toJSON?: unknown }).toJSON === 'function' ? (headers as { toJSON(): object }).toJSON() : headers;
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Response headers that commonly carry an upstream request id, most specific first. */
export const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid', 'x-amz-request-id', 'x-trace-id'];

/** The first request-id header present, scrubbed. */
export function findRequestId(headers: Record<string, string>, names: readonly string[], scrub: Redactor): string | undefined {
  for (const name of names) {
    const value = headers[name.toLowerCase()];
    if (value) return scrub(value);
  }
  return undefined;
}
