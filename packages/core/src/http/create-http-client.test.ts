import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, ConfigError, NetworkError, RateLimitError, ReconError, UpstreamError } from '../errors';
import { createHttpClient } from './create-http-client';
import { collectingLogger, delay, sendJson, startTestServer } from './test-server.test-helper';
import type { TestHandler, TestServer } from './test-server.test-helper';
import type { HttpClientOptions } from './types';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler);
  return server;
}

/** A client with fast retries so tests stay quick; every timing assertion is a lower bound. */
function client(srv: TestServer, extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ baseURL: srv.url, connector: 'test', proxy: false, ...extra, retry: { minDelayMs: 5, maxDelayMs: 20, ...extra.retry } });
}

async function failure(promise: Promise<unknown>): Promise<ReconError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ReconError);
    return error as ReconError;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient: retries', () => {
  it('retries a 503 and returns the later success, counting attempts', async () => {
    const srv = await serve((seen, res) => (seen.index < 2 ? sendJson(res, 503, { error: 'busy' }) : sendJson(res, 200, { ok: true })));
    const res = await client(srv).get<{ ok: boolean }>('/v1/things');
    expect(res).toMatchObject({ status: 200, data: { ok: true }, attempts: 3 });
    expect(srv.requests).toHaveLength(3);
  });

  it('gives up after `retries` with the last typed error and the attempt count', async () => {
    const srv = await serve((seen, res) => sendJson(res, 502, { hit: seen.index }, { 'x-request-id': `req_${seen.index}` }));
    const err = await failure(client(srv, { retry: { retries: 2 } }).get('/v1/things'));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ status: 502, code: 'HTTP_502', retryable: true, requestId: 'req_2', connector: 'test' });
    expect(err.details).toMatchObject({ attempts: 3, gaveUp: 'retries_exhausted', body: '{"hit":2}' });
    expect(srv.requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds: the second request arrives no earlier than the hint', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 429, {}, { 'retry-after': '1' }) : sendJson(res, 200, { ok: true })));
    const res = await client(srv).get('/limited');
    expect(res.attempts).toBe(2);
    const [first, second] = srv.requests;
    // The client waited >= 1000 ms after the 429 arrived; allow 10 ms for timer granularity.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('honours Retry-After on a 503 too', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 503, {}, { 'retry-after': '1' }) : sendJson(res, 200, {})));
    await client(srv).get('/maintenance');
    expect(srv.requests[1]!.at - srv.requests[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once with retryAfterMs when Retry-After exceeds maxRetryAfterMs', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 429, {}, { 'retry-after': '3600' }));
    const err = await failure(client(srv).get('/limited'));
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(err.details).toMatchObject({ gaveUp: 'retry_after_too_long', attempts: 1 });
    expect(srv.requests).toHaveLength(1);
  });

  it('gives up when the next sleep would pass maxElapsedMs', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 429, {}, { 'retry-after': '5' }));
    const err = await failure(client(srv, { retry: { maxElapsedMs: 1000 } }).get('/limited'));
    expect(err).toMatchObject({ retryAfterMs: 5000, details: { gaveUp: 'max_elapsed' } });
    expect(srv.requests).toHaveLength(1);
  });

  it('never retries a POST without idempotency key once it may have reached the server', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 500, {}));
    const err = await failure(client(srv).post('/payouts', { amount: '100' }));
    expect(err).toMatchObject({ status: 500, details: { gaveUp: 'unsafe_to_retry', attempts: 1 } });
    expect(srv.requests).toHaveLength(1);
  });

  it('retries a POST that carries an idempotency key, sending the same key each time', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 500, {}) : sendJson(res, 201, { id: 'p_1' })));
    const res = await client(srv).post('/payouts', { amount: '100' }, { idempotencyKey: 'key-123' });
    expect(res.attempts).toBe(2);
    expect(srv.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-123', 'key-123']);
    expect(JSON.parse(srv.requests[1]!.body)).toEqual({ amount: '100' });
  });

  it('generates one key for idempotencyKey: true and uses a custom header name', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    await client(srv).post('/payouts', {}, { idempotencyKey: true, idempotencyHeader: 'X-Idempotency-Key' });
    const keys = srv.requests.map((r) => r.headers['x-idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('retries a POST marked idempotent (a read expressed as POST)', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 500, {}) : sendJson(res, 200, { rows: [] })));
    const res = await client(srv).post('/statement', { from: '2024-01-01' }, { idempotent: true });
    expect(res.attempts).toBe(2);
  });

  it('does not retry a 400 and keeps a body excerpt', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 400, { error: { code: 'BAD_REQUEST_ERROR', description: 'from is invalid' } }));
    const err = await failure(client(srv).get('/payments'));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ status: 400, code: 'HTTP_400', retryable: false });
    expect((err.details as { body: string }).body).toContain('from is invalid');
    expect(srv.requests).toHaveLength(1);
  });

  it('maps 403 to AuthError without retrying', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 403, {}));
    const err = await failure(client(srv).get('/x'));
    expect(err).toBeInstanceOf(AuthError);
    expect(srv.requests).toHaveLength(1);
  });

  it('truncates long bodies in details', async () => {
    const srv = await serve((_seen, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('x'.repeat(5000));
    });
    const err = await failure(client(srv).get('/missing'));
    const body = (err.details as { body: string }).body;
    expect(body.length).toBeLessThan(1100);
    expect(body).toContain('[truncated 3976 chars]');
  });

  it('retries a connection reset (server destroys the socket)', async () => {
    const srv = await serve((seen, res, req) => (seen.index === 0 ? req.socket.destroy() : sendJson(res, 200, { ok: true })));
    const res = await client(srv).get('/flaky');
    expect(res).toMatchObject({ attempts: 2, data: { ok: true } });
  });

  it('gives up a reset with NetworkError carrying a sanitized cause, never the axios error', async () => {
    const srv = await serve((_seen, _res, req) => req.socket.destroy());
    const err = await failure(client(srv, { retry: { retries: 1 } }).get('/flaky'));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ kind: 'network', retryable: true, details: { attempts: 2, transportCode: 'ECONNRESET' } });
    const cause = err.cause as Error & { code?: string; config?: unknown; request?: unknown; isAxiosError?: unknown };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.code).toBe('ECONNRESET');
    expect(cause.config).toBeUndefined();
    expect(cause.request).toBeUndefined();
    expect(cause.isAxiosError).toBeUndefined();
  });

  it('retries a refused connection even for a POST: nothing was sent', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 200, {}));
    const url = srv.url;
    await srv.close();
    server = undefined;
    const err = await failure(createHttpClient({ baseURL: url, connector: 'test', proxy: false, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } }).post('/x', {}));
    expect(err).toMatchObject({ kind: 'network', details: { attempts: 3, transportCode: 'ECONNREFUSED', gaveUp: 'retries_exhausted' } });
  });

  it('fails a slow server with a timeout NetworkError', async () => {
    const srv = await serve(async (_seen, res) => {
      await delay(2000);
      sendJson(res, 200, {});
    });
    const err = await failure(client(srv, { timeoutMs: 100 }).get('/slow', { retry: false }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ kind: 'timeout', code: 'NETWORK_TIMEOUT', retryable: true, details: { gaveUp: 'retries_disabled' } });
  });

  it('treats a truncated JSON body on a 2xx as a retryable RESPONSE_MALFORMED and retries it', async () => {
    const srv = await serve((seen, res) => {
      if (seen.index === 1) return sendJson(res, 200, { items: [1, 2] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items":[1,2');
    });
    const res = await client(srv).get<{ items: number[] }>('/items');
    expect(res).toMatchObject({ attempts: 2, data: { items: [1, 2] } });

    const err = await failure(client(srv).get('/items', { retry: false }));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'RESPONSE_MALFORMED', retryable: true, status: 200 });
  });

  it('returns text and bytes when asked', async () => {
    const srv = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('a,b\n1,2\n');
    });
    expect((await client(srv).get<string>('/f.csv', { responseType: 'text' })).data).toBe('a,b\n1,2\n');
    const bytes = (await client(srv).get<Buffer>('/f.csv', { responseType: 'arraybuffer' })).data;
    expect(Buffer.isBuffer(bytes) && bytes.toString('utf8')).toBe('a,b\n1,2\n');
  });

  it('sends params, headers and default headers', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 200, {}));
    await client(srv, { headers: { 'X-Client': 'recon' } }).get('/p', { params: { from: 1, to: 'b c' }, headers: { 'X-Call': '1' } });
    expect(srv.requests[0]).toMatchObject({ url: '/p?from=1&to=b+c', headers: { 'x-client': 'recon', 'x-call': '1' } });
  });

  it('rejects bad options with ConfigError', () => {
    expect(() => createHttpClient({ baseURL: '', connector: 'x' })).toThrow(ConfigError);
    expect(() => createHttpClient({ baseURL: 'http://x', connector: 'x', retry: { retries: -1 } })).toThrow(ConfigError);
    expect(() => createHttpClient({ baseURL: 'http://x', connector: 'x', rateLimit: { perSecond: 0 } })).toThrow(ConfigError);
  });
});

