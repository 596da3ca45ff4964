import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconError } from '../errors';
import { apiKeyHeader } from './auth/api-key-header';
import { basicAuth } from './auth/basic-auth';
import { bearerToken } from './auth/bearer-token';
import { oauth2ClientCredentials } from './auth/oauth2-client-credentials';
import type { AuthStrategy } from './auth/types';
import { createHttpClient } from './create-http-client';
import { collectingLogger, delay, sendJson, startTestServer } from './test-server.test-helper';
import type { TestServer } from './test-server.test-helper';
import type { HttpClient, HttpRequest } from './types';
import type { Logger } from '../logging/logger';

const SECRET = 'sk_live_SUPERSECRET_123';
/** The access token the fake token endpoint issues: fetched at run time, must be scrubbed too. */
const ISSUED_TOKEN = 'at_ISSUED_TOKEN_456';

/** Every form the secret could take on the wire or in a log. */
const FORBIDDEN = [
  SECRET,
  'SUPERSECRET',
  encodeURIComponent(SECRET),
  Buffer.from(SECRET).toString('base64').replace(/=+$/, ''),
  Buffer.from(`user:${SECRET}`).toString('base64').replace(/=+$/, ''),
  Buffer.from(`client-1:${SECRET}`).toString('base64').replace(/=+$/, ''),
  ISSUED_TOKEN,
];

let server: TestServer;

/**
 * A hostile server: it echoes whatever credentials it received into bodies, headers and request
 * ids, then fails in the way the path asks for.
 */
beforeAll(async () => {
  server = await startTestServer(async (seen, res, req) => {
    const echo = `got auth=${seen.headers.authorization ?? ''} key=${String(seen.headers['x-api-key'] ?? '')} url=${seen.url} body=${seen.body}`;
    const path = new URL(seen.url, 'http://x').pathname;
    if (path === '/oauth/token') {
      if (seen.body.includes('scope=bad')) return sendJson(res, 401, { error: 'invalid_client', error_description: echo });
      return sendJson(res, 200, { access_token: ISSUED_TOKEN, expires_in: 3600 });
    }
    if (path.startsWith('/401')) return sendJson(res, 401, { message: echo }, { 'x-request-id': String(seen.headers.authorization ?? 'none') });
    if (path.startsWith('/500')) return sendJson(res, 500, { message: echo, access_token: ISSUED_TOKEN, nested: { client_secret: SECRET } });
    if (path.startsWith('/envelope')) return sendJson(res, 200, { RESPONSE: 'Failure', MESSAGE: echo });
    if (path.startsWith('/reset')) return req.socket.destroy();
    if (path.startsWith('/timeout')) {
      await delay(1500);
      return sendJson(res, 200, {});
    }
    if (path.startsWith('/malformed')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(`{"echo":"${echo}`);
    }
    return sendJson(res, 404, { echo });
  });
});
afterAll(() => server.close());

interface Scenario {
  name: string;
  auth: (logger: Logger) => AuthStrategy;
  request: Omit<HttpRequest, 'method'> & { method?: HttpRequest['method'] };
}

const oauth = (scope?: string) => (logger: Logger) =>
  oauth2ClientCredentials({
    tokenUrl: `${server.url}/oauth/token`,
    clientId: 'client-1',
    clientSecret: SECRET,
    ...(scope && { scope }),
    httpClientOptions: { proxy: false, logger, retry: { retries: 1, minDelayMs: 1 } },
  });

const scenarios: Scenario[] = [
  { name: 'basic auth, 401', auth: () => basicAuth('user', SECRET), request: { url: '/401' } },
  { name: 'bearer, 500 echoing the token', auth: () => bearerToken(SECRET), request: { url: '/500' } },
  { name: 'api key, connection reset', auth: () => apiKeyHeader('x-api-key', SECRET), request: { url: '/reset' } },
  { name: 'api key, timeout, secret in the query', auth: () => apiKeyHeader('x-api-key', SECRET), request: { url: '/timeout', params: { api_key: SECRET, q: SECRET }, timeoutMs: 100 } },
  { name: 'secret in the path, 404', auth: () => bearerToken(SECRET), request: { url: `/accounts/${SECRET}/x` } },
  { name: 'POST body carrying the secret, 500', auth: () => basicAuth('user', SECRET), request: { method: 'POST', url: '/500', data: { key: SECRET } } },
  { name: 'malformed body echoing the secret', auth: () => basicAuth('user', SECRET), request: { url: '/malformed' } },
  { name: 'failure envelope echoing the secret', auth: () => bearerToken(SECRET), request: { url: '/envelope' } },
  { name: 'oauth2 token endpoint 401', auth: oauth('bad'), request: { url: '/401' } },
  { name: 'oauth2 API 401 after refresh', auth: oauth(), request: { url: '/401' } },
  { name: 'oauth2 API 500 echoing the issued token', auth: oauth(), request: { url: '/500' } },
];

/** Everything a developer could print about an error. */
function renderings(err: ReconError): string[] {
  return [
    String(err),
    err.message,
    err.stack ?? '',
    JSON.stringify(err),
    inspect(err, { depth: 10 }),
    inspect(err, { depth: 10, showHidden: true }),
    inspect(err.cause, { depth: 10, showHidden: true }),
    format('%o', err),
    JSON.stringify(err.details),
  ];
}

function expectClean(label: string, text: string): void {
  for (const form of FORBIDDEN) {
    if (text.includes(form)) throw new Error(`${label} leaks ${JSON.stringify(form.slice(0, 6))}…: ${text.slice(Math.max(0, text.indexOf(form) - 80), text.indexOf(form) + 40)}`);
  }
}

describe('no secret leaks', () => {
  it.each(scenarios)('$name', async ({ auth: makeAuth, request }) => {
    const { logger, lines } = collectingLogger();
    const auth = makeAuth(logger);
    const client: HttpClient = createHttpClient({
      baseURL: server.url,
      connector: 'leaky-bank',
      proxy: false,
      auth,
      logger,
      secrets: [SECRET],
      classifyResponse: (res) => ((res.data as { RESPONSE?: string } | undefined)?.RESPONSE === 'Failure' ? { action: 'fail', message: (res.data as { MESSAGE: string }).MESSAGE } : undefined),
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 },
    });
    const err = await client.request({ method: 'GET', ...request }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReconError);
    for (const [i, text] of renderings(err as ReconError).entries()) expectClean(`error rendering #${i}`, text);
    expect(lines.length).toBeGreaterThan(0);
    expectClean('logs', JSON.stringify(lines));
    expectClean('logs', lines.map((l) => format('%o %s', l.obj, l.msg)).join('\n'));
    for (const target of [client, auth]) {
      expectClean('inspect', inspect(target, { depth: 10, showHidden: true }));
      expectClean('format', format('%o', target));
      expectClean('JSON', JSON.stringify(target) ?? '');
    }
  });

  it('the hostile server really did receive and echo the secret (the test can fail)', async () => {
    const client = createHttpClient({ baseURL: server.url, connector: 'x', proxy: false, auth: apiKeyHeader('x-api-key', SECRET), retry: { retries: 0 } });
    const raw = await client.get<{ echo: string }>('/200-does-not-exist').catch((e: ReconError) => e);
    expect(raw).toBeInstanceOf(ReconError);
    expect(server.requests.some((r) => r.headers['x-api-key'] === SECRET)).toBe(true);
    // Without the kit's redactor the echoed body would contain the secret in clear.
    expect(JSON.stringify((raw as ReconError).details)).toContain('[REDACTED]');
  });
});
