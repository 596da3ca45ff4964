import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { ConfigError, createRedactor, isReconError, NetworkError, ReconError, redactHeaders, redactUrl } from '../errors';
import type { RedactedRequest, Redactor } from '../errors';
import { childLogger, silentLogger } from '../logging/logger';
import type { AuthRequest } from './auth/types';
import { sleep } from './abort';
import { backoffDelay } from './backoff';
import { buildError } from './build-error';
import { classifyError, MALFORMED_CODE, NOT_SENT_CODES, TIMEOUT_CODE } from './classify';
import { decodeBody, decodeErrorBody } from './decode-body';
import { createRateLimiter } from './rate-limiter';
import { resolveRetryPolicy } from './retry-policy';
import type { RetryPolicy } from './retry-policy';
import { parseRetryAfter } from './retry-after';
import { DEFAULT_REQUEST_ID_HEADERS, findRequestId, plainHeaders, sanitizeCause } from './sanitize';
import type { ErrorContext, ErrorVerdict, HttpClient, HttpClientOptions, HttpRequest, HttpResponse, HttpResult, HttpShortcutOptions } from './types';

/** Methods that RFC 9110 defines as idempotent: repeating them cannot duplicate an effect. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Statuses whose `Retry-After` we honour. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Carries a typed error through p-retry. p-retry writes `attemptNumber`/`retriesLeft` onto what it
 * catches and, on exhaustion, picks the *most frequent* error; wrapping keeps our errors untouched
 * and lets us always give up with the last one.
 */
class AttemptFailed extends Error {
  constructor(
    readonly failure: ReconError,
    readonly delayMs?: number,
  ) {
    super(failure.message);
  }
}

type SendResult = { ok: true; response: HttpResponse } | { ok: false; ctx: ErrorContext; response?: HttpResponse } | { ok: false; aborted: true };

