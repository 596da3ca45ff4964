/**
 * Secret hygiene. Two complementary defences:
 * 1. by name: headers and query parameters that carry credentials are replaced wholesale;
 * 2. by value: every secret a connector was configured with is scrubbed from any string
 *    (a bank echoing the API key in an error body, a token inside a URL path, ...).
 */

/** The parts of an HTTP request that are safe to print once redacted. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
}

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-?key|apikey|x-auth-token|x-access-token|client[-_]?secret|x-client-secret|.*secret.*|.*password.*|.*token.*)$/i;
const SENSITIVE_PARAM = /^(client_secret|access_token|refresh_token|id_token|token|key_secret|secret|password|passphrase|api_?key|apikey|signature|sig|code)$/i;
/** Secrets shorter than this are not scrubbed by value: they would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** True when a header name usually carries a credential. */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

/** Copy of `headers` with credential-bearing values replaced and every value a string. */
export function redactHeaders(headers: Record<string, unknown> | undefined, scrub: (s: string) => string = (s) => s): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name] = isSensitiveHeader(name) ? REDACTED : scrub(Array.isArray(value) ? value.join(', ') : String(value));
  }
  return out;
}

/** URL with user-info and credential query parameters redacted. Tolerates relative and malformed URLs. */
export function redactUrl(url: string, scrub: (s: string) => string = (s) => s): string {
  try {
    const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
    const parsed = new URL(url, 'http://relative.invalid');
    if (parsed.username) parsed.username = REDACTED;
    if (parsed.password) parsed.password = REDACTED;
    for (const key of [...parsed.searchParams.keys()]) {
      if (SENSITIVE_PARAM.test(key)) parsed.searchParams.set(key, REDACTED);
    }
    const text = isAbsolute ? parsed.toString() : parsed.toString().replace('http://relative.invalid', '');
    return scrub(text.replaceAll(encodeURIComponent(REDACTED), REDACTED));
  } catch {
    return scrub(url.replace(/\/\/[^@/]*@/, `//${REDACTED}@`));
  }
}

/**
 * A scrubber for a fixed set of secret values: replaces every occurrence (also URL- and
 * base64-encoded forms, which is how they appear in Basic auth and query strings) with `[REDACTED]`.
 */
export interface Redactor {
  /** Scrub one string. */
  (text: string): string;
  /** Deep copy of a JSON-like value with every string scrubbed and sensitive keys replaced. */
  value<T>(value: T): T;
  /** The secret values this redactor knows (for tests that scan output). */
  readonly secrets: readonly string[];
}

/** Build a {@link Redactor} for the given secret values (empty and very short values are ignored). */
export function createRedactor(secrets: Iterable<string | undefined | null>): Redactor {
  const variants = new Set<string>();
  const base: string[] = [];
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    base.push(secret);
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  const scrub = ((text: string) => {
    let out = text;
    for (const v of ordered) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }) as Redactor;
  const deep = (value: unknown, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => deep(v, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSensitiveHeader(k) && typeof v === 'string' ? REDACTED : deep(v, seen);
    return out;
  };
  Object.defineProperty(scrub, 'value', { value: <T>(v: T): T => deep(v, new WeakSet()) as T });
  Object.defineProperty(scrub, 'secrets', { value: Object.freeze(base) });
  return scrub;
}
