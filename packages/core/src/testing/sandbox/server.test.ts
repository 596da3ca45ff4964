import { Agent, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxServer } from './server';
import type { SandboxRequest, SandboxServer } from './types';

const servers: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Parameters<typeof createSandboxServer>[0]): Promise<SandboxServer> {
  const server = await createSandboxServer(options);
  servers.push(server);
  return server;
}

/** Echo what the handler saw, so tests assert on the parsed request. */
const echo = (req: SandboxRequest) => ({ body: { params: req.params, query: req.query, body: req.body ?? null, raw: req.rawBody.toString('utf8') } });

describe('createSandboxServer', () => {
  it('listens on 127.0.0.1 with a random port', async () => {
    const server = await start({ name: 't', routes: [] });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('routes by method and path, decoding :params and query', async () => {
    const server = await start({ name: 't', routes: [{ method: 'GET', path: '/v1/accounts/:account/txns/:id', handler: echo }] });
    const res = await fetch(`${server.url}/v1/accounts/ACC%2F01/txns/42?from=2024-04-01&limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ params: { account: 'ACC/01', id: '42' }, query: { from: '2024-04-01', limit: '5' }, body: null, raw: '' });
  });

  it('answers 404 for an unknown path and 405 for a known path with the wrong method', async () => {
    const server = await start({ name: 't', routes: [{ method: 'GET', path: '/a', handler: echo }] });
    expect((await fetch(`${server.url}/b`)).status).toBe(404);
    expect((await fetch(`${server.url}/a`, { method: 'DELETE' })).status).toBe(405);
  });

  it('parses JSON, form and text bodies, and keeps the raw bytes', async () => {
    const server = await start({ name: 't', routes: [{ method: 'POST', path: '/echo', handler: echo }] });
    const post = (body: string, type: string) => fetch(`${server.url}/echo`, { method: 'POST', headers: { 'content-type': type }, body }).then((r) => r.json());
    expect(await post('{"amount":"1250.00"}', 'application/json')).toMatchObject({ body: { amount: '1250.00' }, raw: '{"amount":"1250.00"}' });
    expect(await post('grant_type=client_credentials&scope=a+b', 'application/x-www-form-urlencoded')).toMatchObject({ body: { grant_type: 'client_credentials', scope: 'a b' } });
    expect(await post('hello', 'text/plain')).toMatchObject({ body: 'hello' });
  });

  it('rejects invalid JSON with 400 and an oversized body with 413 instead of crashing', async () => {
    const server = await start({ name: 't', routes: [{ method: 'POST', path: '/echo', handler: echo }], maxBodyBytes: 16 });
    const bad = await fetch(`${server.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(bad.status).toBe(400);
    const big = await fetch(`${server.url}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(1000) }).catch((e: unknown) => e);
    // The server may close the connection while the client is still sending: either outcome is a refusal.
    if (big instanceof Response) expect(big.status).toBe(413);
    else expect(big).toBeInstanceOf(Error);
    expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'small' })).status).toBe(200);
  });

  it('sends strings, buffers and custom headers as given', async () => {
    const server = await start({
      name: 't',
      routes: [
        { method: 'GET', path: '/csv', handler: () => ({ headers: { 'Content-Type': 'text/csv' }, body: 'a,b\n1,2\n' }) },
        { method: 'GET', path: '/bin', handler: () => ({ status: 201, body: Buffer.from([1, 2, 3]) }) },
      ],
    });
    const csv = await fetch(`${server.url}/csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv');
    expect(await csv.text()).toBe('a,b\n1,2\n');
    const bin = await fetch(`${server.url}/bin`);
    expect(bin.status).toBe(201);
    expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('turns a throwing handler into a generic 500 without its message', async () => {
    const server = await start({ name: 't', routes: [{ method: 'GET', path: '/boom', handler: () => { throw new Error('internal detail sk_live_123'); } }] });
    const res = await fetch(`${server.url}/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('sk_live_123');
  });

  it('logs every request with credentials redacted by name', async () => {
    const server = await start({ name: 't', routes: [{ method: 'GET', path: '/x', handler: echo }] });
    await fetch(`${server.url}/x?access_token=tok_secret_1&page=2`, { headers: { 'x-api-key': 'key_secret_2', authorization: 'Bearer tok_secret_3', 'x-request-id': 'r1' } });
    expect(server.requests).toHaveLength(1);
    const [entry] = server.requests;
    expect(entry).toMatchObject({ index: 0, method: 'GET', path: '/x', status: 200, query: { page: '2' } });
    expect(entry?.headers['x-request-id']).toBe('r1');
    const printed = JSON.stringify(server.requests);
    for (const secret of ['tok_secret_1', 'key_secret_2', 'tok_secret_3']) expect(printed).not.toContain(secret);
    server.clearRequests();
    expect(server.requests).toHaveLength(0);
  });

  it('waitForRequest resolves with the next matching log entry', async () => {
    const server = await start({ name: 't', routes: [{ method: 'GET', path: '/x', handler: echo }] });
    const seen = server.waitForRequest((e) => e.query['n'] === '2');
    await fetch(`${server.url}/x?n=1`);
    await fetch(`${server.url}/x?n=2`);
    await expect(seen).resolves.toMatchObject({ index: 1, query: { n: '2' } });
  });

  it('close() ends open keep-alive connections, resolves, and is idempotent', async () => {
    const server = await start({ name: 't', routes: [{ method: 'GET', path: '/x', handler: () => ({ body: { ok: true } }) }] });
    const agent = new Agent({ keepAlive: true });
    // Wrapped in an object: resolving with a bare promise would wait for that promise.
    const { socketClosed } = await new Promise<{ socketClosed: Promise<void> }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/x`, { agent }, (res) => {
        const socket = res.socket;
        res.resume();
        res.on('end', () => {
          // After the response the agent keeps the socket open for reuse.
          expect(socket.destroyed).toBe(false);
          resolve({ socketClosed: new Promise<void>((done) => socket.once('close', () => done())) });
        });
      });
      req.on('error', reject);
      req.end();
    });
    await server.close();
    await socketClosed;
    await server.close();
    agent.destroy();
    await expect(fetch(`${server.url}/x`)).rejects.toThrow();
  });

  it('close() also ends a request the handler is still working on', async () => {
    let entered: () => void = () => undefined;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => undefined;
    const server = await start({
      name: 't',
      routes: [
        {
          method: 'GET',
          path: '/slow',
          handler: () =>
            new Promise((resolve) => {
              release = () => resolve({ body: 'late' });
              entered();
            }),
        },
      ],
    });
    const pending = fetch(`${server.url}/slow`).then((r) => r.text());
    await handlerEntered;
    await server.close();
    release();
    await expect(pending).rejects.toThrow();
  });
});
