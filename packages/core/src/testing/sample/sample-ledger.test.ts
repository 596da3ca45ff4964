import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReconError } from '../../errors';
import { readAll } from '../conformance/read-all';
import { startSampleLedgerSandbox, type SampleLedgerSandbox } from './ledger-sandbox';
import { sampleLedger, type SampleLedgerCursor } from './sample-ledger';

describe('sampleLedger connector', () => {
  let sandbox: SampleLedgerSandbox;
  beforeAll(async () => {
    sandbox = await startSampleLedgerSandbox({ seed: 21, count: 25, invalidEvery: 6 });
  });
  afterAll(() => sandbox.close());

  const connect = (pageSize = 10) => sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize, retry: { retries: 2, minDelayMs: 5 } });

  it('validates config eagerly: unknown keys, short keys and bad URLs are refused', () => {
    expect(() => sampleLedger({ baseUrl: 'not a url', apiKey: 'short' })).toThrow(/baseUrl[\s\S]*apiKey|apiKey[\s\S]*baseUrl/);
    expect(() => sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, extra: 1 } as never)).toThrow(/extra/);
    expect(() => sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 500 })).toThrow(/pageSize/);
  });

  it('publishes its config as JSON Schema', () => {
    const spec = sampleLedger.spec() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(spec.properties)).toEqual(expect.arrayContaining(['baseUrl', 'apiKey', 'pageSize', 'timeoutMs', 'retry']));
    expect(spec.required).toEqual(expect.arrayContaining(['baseUrl', 'apiKey']));
  });

  it('yields each page, then a checkpoint, and reports invalid rows with the row as received', async () => {
    const transcript = await readAll(connect());
    expect(transcript.failed).toBe(false);
    expect(transcript.messages.map((m) => m.type).filter((t) => t === 'state')).toHaveLength(3);
    expect(transcript.ids).toEqual(sandbox.dataset.validIds);
    expect(transcript.invalid.map((m) => (m.raw as { id: string }).id)).toEqual(sandbox.dataset.invalidIds);
    for (const m of transcript.invalid) {
      expect(m.error.kind).toBe('invalid_data');
      expect(m.error.raw).toBe(m.raw);
      expect(m.error.message).toMatch(/^\[recon:sample-ledger\] Row ltx_/);
    }
    const last = transcript.checkpoints.at(-1)?.cursor;
    expect(last).toMatchObject({ from: null, done: true });
  });

  it('a finished cursor starts the next window at its upper bound (nothing new yet)', async () => {
    const first = await readAll(connect(), { to: '2099-01-01T00:00:00Z' });
    const done = first.checkpoints.at(-1)!.cursor;
    expect(done).toMatchObject({ to: '2099-01-01T00:00:00Z', done: true });
    const next = await readAll(connect(), { cursor: done, to: '2100-01-01T00:00:00Z' });
    expect(next.ids).toEqual([]);
    expect(next.checkpoints.at(-1)?.cursor).toMatchObject({ from: '2099-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', done: true });
  });

  it('honours from/to', async () => {
    const entries = sandbox.dataset.entries.filter((e) => !e.invalid);
    const from = entries[3]!.row.created_at!;
    const to = entries[10]!.row.created_at!;
    const transcript = await readAll(connect(4), { from, to });
    const expected = entries.filter((e) => e.at >= Date.parse(from) && e.at < Date.parse(to)).map((e) => e.row.id);
    expect(transcript.ids).toEqual(expected);
  });

  it('refuses a corrupted cursor with a config error', async () => {
    const transcript = await readAll(connect(), { cursor: { after: 5 } as unknown as SampleLedgerCursor });
    expect(isReconError(transcript.error) && transcript.error.code).toBe('CURSOR_INVALID');
  });

  it('check() reports bad credentials as an auth failure without the key', async () => {
    const wrong = 'sk_test_not_the_right_key_1234';
    const result = await sampleLedger({ baseUrl: sandbox.url, apiKey: wrong }).check();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('auth');
    expect(JSON.stringify(result.error)).not.toContain(wrong);
  });

  it('an upstream that breaks the page envelope is an upstream error, not data', async () => {
    sandbox.server.faults.inject({ type: 'status', status: 200, body: { data: 'oops' } });
    const transcript = await readAll(connect());
    expect(isReconError(transcript.error) && [transcript.error.kind, transcript.error.code]).toEqual(['upstream', 'RESPONSE_SHAPE']);
    sandbox.server.faults.inject({ type: 'status', status: 200, body: { data: [], has_more: true, next_cursor: null } });
    const second = await readAll(connect());
    expect(isReconError(second.error) && second.error.message).toMatch(/has_more but gives no next_cursor/);
  });
});
