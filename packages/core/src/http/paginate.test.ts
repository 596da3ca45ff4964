import { afterEach, describe, expect, it } from 'vitest';
import { ReconError, UpstreamError } from '../errors';
import { createHttpClient } from './create-http-client';
import { offsetPaging } from './offset-paging';
import { paginate, paginateItems } from './paginate';
import type { Page } from './paginate';
import { sendJson, startTestServer } from './test-server.test-helper';
import type { TestServer } from './test-server.test-helper';

let server: TestServer | undefined;
afterEach(() => server?.close());

/** A Razorpay-like list endpoint over `total` items; `ignoreSkip` simulates a buggy server. */
async function listServer(total: number, ignoreSkip = false): Promise<TestServer> {
  const all = Array.from({ length: total }, (_, i) => ({ id: `pay_${i}` }));
  server = await startTestServer((seen, res) => {
    const q = new URL(seen.url, 'http://x').searchParams;
    const count = Number(q.get('count'));
    const skip = ignoreSkip ? 0 : Number(q.get('skip'));
    sendJson(res, 200, { entity: 'collection', items: all.slice(skip, skip + count) });
  });
  return server;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

function fetcher(srv: TestServer, pageSize: number) {
  const http = createHttpClient({ baseURL: srv.url, connector: 'test', proxy: false });
  const paging = offsetPaging({ pageSize });
  return (skip: number | undefined, signal?: AbortSignal) =>
    http.get<{ items: Array<{ id: string }> }>('/v1/payments', { params: paging.params(skip), ...(signal && { signal }) }).then((res) => paging.page(res.data.items, skip));
}

describe('paginate', () => {
  it('walks every page of an offset-paged API, with cursors and indexes', async () => {
    const srv = await listServer(25);
    const pages = await collect(paginate(fetcher(srv, 10)));
    expect(pages.map((p) => [p.index, p.cursor, p.next, p.items.length])).toEqual([
      [0, undefined, 10, 10],
      [1, 10, 20, 10],
      [2, 20, undefined, 5],
    ]);
    expect(srv.requests.map((r) => r.url)).toEqual(['/v1/payments?count=10&skip=0', '/v1/payments?count=10&skip=10', '/v1/payments?count=10&skip=20']);
  });

  it('stops on an empty page when the total is a multiple of the page size', async () => {
    const srv = await listServer(20);
    const items = await collect(paginateItems(fetcher(srv, 10)));
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, i) => `pay_${i}`));
    expect(srv.requests).toHaveLength(3);
  });

  it('throws PAGINATION_LOOP when the server repeats a page, before yielding the duplicate', async () => {
    const srv = await listServer(50, true);
    const seen: Array<Page<{ id: string }, number>> = [];
    const err = await (async () => {
      for await (const page of paginate(fetcher(srv, 10), { connector: 'razorpay' })) seen.push(page);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'PAGINATION_LOOP', connector: 'razorpay', retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('throws PAGINATION_LOOP when next points to a cursor already used', async () => {
    const cursors = ['a', 'b', 'a'];
    const err = await collect(paginate(async (cursor?: string) => ({ items: [cursor ?? 'first'], next: cursors.shift() }))).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PAGINATION_LOOP' });
  });

  it('accepts object cursors and compares them by value', async () => {
    const pages = await collect(
      paginate(async (cursor?: { page: number }) => {
        const page = cursor?.page ?? 1;
        return { items: [page], ...(page < 3 && { next: { page: page + 1 } }) };
      }),
    );
    expect(pages.map((p) => p.cursor)).toEqual([undefined, { page: 2 }, { page: 3 }]);
  });

  it('throws PAGINATION_LIMIT past maxPages instead of truncating silently', async () => {
    let n = 0;
    const err = await collect(paginate(async () => ({ items: [++n], next: n }), { maxPages: 3 })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PAGINATION_LIMIT' });
    expect(n).toBe(3);
  });

  it('lets pageKey: false allow identical consecutive pages', async () => {
    const pages = await collect(paginate(async (cursor?: number) => ({ items: ['same'], ...((cursor ?? 0) < 2 && { next: (cursor ?? 0) + 1 }) }), { pageKey: false }));
    expect(pages).toHaveLength(3);
  });

  it('stops with an aborted error when the signal fires between pages', async () => {
    const controller = new AbortController();
    const err = await (async () => {
      for await (const page of paginate(async (cursor?: number) => ({ items: [cursor ?? 0], next: (cursor ?? 0) + 1 }), { signal: controller.signal })) {
        if (page.index === 1) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReconError);
    expect(err).toMatchObject({ kind: 'aborted' });
  });
});