/**
 * Create the HTTP client every API connector shares: axios underneath, with per-instance rate
 * limiting (Bottleneck), retries with backoff, full jitter and `Retry-After` (p-retry), a
 * classification table, per-attempt timeouts, `AbortSignal` everywhere, pluggable auth and
 * redaction of every secret in logs and errors.
 *
 * Retry safety: idempotent methods, requests with an idempotency key, and requests marked
 * `idempotent: true` are retried on transient failures. Any other request (a plain POST) is
 * retried only when the server provably did not act on it: the connection was refused or DNS
 * failed (nothing was sent), the answer was 429 (refused for rate), or 401 followed by an auth
 * refresh. A reset, timeout or 5xx after sending is never repeated for it.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { connector } = options;
  if (typeof connector !== 'string' || connector === '') throw new ConfigError('[recon] createHttpClient: `connector` is required');
  if (typeof options.baseURL !== 'string' || options.baseURL === '') {
    throw new ConfigError(`[recon:${connector}] createHttpClient: \`baseURL\` is required`, { connector });
  }
  const defaultTimeoutMs = options.timeoutMs ?? 30_000;
  const clientPolicy = resolveRetryPolicy(options.retry, connector);
  const rules = options.retry?.classify ?? [];
  const logger = childLogger(options.logger ?? silentLogger, { connector });
  const limiter = createRateLimiter(options.rateLimit, connector);
  const requestIdHeaders = [...(options.requestIdHeaders ?? []), ...DEFAULT_REQUEST_ID_HEADERS];
  const auth = options.auth;
  const axiosInstance = axios.create({
    baseURL: options.baseURL,
    // We classify every status ourselves and decode bodies ourselves (see decodeBody).
    validateStatus: () => true,
    responseType: 'arraybuffer',
    transformResponse: [(data: unknown) => data],
    // The deadline is ours (an AbortController), because axios' `timeout` is a socket-idle timer
    // that a server trickling bytes never trips.
    timeout: 0,
    maxRedirects: 5,
    ...(options.httpAgent && { httpAgent: options.httpAgent }),
    ...(options.httpsAgent && { httpsAgent: options.httpsAgent }),
    ...(options.proxy === false && { proxy: false as const }),
  });

  // The redactor is rebuilt only when the secret set changes (an OAuth2 token rotates).
  let redactorKey: string | undefined;
  let redactor: Redactor = createRedactor([]);
  const currentRedactor = (): Redactor => {
    const secrets = [...(options.secrets ?? []), ...(options.redactor?.secrets ?? []), ...(auth?.secrets() ?? [])];
    const key = secrets.join('\u0000');
    if (key !== redactorKey) {
      redactor = createRedactor(secrets);
      redactorKey = key;
    }
    return redactor;
  };

  async function request<T = unknown>(req: HttpRequest): Promise<HttpResult<T>> {
    const method = req.method.toUpperCase();
    const signal = req.signal;
    const started = Date.now();
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs;
    const responseType = req.responseType ?? 'json';
    const policy: RetryPolicy = req.retry === false ? { ...clientPolicy, retries: 0 } : resolveRetryPolicy(req.retry, connector, clientPolicy);
    const idempotencyKey = req.idempotencyKey === true ? randomUUID() : req.idempotencyKey;
    const safeToRepeat = IDEMPOTENT_METHODS.has(method) || idempotencyKey !== undefined || req.idempotent === true;
    const fullUrl = axiosInstance.getUri({ url: req.url, params: req.params });
    let attempts = 0;
    let authRefreshed = false;
    let lastHeaders: Record<string, string> = { ...options.headers, ...req.headers };

    const redactedRequest = (scrub: Redactor): RedactedRequest => ({ method, url: redactUrl(fullUrl, scrub), headers: redactHeaders(lastHeaders, scrub) });

    const abortedFailure = (where: string): NetworkError => {
      const scrub = currentRedactor();
      return new NetworkError(`[recon:${connector}] ${method} ${redactUrl(fullUrl, scrub)} aborted ${where}`, {
        kind: 'aborted',
        connector,
        request: redactedRequest(scrub),
        details: { attempts },
      });
    };

    /** Any non-ReconError escaping our own code (a throwing rule, a bug) still leaves typed and clean. */
    const asReconError = (error: unknown): ReconError => {
      if (isReconError(error)) {
        if (error.kind === 'aborted' && error.request === undefined) return abortedFailure('while waiting');
        return error;
      }
      const scrub = currentRedactor();
      const cause = sanitizeCause(error, scrub);
      return new ReconError(`[recon:${connector}] ${method} ${redactUrl(fullUrl, scrub)} failed inside the HTTP client: ${cause.message}`, {
        code: 'HTTP_CLIENT_INTERNAL',
        kind: 'internal',
        retryable: false,
        connector,
        request: redactedRequest(scrub),
        cause,
        details: { attempts },
      });
    };

    /** One request on the wire: auth, send under a deadline, decode. Never throws. */
    const send = async (authRequest: AuthRequest): Promise<SendResult> => {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const res = await axiosInstance.request({ method, url: req.url, params: req.params, data: req.data, headers: authRequest.headers, signal: controller.signal });
        const headers = plainHeaders(res.headers);
        if (res.status >= 200 && res.status < 300) {
          const decoded = decodeBody(res.data, responseType);
          if (decoded.ok) return { ok: true, response: { status: res.status, headers, data: decoded.data } };
          const response = { status: res.status, headers, data: decoded.text };
          return { ok: false, response, ctx: { method, status: res.status, code: MALFORMED_CODE, response, error: new Error(`Response body is not valid JSON: ${decoded.reason}`) } };
        }
        const response = { status: res.status, headers, data: decodeErrorBody(res.data) };
        return { ok: false, response, ctx: { method, status: res.status, response } };
      } catch (error) {
        if (signal?.aborted) return { ok: false, aborted: true };
        const scrub = currentRedactor();
        if (timedOut) {
          const cause = new Error(`No complete response within ${timeoutMs} ms`);
          cause.name = 'TimeoutError';
          return { ok: false, ctx: { method, code: TIMEOUT_CODE, error: cause } };
        }
        const cause = sanitizeCause(error, scrub);
        const code = (cause as Error & { code?: string }).code;
        return { ok: false, ctx: { method, error: cause, ...(code !== undefined && { code }) } };
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
    };

    const oneAttempt = async (): Promise<{ result: SendResult; authRequest: AuthRequest }> => {
      const headers: Record<string, string> = { ...options.headers, ...req.headers };
      if (idempotencyKey !== undefined) headers[req.idempotencyHeader ?? 'Idempotency-Key'] = idempotencyKey;
      const authRequest: AuthRequest = { headers, method, url: fullUrl };
      if (auth) await auth.apply(authRequest, signal);
      lastHeaders = authRequest.headers;
      attempts += 1;
      const t0 = performance.now();
      const result = await send(authRequest);
      const scrub = currentRedactor();
      logger.debug(
        scrub.value({
          method,
          url: redactUrl(fullUrl, scrub),
          attempt: attempts,
          ms: Math.round(performance.now() - t0),
          ...('response' in result && result.response && { status: result.response.status }),
          ...('ctx' in result && result.ctx.code !== undefined && { code: result.ctx.code }),
        }),
        'http request',
      );
      return { result, authRequest };
    };

    /** One p-retry attempt; loops once more, without counting as a retry, after an auth refresh. */
    const attempt = async (attemptNumber: number): Promise<HttpResult<T>> => {
      for (;;) {
        const { result, authRequest } = await limiter.run(oneAttempt, signal);
        if ('aborted' in result) throw abortedFailure('during the request');
        let ctx: ErrorContext;
        let verdict: ErrorVerdict | undefined;
        if (result.ok) {
          verdict = req.classifyResponse?.(result.response) ?? options.classifyResponse?.(result.response);
          if (verdict === undefined) return { ...result.response, data: result.response.data as T, attempts };
          ctx = { method, status: result.response.status, response: result.response };
        } else {
          ctx = result.ctx;
        }
        verdict ??= classifyError(ctx, rules);

        if (verdict.action === 'refresh_auth' && !authRefreshed && auth?.onUnauthorized) {
          authRefreshed = true;
          if (await auth.onUnauthorized(authRequest)) {
            logger.warn({ method, url: redactUrl(fullUrl, currentRedactor()), attempt: attempts, status: ctx.status }, 'http auth refreshed, repeating request');
            continue;
          }
        }
        return giveUpOrRetry(ctx, verdict, attemptNumber);
      }
    };

    const giveUpOrRetry = (ctx: ErrorContext, verdict: ErrorVerdict, attemptNumber: number): never => {
      const scrub = currentRedactor();
      const headers = ctx.response?.headers ?? {};
      const retryAfterMs =
        ctx.status !== undefined && (RETRY_AFTER_STATUSES.has(ctx.status) || verdict.action === 'rate_limited') ? parseRetryAfter(headers['retry-after']) : undefined;
      let gaveUp: string | undefined;
      let delayMs: number | undefined;
      if (verdict.action === 'retry' || verdict.action === 'rate_limited') {
        const provablyNotActedOn = verdict.action === 'rate_limited' || (ctx.code !== undefined && NOT_SENT_CODES.has(ctx.code));
        if (!safeToRepeat && !provablyNotActedOn) gaveUp = 'unsafe_to_retry';
        else if (attemptNumber > policy.retries) gaveUp = policy.retries === 0 ? 'retries_disabled' : 'retries_exhausted';
        else if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) gaveUp = 'retry_after_too_long';
        else {
          const wait = retryAfterMs ?? backoffDelay(attemptNumber, policy);
          if (Date.now() - started + wait > policy.maxElapsedMs) gaveUp = 'max_elapsed';
          else delayMs = wait;
        }
      } else if (verdict.action === 'refresh_auth' && authRefreshed) {
        gaveUp = 'still_unauthorized';
      }
      const requestId = findRequestId(headers, requestIdHeaders, scrub);
      const failure = buildError({
        connector,
        ctx,
        verdict,
        scrub,
        attempts,
        request: redactedRequest(scrub),
        ...(retryAfterMs !== undefined && { retryAfterMs }),
        ...(requestId !== undefined && { requestId }),
        ...(gaveUp !== undefined && { gaveUp }),
      });
      if (delayMs === undefined) throw new AbortError(new AttemptFailed(failure));
      throw new AttemptFailed(failure, delayMs);
    };

    if (signal?.aborted) throw abortedFailure('before sending');
    try {
      return await pRetry(
        async (attemptNumber) => {
          try {
            return await attempt(attemptNumber);
          } catch (error) {
            if (error instanceof AttemptFailed || error instanceof AbortError) throw error;
            throw new AbortError(new AttemptFailed(asReconError(error)));
          }
        },
        {
          retries: policy.retries,
          // We sleep ourselves in onFailedAttempt (full jitter, Retry-After, abortable), so
          // p-retry's own timer is zero.
          minTimeout: 0,
          maxTimeout: 0,
          factor: 1,
          randomize: false,
          onFailedAttempt: async (error) => {
            if (!(error instanceof AttemptFailed) || error.delayMs === undefined) throw error;
            const { failure, delayMs } = error;
            const scrub = currentRedactor();
            logger.warn(
              scrub.value({
                method,
                url: redactUrl(fullUrl, scrub),
                attempt: attempts,
                delayMs,
                code: failure.code,
                ...(failure.status !== undefined && { status: failure.status }),
                ...(failure.retryAfterMs !== undefined && { retryAfterMs: failure.retryAfterMs }),
              }),
              'http retry',
            );
            await sleep(delayMs, signal, connector);
          },
        },
      );
    } catch (error) {
      throw asReconError(error instanceof AttemptFailed ? error.failure : error);
    }
  }

  const client: HttpClient = {
    connector,
    request,
    get: <T = unknown>(url: string, opts: HttpShortcutOptions = {}) => request<T>({ ...opts, method: 'GET', url }),
    post: <T = unknown>(url: string, data?: unknown, opts: HttpShortcutOptions = {}) => request<T>({ ...opts, method: 'POST', url, data }),
  };
  return Object.freeze(client);
}
