import { basicAuth, createHttpClient, formatIssues, offsetPaging, paginate, UpstreamError } from '@recon/core';
import type { HttpClient, Logger, RateLimitOptions, Redactor, RetryOptions, ValidationIssue } from '@recon/core';
import { MAX_LIST_COUNT, MAX_RECON_COUNT, RAZORPAY_BASE_URL, RAZORPAY_SOURCE } from '../constants';
import { VERSION } from '../version';
import { classifyRazorpayResponse, enrichRazorpayError } from './errors';
import { listQuery, reconQuery, type ListParams, type ReconParams } from './params';

/** Options of {@link createRazorpayClient}. */
export interface RazorpayClientOptions {
  /** `rzp_live_…` or `rzp_test_…`. Not a secret (Checkout embeds it), but paired with the secret. */
  keyId: string;
  keySecret: string;
  /** Default `https://api.razorpay.com`; the sandbox's `url` in tests. */
  baseUrl?: string;
  /** Per-attempt deadline in ms (default 30 000; razorpay-node has none). */
  timeoutMs?: number;
  retry?: Omit<RetryOptions, 'classify'>;
  /** Client-side throttle. Razorpay publishes no numbers; 429s are retried with backoff either way. */
  rateLimit?: RateLimitOptions;
  /** Partner apps: act for this sub-merchant (`X-Razorpay-Account`). */
  account?: string;
  logger?: Logger;
  /** A connector's redactor, so its secrets are scrubbed too. */
  redactor?: Redactor;
}

/** One page of a list, as fetched. Items are untyped: they are validated when mapped. */
export interface RazorpayPage {
  items: unknown[];
  /** The offset this page was fetched at. */
  skip: number;
  /** Offset of the next page, absent on the last page. */
  next: number | undefined;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * A thin, typed Razorpay v1 client on the core HTTP kit: Basic auth, timeouts, retries with
 * backoff and jitter, `Retry-After`, typed errors carrying Razorpay's error envelope, and no
 * credential in any log line or error. Lists page to completion (a short page is the last).
 */
export interface RazorpayClient {
  /** `GET /v1/payments`, page by page, newest first. */
  payments(params?: ListParams, options?: CallOptions): AsyncIterable<RazorpayPage>;
  /** `GET /v1/payments/:id`. Razorpay answers an unknown id with 400, not 404. */
  payment(id: string, options?: CallOptions): Promise<unknown>;
  /** `GET /v1/refunds`, page by page. */
  refunds(params?: ListParams, options?: CallOptions): AsyncIterable<RazorpayPage>;
  /** `GET /v1/refunds/:id`. */
  refund(id: string, options?: CallOptions): Promise<unknown>;
  /** `GET /v1/payments/:id/refunds`, page by page. */
  paymentRefunds(paymentId: string, params?: ListParams, options?: CallOptions): AsyncIterable<RazorpayPage>;
  /** `GET /v1/settlements`, page by page. */
  settlements(params?: ListParams, options?: CallOptions): AsyncIterable<RazorpayPage>;
  /** `GET /v1/settlements/:id`. */
  settlement(id: string, options?: CallOptions): Promise<unknown>;
  /** `GET /v1/settlements/recon/combined` for one IST day (or month), page by page (count up to 1000). */
  settlementRecon(params: ReconParams, options?: CallOptions): AsyncIterable<RazorpayPage>;
  /** The underlying HTTP client, for endpoints this client does not wrap. */
  readonly http: HttpClient;
}

/** Check the collection envelope `{ entity: 'collection', count, items }`; anything else is an upstream fault. */
export function itemsOf(body: unknown, path: string): unknown[] {
  const issues: ValidationIssue[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) issues.push({ path: [], message: 'must be a JSON object' });
  else {
    const { entity, items } = body as { entity?: unknown; items?: unknown };
    if (entity !== 'collection') issues.push({ path: ['entity'], message: 'must be "collection"' });
    if (!Array.isArray(items)) issues.push({ path: ['items'], message: 'must be an array' });
  }
  if (issues.length > 0) {
    // Not retryable: the same request would get the same body. Not InvalidData: no record to keep.
    throw new UpstreamError(`[recon:${RAZORPAY_SOURCE}] ${path} did not return a collection: ${formatIssues(issues)}`, {
      code: 'RAZORPAY_RESPONSE_SHAPE',
      retryable: false,
      connector: RAZORPAY_SOURCE,
      details: { issues },
    });
  }
  return (body as { items: unknown[] }).items;
}

/** Build a {@link RazorpayClient}. Credentials live in the auth strategy's closure, never on the object. */
export function createRazorpayClient(options: RazorpayClientOptions): RazorpayClient {
  const http = createHttpClient({
    baseURL: options.baseUrl ?? RAZORPAY_BASE_URL,
    connector: RAZORPAY_SOURCE,
    auth: basicAuth(options.keyId, options.keySecret),
    timeoutMs: options.timeoutMs ?? 30_000,
    headers: {
      'User-Agent': `recon-razorpay/${VERSION}`,
      Accept: 'application/json',
      ...(options.account !== undefined && { 'X-Razorpay-Account': options.account }),
    },
    classifyResponse: classifyRazorpayResponse,
    ...(options.retry && { retry: options.retry }),
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    ...(options.logger && { logger: options.logger }),
    ...(options.redactor && { redactor: options.redactor }),
  });

  const get = async (path: string, params: Record<string, unknown> | undefined, signal: AbortSignal | undefined): Promise<unknown> => {
    try {
      const response = await http.get<unknown>(path, { ...(params && { params }), ...(signal && { signal }) });
      return response.data;
    } catch (error) {
      throw enrichRazorpayError(error);
    }
  };

  /** Count/skip paging to completion through the kit's `paginate` (loop and repeat guards included). */
  async function* pages(path: string, baseQuery: Record<string, unknown>, pageSize: number, startSkip: number, signal?: AbortSignal): AsyncGenerator<RazorpayPage> {
    const paging = offsetPaging({ pageSize });
    const fetched = paginate<unknown, number>(
      async (skip, pageSignal) => {
        const at = skip ?? startSkip;
        const items = itemsOf(await get(path, { ...baseQuery, ...paging.params(at) }, pageSignal), path);
        return paging.page(items, at);
      },
      { connector: RAZORPAY_SOURCE, ...(signal && { signal }) },
    );
    for await (const page of fetched) yield { items: page.items, skip: page.cursor ?? startSkip, next: page.next };
  }

  const list = (path: string) => (params: ListParams = {}, call: CallOptions = {}) => {
    const { count, skip, ...rest } = listQuery(params);
    return pages(path, rest, count ?? MAX_LIST_COUNT, skip ?? 0, call.signal);
  };
  const one = (prefix: string) => (id: string, call: CallOptions = {}) => get(`${prefix}/${encodeURIComponent(id)}`, undefined, call.signal);

  return Object.freeze({
    http,
    payments: list('/v1/payments'),
    payment: one('/v1/payments'),
    refunds: list('/v1/refunds'),
    refund: one('/v1/refunds'),
    paymentRefunds: (paymentId: string, params: ListParams = {}, call: CallOptions = {}) => list(`/v1/payments/${encodeURIComponent(paymentId)}/refunds`)(params, call),
    settlements: list('/v1/settlements'),
    settlement: one('/v1/settlements'),
    settlementRecon(params: ReconParams, call: CallOptions = {}) {
      const { count, skip, ...rest } = reconQuery(params);
      return pages('/v1/settlements/recon/combined', rest, Number(count ?? MAX_RECON_COUNT), Number(skip ?? 0), call.signal);
    },
  });
}