describe('createHttpClient: abort', () => {
  it('rejects promptly with aborted when the signal fires during the backoff sleep', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 503, {}));
    const controller = new AbortController();
    const warnings: string[] = [];
    // Abort as soon as the client announces its (one minute long) backoff. No `child`, so the
    // client logs through this very object.
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      error: () => undefined,
      warn: (_obj: object, msg?: string) => {
        warnings.push(msg ?? '');
        controller.abort();
      },
    };
    const started = Date.now();
    const err = await failure(client(srv, { logger, retry: { minDelayMs: 60_000, maxDelayMs: 60_000, jitter: false } }).get('/x', { signal: controller.signal }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ kind: 'aborted', retryable: false, request: { method: 'GET' } });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(srv.requests).toHaveLength(1);
    expect(warnings).toEqual(['http retry']);
  });

  it('rejects with aborted when the signal fires during the request, without retrying', async () => {
    const controller = new AbortController();
    const srv = await serve(async (_seen, res) => {
      controller.abort();
      await delay(1000);
      sendJson(res, 200, {});
    });
    const err = await failure(client(srv).get('/x', { signal: controller.signal }));
    expect(err).toMatchObject({ kind: 'aborted' });
    expect(srv.requests).toHaveLength(1);
  });

  it('rejects with aborted while queued behind the rate limiter', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const srv = await serve(async (_seen, res) => {
      await gate;
      sendJson(res, 200, {});
    });
    const http = client(srv, { rateLimit: { maxConcurrent: 1 } });
    const first = http.get('/slow');
    const controller = new AbortController();
    const second = http.get('/queued', { signal: controller.signal });
    while (srv.requests.length === 0) await delay(5);
    controller.abort();
    const err = await failure(second);
    expect(err).toMatchObject({ kind: 'aborted', request: { method: 'GET' } });
    release();
    await first;
    expect(srv.requests.map((r) => r.url)).toEqual(['/slow']);
  });

  it('rejects at once for an already aborted signal', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 200, {}));
    const err = await failure(client(srv).get('/x', { signal: AbortSignal.abort() }));
    expect(err.kind).toBe('aborted');
    expect(srv.requests).toHaveLength(0);
  });
});

