import { afterEach, describe, expect, it } from 'vitest';
import { createFaultController, faultMatches, type Fault } from './faults';
import { createSandboxServer } from './server';
import type { SandboxServer } from './types';

describe('fault controller', () => {
  it('skips `after` matching requests, then applies `times` times', () => {
    const faults = createFaultController([{ type: 'status', status: 500, after: 1, times: 2 }]);
    const outcomes = [1, 2, 3, 4].map(() => faults.next('GET', '/x')?.type ?? 'pass');
    expect(outcomes).toEqual(['pass', 'status', 'status', 'pass']);
    expect(faults.active[0]).toMatchObject({ seen: 4, applied: 2 });
    expect(faults.appliedCount('status')).toBe(2);
    expect(faults.appliedCount('reset')).toBe(0);
  });

  it('applies only the first applicable fault per request, and later faults take their turn', () => {
    const faults = createFaultController([
      { type: 'status', status: 503 },
      { type: 'reset', after: 1 },
    ]);
    expect([1, 2, 3].map(() => faults.next('GET', '/x')?.type ?? 'pass')).toEqual(['status', 'reset', 'pass']);
  });

  it('matches on method and on path (string or RegExp); unmatched requests are not counted', () => {
    const byPath: Fault = { type: 'reset', match: { method: 'get', path: /^\/v1\/txn/g } };
    expect(faultMatches(byPath, 'GET', '/v1/txns')).toBe(true);
    expect(faultMatches(byPath, 'GET', '/v1/txns')).toBe(true); // a /g pattern must not alternate
    expect(faultMatches(byPath, 'POST', '/v1/txns')).toBe(false);
    expect(faultMatches(byPath, 'GET', '/oauth/token')).toBe(false);
    expect(faultMatches({ type: 'hang', match: { path: '/a' } }, 'GET', '/a/b')).toBe(false);

    const faults = createFaultController([{ type: 'status', status: 429, match: { path: '/b' }, after: 1 }]);
    expect(['/a', '/b', '/a', '/b'].map((p) => faults.next('GET', p)?.type ?? 'pass')).toEqual(['pass', 'pass', 'pass', 'status']);
  });

  it('supports lasting outages, inject() appends and clear() empties the plan', () => {
    const faults = createFaultController();
    faults.inject({ type: 'status', status: 502, times: Infinity });
    expect([1, 2, 3].every(() => faults.next('GET', '/x')?.type === 'status')).toBe(true);
    faults.clear();
    expect(faults.next('GET', '/x')).toBeUndefined();
    expect(faults.active).toEqual([]);
  });

  it('refuses nonsense plans', () => {
    expect(() => createFaultController([{ type: 'status', status: 42 }])).toThrow(RangeError);
    expect(() => createFaultController([{ type: 'delay', ms: -1 }])).toThrow(RangeError);
    expect(() => createFaultController([{ type: 'reset', times: -1 }])).toThrow(RangeError);
  });
});

describe('faults seen by a real client', () => {
  const payload = { data: [{ id: 'ltx_1', amount: '1250.00' }, { id: 'ltx_2', amount: '99.50' }], next_cursor: null };
  let server: SandboxServer;
  afterEach(async () => server?.close());

  async function start(faults: Fault[] = []) {
    server = await createSandboxServer({ name: 'faults', routes: [{ method: 'GET', path: '/v1/items', handler: () => ({ body: payload }) }], faults });
    return server;
  }

  it('status: the injected status, Retry-After and an error body; the next request passes', async () => {
    await start([{ type: 'status', status: 429, retryAfter: 1 }]);
    const limited = await fetch(`${server.url}/v1/items`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ error: { code: 'SANDBOX_FAULT_429' } });
    const ok = await fetch(`${server.url}/v1/items`);
    expect(await ok.json()).toEqual(payload);
    expect(server.requests.map((r) => [r.status, r.fault])).toEqual([[429, 'status'], [200, undefined]]);
  });

  it.each([500, 502, 503])('status %i with a custom body', async (status) => {
    await start([{ type: 'status', status, body: 'upstream down' }]);
    const res = await fetch(`${server.url}/v1/items`);
    expect(res.status).toBe(status);
    expect(await res.text()).toBe('upstream down');
  });

  it('reset: the connection drops with no response', async () => {
    await start([{ type: 'reset' }]);
    const failure = await fetch(`${server.url}/v1/items`).then(
      () => undefined,
      (error: unknown) => error as Error & { cause?: { code?: string } },
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(failure?.cause?.code);
    expect(server.requests[0]).toMatchObject({ fault: 'reset' });
    expect(server.requests[0]?.status).toBeUndefined();
    expect(await (await fetch(`${server.url}/v1/items`)).json()).toEqual(payload);
  });

  it('truncate: a clean 200 whose body is a strict prefix of the real JSON', async () => {
    await start([{ type: 'truncate' }]);
    const res = await fetch(`${server.url}/v1/items`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const full = JSON.stringify(payload);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(full.length);
    expect(full.startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('truncate with abort: the full length is announced, then the connection drops mid-body', async () => {
    await start([{ type: 'truncate', bytes: 10, abort: true }]);
    const res = await fetch(`${server.url}/v1/items`);
    expect(res.headers.get('content-length')).toBe(String(JSON.stringify(payload).length));
    await expect(res.text()).rejects.toThrow();
  });

  it('delay: holds the response while other requests are answered, then answers normally', async () => {
    await start([{ type: 'delay', ms: 60_000, match: { path: '/v1/items' } }]);
    const delayed = fetch(`${server.url}/v1/items`).then((r) => r.json());
    let settled = false;
    void delayed.then(() => (settled = true), () => (settled = true));
    // A request that does not match the fault is answered while the delayed one still waits.
    expect((await fetch(`${server.url}/other`)).status).toBe(404);
    expect(settled).toBe(false);
    await server.close(); // close() cuts the delay short instead of waiting a minute
    await expect(delayed).rejects.toThrow();
  });

  it('delay: a short delay still returns the real body', async () => {
    await start([{ type: 'delay', ms: 5 }]);
    expect(await (await fetch(`${server.url}/v1/items`)).json()).toEqual(payload);
    expect(server.requests[0]).toMatchObject({ status: 200, fault: 'delay' });
  });

  it('hang: never answers; the client can abort, and close() does not wait for the hung socket', async () => {
    await start([{ type: 'hang', times: 2 }]);
    const controller = new AbortController();
    const hungSeen = server.waitForRequest((e) => e.fault === 'hang');
    const aborted = fetch(`${server.url}/v1/items`, { signal: controller.signal });
    await hungSeen;
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });

    const secondSeen = server.waitForRequest((e) => e.fault === 'hang');
    const stuck = fetch(`${server.url}/v1/items`);
    await secondSeen;
    await server.close();
    await expect(stuck).rejects.toThrow();
    expect(server.faults.appliedCount('hang')).toBe(2);
  });

  it('faults.inject() on a running server and clear() afterwards', async () => {
    await start();
    server.faults.inject([{ type: 'status', status: 503, times: Infinity }]);
    expect((await fetch(`${server.url}/v1/items`)).status).toBe(503);
    expect((await fetch(`${server.url}/v1/items`)).status).toBe(503);
    server.faults.clear();
    expect((await fetch(`${server.url}/v1/items`)).status).toBe(200);
  });
});
