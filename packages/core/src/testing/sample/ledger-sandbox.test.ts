import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxStarter } from '../sandbox/types';
import { startSampleLedgerSandbox, type SampleLedgerSandbox, type SampleLedgerSandboxOptions } from './ledger-sandbox';
import type { LedgerApiRow } from './ledger-dataset';

type Page = { data: LedgerApiRow[]; has_more: boolean; next_cursor: string | null };

describe('startSampleLedgerSandbox (plain HTTP client)', () => {
  let sandbox: SampleLedgerSandbox;
  beforeAll(async () => {
    sandbox = await startSampleLedgerSandbox({ seed: 11, count: 23 });
  });
  afterAll(() => sandbox.close());

  const get = (query: string, key = sandbox.credentials.apiKey) => fetch(`${sandbox.url}/v1/transactions${query}`, { headers: { 'x-api-key': key } });

  it('has the shared sandbox starter shape', () => {
    const starter: SandboxStarter<SampleLedgerSandboxOptions, { apiKey: string }> = startSampleLedgerSandbox;
    expect(typeof starter).toBe('function');
  });

  it('derives the API key from the seed', async () => {
    expect(sandbox.credentials.apiKey).toMatch(/^sk_test_[0-9a-f]{32}$/);
    const again = await startSampleLedgerSandbox({ seed: 11, count: 1 });
    const other = await startSampleLedgerSandbox({ seed: 12, count: 1 });
    expect(again.credentials.apiKey).toBe(sandbox.credentials.apiKey);
    expect(other.credentials.apiKey).not.toBe(sandbox.credentials.apiKey);
    await Promise.all([again.close(), other.close()]);
  });

  it('requires the API key; the health route is public', async () => {
    expect((await get('', 'sk_test_nope')).status).toBe(401);
    expect((await fetch(`${sandbox.url}/v1/transactions`)).status).toBe(401);
    expect((await fetch(`${sandbox.url}/v1/health`)).status).toBe(200);
  });

  it('keyset paging walks every row once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const res = await get(`?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      pages += 1;
      seen.push(...page.data.map((r) => r.id));
      if (!page.has_more) break;
      cursor = page.next_cursor;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(sandbox.dataset.entries.map((e) => e.row.id));
  });

  it('filters by from (inclusive) and to (exclusive)', async () => {
    const entries = sandbox.dataset.entries;
    const from = entries[5]!.row.created_at!;
    const to = entries[15]!.row.created_at!;
    const page = (await (await get(`?limit=100&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).json()) as Page;
    const expected = entries.filter((e) => e.at >= Date.parse(from) && e.at < Date.parse(to)).map((e) => e.row.id);
    expect(page.data.map((r) => r.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.has_more).toBe(false);
  });

  it('rejects bad parameters with 400', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?cursor=not-a-cursor', '?from=yesterday']) {
      expect((await get(query)).status, query).toBe(400);
    }
  });

  it('an empty window is an empty last page', async () => {
    const page = (await (await get('?to=2000-01-01T00:00:00Z')).json()) as Page;
    expect(page).toEqual({ object: 'list', data: [], has_more: false, next_cursor: null });
  });

  it('speaks the shared fault vocabulary', async () => {
    sandbox.server.faults.inject({ type: 'status', status: 503, match: { path: '/v1/transactions' } });
    expect((await get('')).status).toBe(503);
    expect((await get('')).status).toBe(200);
  });
});
