import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../errors';
import type { ReconError } from '../../errors';
import { createHttpClient } from '../create-http-client';
import { delay, sendJson, startTestServer } from '../test-server.test-helper';
import type { SeenRequest, TestServer } from '../test-server.test-helper';
import { oauth2ClientCredentials } from './oauth2-client-credentials';
import type { OAuth2ClientCredentialsOptions } from './oauth2-client-credentials';

let server: TestServer | undefined;
afterEach(() => server?.close());

interface Bank {
  server: TestServer;
  tokenHits: () => SeenRequest[];
  apiHits: () => SeenRequest[];
}

/**
 * A token endpoint issuing `tok_1`, `tok_2`, ... and an API that accepts only the tokens listed in
 * `accept` (all of them by default).
 */
async function bank(options: { expiresIn?: number; tokenDelayMs?: number; accept?: (token: string) => boolean; tokenStatus?: number } = {}): Promise<Bank> {
  let issued = 0;
  server = await startTestServer(async (seen, res) => {
    if (seen.url === '/oauth/token') {
      if (options.tokenDelayMs) await delay(options.tokenDelayMs);
      if (options.tokenStatus) return sendJson(res, options.tokenStatus, { error: 'invalid_client' });
      issued += 1;
      return sendJson(res, 200, { access_token: `tok_${issued}`, token_type: 'Bearer', ...(options.expiresIn !== undefined && { expires_in: options.expiresIn }) });
    }
    const token = seen.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!token.startsWith('tok_') || (options.accept && !options.accept(token))) return sendJson(res, 401, { error: 'unauthorized' });
    return sendJson(res, 200, { token });
  });
  const srv = server;
  return { server: srv, tokenHits: () => srv.requests.filter((r) => r.url === '/oauth/token'), apiHits: () => srv.requests.filter((r) => r.url !== '/oauth/token') };
}

const strategy = (b: Bank, extra: Partial<OAuth2ClientCredentialsOptions> = {}) =>
  oauth2ClientCredentials({ tokenUrl: `${b.server.url}/oauth/token`, clientId: 'client-1', clientSecret: 'cs_SECRET_value', httpClientOptions: { proxy: false }, ...extra });

const api = (b: Bank, auth: ReturnType<typeof strategy>) => createHttpClient({ baseURL: b.server.url, connector: 'test', proxy: false, auth, retry: { minDelayMs: 1, maxDelayMs: 5 } });

