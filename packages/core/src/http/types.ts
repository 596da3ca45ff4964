import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { ErrorKind, Redactor } from '../errors';
import type { Logger } from '../logging/logger';
import type { AuthStrategy } from './auth/types';

/** HTTP methods the kit sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How the response body is decoded. `json` (default) fails with `RESPONSE_MALFORMED` on a body that does not parse. */
export type ResponseType = 'json' | 'text' | 'arraybuffer';

/** What to do with a failed attempt. */
export type ErrorAction = 'retry' | 'fail' | 'rate_limited' | 'refresh_auth';

/** A response as the kit hands it to callers and classification hooks. Header names are lower-case. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

/** A successful call: the response plus how many times the request was sent. */
export interface HttpResult<T> extends HttpResponse<T> {
  /** Requests actually sent, including retries and the one repeat after an auth refresh. */
  attempts: number;
}

/**
 * What a classification rule sees about a failed attempt. `code` is the transport code
 * (`ECONNRESET`, `ECONNREFUSED`, ...), `TIMEOUT`, or `RESPONSE_MALFORMED` for a body that did not
 * decode; `status` is set whenever a response arrived.
 */
export interface ErrorContext {
  method: string;
  status?: number;
  code?: string;
  /** Sanitized transport error (never the raw axios error, which holds the request headers). */
  error?: Error;
  /** The response, body decoded when possible (text when JSON failed to parse). */
  response?: HttpResponse;
}

/** The decision for one failed attempt. */
export interface ErrorVerdict {
  action: ErrorAction;
  /** Which error class to throw; inferred from status/code when absent. */
  kind?: ErrorKind;
  /** Stable SCREAMING_SNAKE code; defaults to `HTTP_<status>` or the network code. */
  code?: string;
  /** Human message, e.g. the bank's own error text (it is scrubbed before use). */
  message?: string;
  /** Extra secret-free detail merged into the error's `details`. */
  details?: Record<string, unknown>;
}

/** One row of the classification table (the Airbyte error-mapping idea). First match wins. */
export interface ErrorRule extends ErrorVerdict {
  match(ctx: ErrorContext): boolean;
}

/**
 * Turns a 2xx answer into a failure when the API wraps errors in a success envelope (ICICI's
 * `RESPONSE: "Failure"`, Razorpay's `error` object). Return `undefined` for a genuine success.
 */
export type ResponseClassifier = (response: HttpResponse) => ErrorVerdict | undefined;

/** Retry policy. Defaults in brackets. */
export interface RetryOptions {
  /** Retries after the first attempt [4]. */
  retries?: number;
  /** Base of the exponential backoff [500]. */
  minDelayMs?: number;
  /** Cap of one backoff sleep [30 000]. */
  maxDelayMs?: number;
  /** Growth per attempt [2]. */
  factor?: number;
  /** Full jitter: sleep a random time in [0, backoff] [true]. */
  jitter?: boolean;
  /** Longest `Retry-After` honoured; beyond it give up at once with `retryAfterMs` set [300 000]. */
  maxRetryAfterMs?: number;
  /** Give up when the next sleep would end after this much time since the first attempt [120 000]. */
  maxElapsedMs?: number;
  /** Rules tried before the default table. */
  classify?: ErrorRule[];
}

/** Client-side throttle; state lives on the client instance. */
export interface RateLimitOptions {
  perHour?: number;
  perMinute?: number;
  /** Enforced as even spacing (`1000 / perSecond` ms between starts). */
  perSecond?: number;
  maxConcurrent?: number;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Prefix of every relative request URL. */
  baseURL: string;
  /** Connector id, carried on every error and log line. */
  connector: string;
  /** Per-attempt deadline covering connect, headers and body [30 000]. */
  timeoutMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  auth?: AuthStrategy;
  rateLimit?: RateLimitOptions;
  retry?: RetryOptions;
  /** Applied to every 2xx; see {@link ResponseClassifier}. */
  classifyResponse?: ResponseClassifier;
  /** Silent by default. Requests are logged at debug, retries at warn. */
  logger?: Logger;
  /** Extra values to scrub, on top of the auth strategy's own. */
  secrets?: string[];
  /** A connector's redactor: its secrets are scrubbed too. */
  redactor?: Redactor;
  /** Response headers searched for an upstream request id, before the defaults. */
  requestIdHeaders?: string[];
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
  /** `false` ignores HTTP(S)_PROXY from the environment (axios honours it by default). */
  proxy?: false;
}

/** One request. */
export interface HttpRequest {
  method: HttpMethod;
  /** Relative to `baseURL`, or absolute. */
  url: string;
  params?: Record<string, unknown>;
  /** Objects are sent as JSON; `URLSearchParams` as a form. */
  data?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the client's per-attempt deadline. */
  timeoutMs?: number;
  /** Sent as `idempotencyHeader`; `true` generates a UUID. Makes a POST safe to retry. */
  idempotencyKey?: string | true;
  /** Header carrying the idempotency key ['Idempotency-Key']. */
  idempotencyHeader?: string;
  /**
   * Declares that repeating this request is harmless though its method is not idempotent: a read
   * expressed as POST (several bank statement APIs) or a token request.
   */
  idempotent?: boolean;
  /** `false` disables retries for this call (an auth refresh still happens). */
  retry?: false | Pick<RetryOptions, 'retries' | 'maxElapsedMs'>;
  responseType?: ResponseType;
  /** Runs before the client's `classifyResponse`. */
  classifyResponse?: ResponseClassifier;
}

/** Options of the `get`/`post` shortcuts. */
export type HttpShortcutOptions = Omit<HttpRequest, 'method' | 'url' | 'data'>;

/**
 * The shared client. Every rejection is a `ReconError` subclass carrying a redacted `request`;
 * the underlying axios error never escapes.
 */
export interface HttpClient {
  readonly connector: string;
  request<T = unknown>(request: HttpRequest): Promise<HttpResult<T>>;
  get<T = unknown>(url: string, options?: HttpShortcutOptions): Promise<HttpResult<T>>;
  post<T = unknown>(url: string, data?: unknown, options?: HttpShortcutOptions): Promise<HttpResult<T>>;
}
