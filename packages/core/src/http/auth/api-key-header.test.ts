import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED } from '../../errors';
import type { ReconError } from '../../errors';
import { createHttpClient } from '../create-http-client';
import { sendJson, startTestServer } from '../test-server.test-helper';
import type { TestServer } from '../test-server.test-helper';
import { apiKeyHeader } from './api-key-header';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('apiKeyHeader', () => {
  it('sends the key in the named header and redacts it in errors', async () => {
    server = await startTestServer((_seen, res) => sendJson(res, 400, {}));
    const http = createHttpClient({ baseURL: server.url, connector: 'test', proxy: false, auth: apiKeyHeader('apikey', 'k_live_1234') });
    const err = (await http.get('/x').catch((e: unknown) => e)) as ReconError;
    expect(server.requests[0]!.headers.apikey).toBe('k_live_1234');
    expect(err.request?.headers?.apikey).toBe(REDACTED);
  });
});