describe('oauth2ClientCredentials', () => {
  it('fetches a token once and reuses it across calls', async () => {
    const b = await bank({ expiresIn: 3600 });
    const http = api(b, strategy(b));
    for (let i = 0; i < 3; i++) expect((await http.get('/api/x')).data).toEqual({ token: 'tok_1' });
    expect(b.tokenHits()).toHaveLength(1);
    expect(b.apiHits()).toHaveLength(3);
  });

  it('sends client credentials as a form with Basic client authentication by default', async () => {
    const b = await bank();
    await api(b, strategy(b, { scope: ['statements', 'balances'], audience: 'bank-api', extraParams: { resource: 'r1' } })).get('/api/x');
    const hit = b.tokenHits()[0]!;
    expect(hit.method).toBe('POST');
    expect(hit.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Buffer.from(hit.headers.authorization!.replace('Basic ', ''), 'base64').toString()).toBe('client-1:cs_SECRET_value');
    expect(Object.fromEntries(new URLSearchParams(hit.body))).toEqual({ grant_type: 'client_credentials', scope: 'statements balances', audience: 'bank-api', resource: 'r1' });
  });

  it("sends credentials in the body with clientAuthentication: 'body'", async () => {
    const b = await bank();
    await api(b, strategy(b, { clientAuthentication: 'body' })).get('/api/x');
    const hit = b.tokenHits()[0]!;
    expect(hit.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(hit.body))).toMatchObject({ client_id: 'client-1', client_secret: 'cs_SECRET_value' });
  });

  it('refreshes before expiry, skew included (clock injected)', async () => {
    const b = await bank({ expiresIn: 3600 });
    let clock = 1_000_000;
    const http = api(b, strategy(b, { now: () => clock, refreshSkewMs: 60_000 }));
    await http.get('/api/x');
    clock += 3_600_000 - 60_001; // just before the refresh point
    expect((await http.get('/api/x')).data).toEqual({ token: 'tok_1' });
    clock += 2; // inside the skew window
    expect((await http.get('/api/x')).data).toEqual({ token: 'tok_2' });
    expect(b.tokenHits()).toHaveLength(2);
  });

  it('handles a tiny expires_in: the skew is capped at half the lifetime', async () => {
    const b = await bank({ expiresIn: 2 });
    let clock = 0;
    const http = api(b, strategy(b, { now: () => clock }));
    await http.get('/api/x');
    await http.get('/api/x');
    expect(b.tokenHits()).toHaveLength(1);
    clock += 1000;
    expect((await http.get('/api/x')).data).toEqual({ token: 'tok_2' });
  });

  it('shares one in-flight token request between concurrent first calls', async () => {
    const b = await bank({ tokenDelayMs: 50 });
    const http = api(b, strategy(b));
    const results = await Promise.all(Array.from({ length: 5 }, () => http.get<{ token: string }>('/api/x')));
    expect(results.map((r) => r.data.token)).toEqual(Array(5).fill('tok_1'));
    expect(b.tokenHits()).toHaveLength(1);
  });

  it('on a 401, refreshes once and repeats the request', async () => {
    const b = await bank({ accept: (t) => t !== 'tok_1' });
    const res = await api(b, strategy(b)).get('/api/x');
    expect(res).toMatchObject({ data: { token: 'tok_2' }, attempts: 2 });
    expect(b.tokenHits()).toHaveLength(2);
  });

  it('fails with AuthError when the API still says 401 after one refresh', async () => {
    const b = await bank({ accept: () => false });
    const err = (await api(b, strategy(b)).get('/api/x').catch((e: unknown) => e)) as ReconError;
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ status: 401, code: 'HTTP_401', retryable: false, details: { attempts: 2, gaveUp: 'still_unauthorized' } });
    expect(b.tokenHits()).toHaveLength(2);
    expect(b.apiHits()).toHaveLength(2);
  });

  it('concurrent 401s with the same stale token cause one refresh', async () => {
    const b = await bank({ accept: (t) => t !== 'tok_1', tokenDelayMs: 20 });
    const http = api(b, strategy(b));
    const results = await Promise.all(Array.from({ length: 4 }, () => http.get<{ token: string }>('/api/x')));
    expect(results.map((r) => r.data.token)).toEqual(Array(4).fill('tok_2'));
    expect(b.tokenHits()).toHaveLength(2);
  });

  it('turns a token endpoint 401 into AuthError without the secret', async () => {
    const b = await bank({ tokenStatus: 401 });
    const err = (await api(b, strategy(b)).get('/api/x').catch((e: unknown) => e)) as ReconError;
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ code: 'AUTH_TOKEN_FAILED', status: 401, retryable: false });
    expect(b.apiHits()).toHaveLength(0);
    const printed = [String(err), err.stack, JSON.stringify(err), inspect(err, { depth: 10 })].join('\n');
    expect(printed).not.toContain('cs_SECRET_value');
    expect(printed).not.toContain(Buffer.from('client-1:cs_SECRET_value').toString('base64'));
  });

  it('keeps retryable on a token endpoint that is down', async () => {
    const b = await bank({ tokenStatus: 503 });
    const err = (await api(b, strategy(b, { httpClientOptions: { proxy: false, retry: { retries: 1, minDelayMs: 1 } } })).get('/api/x').catch((e: unknown) => e)) as ReconError;
    expect(err).toMatchObject({ kind: 'auth', code: 'AUTH_TOKEN_FAILED', status: 503, retryable: true });
    expect(b.tokenHits()).toHaveLength(2);
  });

  it('rejects a token response without access_token', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 200, { token_type: 'Bearer' }));
    const b: Bank = { server, tokenHits: () => [], apiHits: () => [] };
    const err = (await api(b, strategy(b)).get('/api/x').catch((e: unknown) => e)) as ReconError;
    expect(err).toMatchObject({ code: 'AUTH_TOKEN_INVALID', details: { issues: [expect.objectContaining({ path: ['access_token'] })] } });
  });

  it('reports fetched tokens as secrets and keeps everything off enumerable fields', async () => {
    const b = await bank();
    const auth = strategy(b);
    await api(b, auth).get('/api/x');
    expect(auth.secrets()).toContain('tok_1');
    expect(auth.secrets()).toContain('cs_SECRET_value');
    const printed = inspect(auth, { showHidden: true, depth: 10 });
    expect(printed).not.toContain('cs_SECRET_value');
    expect(printed).not.toContain('tok_1');
  });
});