describe('createHttpClient: rate limits', () => {
  it('spaces requests with perSecond (6 requests at 5/s span about a second)', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 200, {}));
    const http = client(srv, { rateLimit: { perSecond: 5 } });
    await Promise.all(Array.from({ length: 6 }, (_, i) => http.get(`/r${i}`)));
    const times = srv.requests.map((r) => r.at).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // 200 ms apart in the client; arrival jitter on loopback is small, so keep a wide margin.
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(120);
  });

  it('caps concurrency with maxConcurrent', async () => {
    const srv = await serve(async (_seen, res) => {
      await delay(30);
      sendJson(res, 200, {});
    });
    await Promise.all(Array.from({ length: 6 }, () => client(srv).get('/free')));
    const unlimited = srv.maxInFlight;
    await srv.close();
    const capped = await serve(async (_seen, res) => {
      await delay(30);
      sendJson(res, 200, {});
    });
    const http = client(capped, { rateLimit: { maxConcurrent: 2 } });
    await Promise.all(Array.from({ length: 6 }, () => http.get('/capped')));
    expect(capped.requests).toHaveLength(6);
    expect(capped.maxInFlight).toBe(2);
    expect(unlimited).toBeGreaterThan(2);
  });

  it('keeps limiter state per client: a second client is not slowed by the first', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 200, {}));
    const slow = client(srv, { rateLimit: { perMinute: 1 } });
    await slow.get('/a');
    const queued = slow.get('/b', { signal: AbortSignal.timeout(200) });
    const fast = client(srv, { rateLimit: { perMinute: 1 } });
    await fast.get('/c');
    expect((await failure(queued)).kind).toBe('aborted');
    expect(srv.requests.map((r) => r.url)).toEqual(['/a', '/c']);
  });
});

