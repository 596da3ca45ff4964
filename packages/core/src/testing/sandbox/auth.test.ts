import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constantTimeEqual, requireApiKey, requireBasic, requireBearer } from './auth';
import { createSandboxServer } from './server';
import type { SandboxServer } from './types';

describe('auth helpers on a real server', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    const ok = () => ({ body: { ok: true } });
    server = await createSandboxServer({
      name: 'auth',
      auth: requireApiKey('X-Api-Key', 'sk_test_abc123'),
      routes: [
        { method: 'GET', path: '/key', handler: ok },
        { method: 'GET', path: '/basic', handler: ok, auth: requireBasic('merchant', 'p@ss:word') },
        { method: 'GET', path: '/bearer', handler: ok, auth: requireBearer('tok_live_xyz') },
        { method: 'GET', path: '/rotating', handler: ok, auth: requireBearer((t) => t.startsWith('issued_')) },
        { method: 'GET', path: '/health', handler: ok, public: true },
      ],
    });
  });
  afterAll(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

  it('requireApiKey: right key passes; wrong or missing key is a 401 that does not echo the key', async () => {
    expect((await get('/key', { 'x-api-key': 'sk_test_abc123' })).status).toBe(200);
    const wrong = await get('/key', { 'x-api-key': 'sk_test_wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('sk_test_wrong');
    expect((await get('/key')).status).toBe(401);
  });

  it('requireBasic: exact user and password (a colon inside the password is fine)', async () => {
    expect((await get('/basic', { authorization: basic('merchant', 'p@ss:word') })).status).toBe(200);
    const wrong = await get('/basic', { authorization: basic('merchant', 'p@ss') });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Basic');
    expect((await get('/basic', { authorization: 'Bearer x' })).status).toBe(401);
  });

  it('requireBearer: a fixed token or a predicate for tokens issued at runtime', async () => {
    expect((await get('/bearer', { authorization: 'Bearer tok_live_xyz' })).status).toBe(200);
    expect((await get('/bearer', { authorization: 'Bearer tok_live_xy' })).status).toBe(401);
    expect((await get('/bearer')).status).toBe(401);
    expect((await get('/rotating', { authorization: 'Bearer issued_1' })).status).toBe(200);
    expect((await get('/rotating', { authorization: 'Bearer stolen' })).status).toBe(401);
  });

  it('public routes skip the server-wide check; route auth replaces it', async () => {
    expect((await get('/health')).status).toBe(200);
    // /basic ignores the API key entirely.
    expect((await get('/basic', { 'x-api-key': 'sk_test_abc123' })).status).toBe(401);
  });

  it('constantTimeEqual compares whole strings of any length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
