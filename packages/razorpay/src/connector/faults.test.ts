import { isReconError } from '@recon/core';
import type { ConnectorMessage } from '@recon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitFault, startRazorpaySandbox, type RazorpaySandbox } from '../sandbox';
import type { RazorpayCursor } from './cursor';
import { razorpay } from './razorpay-connector';

let sandbox: RazorpaySandbox;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

beforeAll(async () => {
  sandbox = await startRazorpaySandbox({ seed: 77, payments: 150, days: 4 });
});
afterAll(() => sandbox.close());

async function readAll(retries = 3) {
  const connector = razorpay({ keyId: sandbox.credentials.keyId, keySecret: sandbox.credentials.keySecret, baseUrl: sandbox.url, pageSize: 30, reconPageSize: 20, retry: { retries, minDelayMs: 1, maxDelayMs: 5 } });
  const ids: string[] = [];
  let error: unknown;
  try {
    for await (const m of connector.read({ from: iso(sandbox.dataset.start), to: iso(sandbox.dataset.now) }) as AsyncIterable<ConnectorMessage<RazorpayCursor>>) if (m.type === 'record') ids.push(m.txn.txn_id);
  } catch (e) {
    error = e;
  }
  return { ids, error };
}

describe('faults on every stream', () => {
  const expected = () => sandbox.dataset.expectedIds({ from: sandbox.dataset.start, to: sandbox.dataset.now });

  it.each([
    ['a 429 in Razorpay\'s envelope with Retry-After on the recon report', [rateLimitFault({ match: { path: '/v1/settlements/recon/combined' }, after: 2 })]],
    ['a reset and a truncated body on refunds', [{ type: 'reset' as const, match: { path: '/v1/refunds' } }, { type: 'truncate' as const, match: { path: '/v1/refunds' }, after: 1 }]],
    ['a cut connection mid-body and a 504 on settlements', [{ type: 'truncate' as const, abort: true, match: { path: '/v1/settlements' } }, { type: 'status' as const, status: 504, match: { path: '/v1/settlements' } }]],
  ])('reads exactly the full result through %s', async (_what, plan) => {
    sandbox.server.clearRequests();
    sandbox.server.faults.inject(plan);
    const { ids, error } = await readAll();
    const applied = sandbox.server.faults.active.map((f) => f.applied);
    sandbox.server.faults.clear();
    expect(error).toBeUndefined();
    expect(applied.every((n) => n === 1)).toBe(true);
    expect(ids).toEqual(expected());
  });

  it('gives up with a typed, retryable error when the recon report stays rate limited', async () => {
    sandbox.server.faults.inject(rateLimitFault({ match: { path: '/v1/settlements/recon/combined' }, times: Infinity, retryAfter: 0 }));
    const { ids, error } = await readAll(2);
    sandbox.server.faults.clear();
    expect(isReconError(error) && error).toMatchObject({ kind: 'rate_limit', retryable: true, status: 429 });
    expect((error as Error).message).toContain('Too many requests');
    // Everything before the recon stream was read and checkpointed; nothing was lost, the run can resume.
    expect(ids.length).toBe(sandbox.dataset.expectedIds({ from: sandbox.dataset.start, to: sandbox.dataset.now, streams: ['payments', 'refunds', 'settlements'] }).length);
  });
});