describe('createHttpClient: classification', () => {
  it('turns a 2xx failure envelope into an error through classifyResponse', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 200, { RESPONSE: 'Failure', MESSAGE: 'Invalid account', ERRORCODE: '997' }));
    const http = client(srv, {
      classifyResponse: (res) => {
        const body = res.data as { RESPONSE?: string; MESSAGE?: string; ERRORCODE?: string };
        return body.RESPONSE === 'Failure' ? { action: 'fail', code: `ICICI_${body.ERRORCODE}`, message: body.MESSAGE, details: { bankCode: body.ERRORCODE } } : undefined;
      },
    });
    const err = await failure(http.post('/statement', {}, { idempotent: true }));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'ICICI_997', status: 200, retryable: false, details: { bankCode: '997' } });
    expect(err.message).toContain('Invalid account');
  });

  it('lets connector rules run before the default table', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 409, { error: 'locked' }) : sendJson(res, 200, { ok: true })));
    const http = client(srv, { retry: { classify: [{ match: (ctx) => ctx.status === 409, action: 'retry', code: 'LOCKED' }] } });
    expect((await http.get('/x')).attempts).toBe(2);
  });

  it('a 200 envelope can ask for an auth refresh (session expired)', async () => {
    let token = 'old';
    const srv = await serve((seen, res) => sendJson(res, 200, seen.headers.authorization === 'Bearer new' ? { ok: true } : { status: 'SESSION_EXPIRED' }));
    const auth = {
      name: 'test',
      apply: async (r: { headers: Record<string, string> }) => {
        r.headers.Authorization = `Bearer ${token}`;
      },
      onUnauthorized: async () => {
        token = 'new';
        return true;
      },
      secrets: () => [],
    };
    const http = client(srv, { auth, classifyResponse: (r) => ((r.data as { status?: string }).status === 'SESSION_EXPIRED' ? { action: 'refresh_auth' } : undefined) });
    expect(await http.get('/x')).toMatchObject({ data: { ok: true }, attempts: 2 });
  });

  it('wraps a throwing rule as an internal ReconError', async () => {
    const srv = await serve((_seen, res) => sendJson(res, 500, {}));
    const http = client(srv, {
      retry: {
        classify: [
          {
            match: () => {
              throw new TypeError('rule bug');
            },
            action: 'fail',
          },
        ],
      },
    });
    const err = await failure(http.get('/x'));
    expect(err).toMatchObject({ kind: 'internal', code: 'HTTP_CLIENT_INTERNAL' });
  });
});

describe('createHttpClient: logging', () => {
  it('logs each attempt at debug and each retry at warn, silent by default', async () => {
    const srv = await serve((seen, res) => (seen.index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const { logger, lines } = collectingLogger();
    await client(srv, { logger }).get('/v1/x?count=1');
    expect(lines.filter((l) => l.level === 'debug').map((l) => l.obj)).toEqual([
      expect.objectContaining({ connector: 'test', method: 'GET', url: `${srv.url}/v1/x?count=1`, status: 503, attempt: 1, ms: expect.any(Number) }),
      expect.objectContaining({ status: 200, attempt: 2 }),
    ]);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([expect.objectContaining({ msg: 'http retry', obj: expect.objectContaining({ status: 503, delayMs: expect.any(Number) }) })]);
  });
});
