import { inspect } from 'node:util';
import { AuthError, ConfigError, UpstreamError } from '@recon/core';
import { createCollectingLogger, findLeaks, printedForms } from '@recon/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRazorpaySandbox, type RazorpaySandbox } from '../sandbox';
import { createRazorpayClient, type RazorpayClient, type RazorpayPage } from './client';
import { enrichRazorpayError } from './errors';

let sandbox: RazorpaySandbox;
let client: RazorpayClient;
const fast = { retries: 2, minDelayMs: 1, maxDelayMs: 5 };

beforeAll(async () => {
  sandbox = await startRazorpaySandbox({ seed: 11, payments: 130, days: 4 });
  client = createRazorpayClient({ keyId: sandbox.credentials.keyId, keySecret: sandbox.credentials.keySecret, baseUrl: sandbox.url, retry: fast });
});
afterAll(() => sandbox.close());

async function collect(pages: AsyncIterable<RazorpayPage>): Promise<RazorpayPage[]> {
  const out: RazorpayPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('createRazorpayClient', () => {
  it('pages a list to completion with count and skip, newest first', async () => {
    sandbox.server.clearRequests();
    const pages = await collect(client.payments({ count: 50 }));
    const ids = pages.flatMap((p) => p.items.map((i) => (i as { id: string }).id));
    expect(ids).toEqual(sandbox.dataset.payments.map((p) => p.id));
    expect(pages.map((p) => p.skip)).toEqual([0, 50, 100]);
    expect(sandbox.server.requests.map((r) => [r.query['count'], r.query['skip']])).toEqual([
      ['50', '0'],
      ['50', '50'],
      ['50', '100'],
    ]);
  });

  it('asks for one more page when the last one was exactly full, and stops on the empty one', async () => {
    const refunds = sandbox.dataset.refunds.length;
    const pages = await collect(client.refunds({ count: refunds }));
    expect(pages.map((p) => p.items.length)).toEqual([refunds, 0]);
  });

  it('pages the recon report with counts up to 1000', async () => {
    const day = new Date((sandbox.dataset.settlements.at(-1)!.created_at + 19_800) * 1000);
    sandbox.server.clearRequests();
    const pages = await collect(client.settlementRecon({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }));
    expect(pages.flatMap((p) => p.items).length).toBeGreaterThan(0);
    expect(sandbox.server.requests[0]?.query).toMatchObject({ count: '1000', skip: '0', month: expect.stringMatching(/^\d\d$/), day: expect.stringMatching(/^\d\d$/) });
  });

  it('refuses out-of-range parameters before sending anything', () => {
    for (const params of [{ count: 0 }, { count: 101 }, { from: 10 }, { to: 1.5e9 + 0.5 }, { from: 1_700_000_100, to: 1_700_000_000 }]) {
      expect(() => client.payments(params)).toThrow(ConfigError);
    }
    expect(() => client.settlementRecon({ year: 2024, month: 13 })).toThrow(ConfigError);
    expect(() => client.settlementRecon({ year: 2024, month: 6, count: 1001 })).toThrow(ConfigError);
  });

  it('turns Razorpay 400s into UpstreamErrors carrying the envelope (unknown id is 400, not 404)', async () => {
    const error = await failure(client.payment('pay_DoesNotExist00'));
    expect(error).toBeInstanceOf(UpstreamError);
    const e = error as UpstreamError;
    expect(e).toMatchObject({ status: 400, code: 'RAZORPAY_BAD_REQUEST_ERROR', retryable: false });
    expect(e.message).toContain('The id provided does not exist');
    expect(e.details).toMatchObject({ razorpay: { code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist', reason: 'input_validation_failed' } });
  });

  it('carries the field Razorpay names into the error (count=0 sent past the client-side check)', async () => {
    const raw = await failure(client.http.get('/v1/payments', { params: { count: 0 } }));
    const error = enrichRazorpayError(raw);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 400, code: 'RAZORPAY_BAD_REQUEST_ERROR', details: { razorpay: { field: 'count', description: 'The count must be at least 1.' } } });
    expect((error as Error).message).toMatch(/The count must be at least 1\. \(field: count\)$/);
  });

  it('fetches single entities', async () => {
    const payment = sandbox.dataset.payments[3]!;
    await expect(client.payment(payment.id)).resolves.toEqual(payment);
    const settlement = sandbox.dataset.settlements[0]!;
    await expect(client.settlement(settlement.id)).resolves.toEqual(settlement);
    const refund = sandbox.dataset.refunds[0]!;
    await expect(client.refund(refund.id)).resolves.toEqual(refund);
    const pages = await collect(client.paymentRefunds(refund.payment_id));
    expect(pages.flatMap((p) => p.items).map((r) => (r as { payment_id: string }).payment_id)).toContain(refund.payment_id);
  });

  it('fails with an AuthError (no retry) on a wrong secret, and leaks neither secret anywhere', async () => {
    const logger = createCollectingLogger();
    const wrong = 'this_is_the_wrong_secret_42';
    const bad = createRazorpayClient({ keyId: sandbox.credentials.keyId, keySecret: wrong, baseUrl: sandbox.url, retry: fast, logger });
    sandbox.server.clearRequests();
    const error = await failure(collect(bad.payments()));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('The api secret provided is invalid');
    expect(sandbox.server.requests).toHaveLength(1);
    const texts = [...printedForms(error), inspect(bad, { depth: 5 }), ...logger.entries.map((entry) => JSON.stringify(entry))].map((text, i) => ({ source: `output ${i}`, text }));
    expect(findLeaks(texts, [wrong, `${sandbox.credentials.keyId}:${wrong}`])).toEqual([]);
  });

  it('rides out a 429 with Retry-After and a 503', async () => {
    sandbox.server.clearRequests();
    sandbox.server.faults.inject([
      { type: 'status', status: 503, after: 1 },
      { type: 'status', status: 429, retryAfter: 1, after: 3 },
    ]);
    const pages = await collect(client.payments({ count: 50 }));
    expect(pages.flatMap((p) => p.items)).toHaveLength(sandbox.dataset.payments.length);
    expect(sandbox.server.requests.map((r) => r.status)).toEqual([200, 503, 200, 429, 200]);
    sandbox.server.faults.clear();
  });

  it('treats a collection-less 200 as an upstream fault, not an empty page', async () => {
    sandbox.server.faults.inject({ type: 'status', status: 200, body: { items: 'nope' } });
    const error = await failure(collect(client.settlements()));
    expect(error).toMatchObject({ code: 'RAZORPAY_RESPONSE_SHAPE', kind: 'upstream' });
    sandbox.server.faults.inject({ type: 'status', status: 200, body: { error: { code: 'GATEWAY_ERROR', description: 'Something broke' } } });
    const enveloped = await failure(collect(client.settlements()));
    expect(enveloped).toMatchObject({ code: 'RAZORPAY_GATEWAY_ERROR' });
    expect((enveloped as Error).message).toContain('Something broke');
    sandbox.server.faults.clear();
  });
});
