import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors';
import { createHttpClient } from '../create-http-client';
import { sendJson, startTestServer } from '../test-server.test-helper';
import type { TestServer } from '../test-server.test-helper';
import { basicAuth } from './basic-auth';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('basicAuth', () => {
  it('sends an RFC 7617 Basic header that the server can decode', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 200, {}));
    const http = createHttpClient({ baseURL: server.url, connector: 'test', proxy: false, auth: basicAuth('rzp_test_key', 'pa:ss wörd') });
    await http.get('/x');
    const header = server.requests[0]!.headers.authorization!;
    expect(header.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('rzp_test_key:pa:ss wörd');
  });

  it('replaces an Authorization header given in another case', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 200, {}));
    const http = createHttpClient({ baseURL: server.url, connector: 'test', proxy: false, auth: basicAuth('u', 'secret-pw') });
    await http.get('/x', { headers: { authorization: 'Bearer stale' } });
    expect(server.requests[0]!.headers.authorization).toMatch(/^Basic /);
  });

  it('reports the password and the pair as secrets, and prints neither', () => {
    const strategy = basicAuth('user', 'hunter22');
    expect(strategy.secrets()).toEqual(['hunter22', 'user:hunter22']);
    expect(inspect(strategy, { showHidden: true, depth: 5 })).not.toContain('hunter22');
    expect(JSON.stringify(strategy)).not.toContain('hunter22');
  });

  it('rejects a missing password', () => {
    expect(() => basicAuth('user', '')).toThrow(ConfigError);
  });
});
