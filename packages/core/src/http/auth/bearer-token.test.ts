import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, ReconError } from '../../errors';
import { createHttpClient } from '../create-http-client';
import { sendJson, startTestServer } from '../test-server.test-helper';
import type { TestServer } from '../test-server.test-helper';
import { bearerToken } from './bearer-token';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('bearerToken', () => {
  it('sends a static token', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 200, {}));
    await createHttpClient({ baseURL: server.url, connector: 'test', proxy: false, auth: bearerToken('tok_abc') }).get('/x');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok_abc');
  });

  it('asks a provider on every request and remembers what it returned as secrets', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 200, {}));
    let n = 0;
    const auth = bearerToken(async () => `tok_${++n}`);
    const http = createHttpClient({ baseURL: server.url, connector: 'test', proxy: false, auth });
    await http.get('/a');
    await http.get('/b');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok_1', 'Bearer tok_2']);
    expect(auth.secrets()).toEqual(['tok_1', 'tok_2']);
  });

  it('turns a failing provider into AuthError without sending anything', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 200, {}));
    const http = createHttpClient({ baseURL: server.url, connector: 'test', proxy: false, auth: bearerToken(() => Promise.reject(new Error('vault down'))) });
    const err = await http.get('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReconError);
    expect(err).toBeInstanceOf(AuthError);
    expect(server.requests).toHaveLength(0);
  });
});
