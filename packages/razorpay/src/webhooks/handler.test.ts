import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRazorpaySandbox, type RazorpaySandbox } from '../sandbox';
import { createWebhookHandler, type WebhookDelivery, type WebhookResult } from './handler';
import { toNodeListener } from './node-listener';
import { signTestPayload } from './sign-test-payload';

const SECRET = 'whsec_handler_test_secret';
const PAYMENT = {
  id: 'pay_Q1aB2cD3eF4gH5', entity: 'payment', amount: 49900, currency: 'INR', status: 'captured', method: 'upi', order_id: null, invoice_id: null,
  international: false, amount_refunded: 0, refund_status: null, captured: true, description: null, card_id: null, bank: null, wallet: null,
  vpa: 'buyer@okaxis', email: '', contact: null, notes: [], fee: 1178, tax: 180, error_code: null, error_description: null, error_source: null,
  error_step: null, error_reason: null, acquirer_data: { rrn: '415612345678' }, created_at: 1717000000,
};
const event = (name: string, payload: Record<string, unknown>) => ({ entity: 'event', account_id: 'acc_X', event: name, contains: Object.keys(payload), payload, created_at: 1717000123 });

describe('createWebhookHandler', () => {
  it('verifies, translates payment.captured into the same transaction the connector makes, and de-duplicates by event id', async () => {
    const seen: WebhookDelivery[] = [];
    const handler = createWebhookHandler({ secret: SECRET, accountId: 'acc_merchant', onEvent: (d) => void seen.push(d) });
    const signed = signTestPayload(event('payment.captured', { payment: { entity: PAYMENT } }), SECRET, { eventId: 'evt_AAAAAAAAAAAAAA' });
    const first = await handler.handle({ headers: signed.headers, rawBody: Buffer.from(signed.body) });
    expect(first.status).toBe(200);
    expect(first.delivery?.records[0]).toMatchObject({ txn_id: 'pay_Q1aB2cD3eF4gH5', account_id: 'acc_merchant', amount: '499.00', status: 'SUCCESS' });
    const again = await handler.handle({ headers: signed.headers, rawBody: signed.body });
    expect(again).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(seen).toHaveLength(1);
  });

  it('translates payment.failed, refund.processed (refund only) and settlement.processed; acknowledges others', async () => {
    const handler = createWebhookHandler({ secret: SECRET });
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['payment.failed', { payment: { entity: { ...PAYMENT, status: 'failed', captured: false, fee: null, tax: null } } }, ['FAILED']],
      ['refund.processed', { refund: { entity: { id: 'rfnd_AAAAAAAAAAAAAA', entity: 'refund', amount: 100, currency: 'INR', payment_id: PAYMENT.id, notes: [], receipt: null, acquirer_data: {}, created_at: 1717000200, batch_id: null, status: 'processed', speed_processed: 'normal', speed_requested: 'normal' } }, payment: { entity: PAYMENT } }, ['SUCCESS']],
      ['settlement.processed', { settlement: { entity: { id: 'setl_AAAAAAAAAAAAAA', entity: 'settlement', amount: 100, status: 'processed', fees: 0, tax: 0, utr: 'AXISCN1153863727', created_at: 1717000300 } } }, ['SUCCESS']],
      ['payment.authorized', { payment: { entity: { ...PAYMENT, status: 'authorized' } } }, []],
    ];
    for (const [name, payload, statuses] of cases) {
      const signed = signTestPayload(event(name, payload), SECRET);
      const result = await handler.handle({ headers: signed.headers, rawBody: signed.body });
      expect(result.status).toBe(200);
      expect(result.delivery?.records.map((r) => r.status)).toEqual(statuses);
    }
  });

  it('keeps an unmappable entity as invalid with its raw payload instead of dropping it', async () => {
    const handler = createWebhookHandler({ secret: SECRET });
    const signed = signTestPayload(event('payment.captured', { payment: { entity: { ...PAYMENT, amount: '499.00' } } }), SECRET);
    const result = await handler.handle({ headers: signed.headers, rawBody: signed.body });
    expect(result.status).toBe(200);
    expect(result.delivery?.invalid[0]?.error.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
    expect(result.delivery?.invalid[0]?.raw).toMatchObject({ id: PAYMENT.id, amount: '499.00' });
  });

  it('says so when the body was parsed or re-serialized, and refuses bad signatures with 401', async () => {
    const handler = createWebhookHandler({ secret: SECRET });
    // Razorpay's PHP encoder escapes slashes; JSON.stringify does not: the bytes differ.
    const phpBody = JSON.stringify(event('payment.captured', { payment: { entity: { ...PAYMENT, description: 'https://shop.example/o/1' } } })).replace(/\//g, '\\/');
    const signed = signTestPayload(phpBody, SECRET);
    expect((await handler.handle({ headers: signed.headers, rawBody: phpBody })).status).toBe(200);

    const parsed = await handler.handle({ headers: signed.headers, rawBody: JSON.parse(phpBody) });
    expect(parsed).toMatchObject({ status: 400, body: { code: 'WEBHOOK_BODY_NOT_RAW' } });
    expect(parsed.error?.message).toContain('raw');

    const reserialized = await handler.handle({ headers: signed.headers, rawBody: JSON.stringify(JSON.parse(phpBody)) });
    expect(reserialized).toMatchObject({ status: 401, body: { code: 'WEBHOOK_BODY_RESERIALIZED' } });
    expect(reserialized.error?.message).toContain('re-serialized');

    const forged = await handler.handle({ headers: { ...signed.headers, 'x-razorpay-signature': 'a'.repeat(64) }, rawBody: phpBody });
    expect(forged).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    const unsigned = await handler.handle({ headers: { 'x-razorpay-event-id': 'evt_1' }, rawBody: phpBody });
    expect(unsigned).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_MISSING' } });
    for (const result of [parsed, reserialized, forged]) expect(inspect(result, { depth: 10 }) + JSON.stringify(result)).not.toContain(SECRET);
  });

  it('reads fetch-style Headers and releases the event id when onEvent fails, so the retry is processed', async () => {
    let calls = 0;
    const handler = createWebhookHandler({
      secret: SECRET,
      onEvent: () => {
        calls += 1;
        if (calls === 1) throw new Error('queue unavailable');
      },
    });
    const signed = signTestPayload(event('payment.captured', { payment: { entity: PAYMENT } }), SECRET);
    const headers = new Headers(signed.headers);
    const failed = await handler.handle({ headers, rawBody: signed.body });
    expect(failed).toMatchObject({ status: 500, body: { status: 'failed', code: 'WEBHOOK_HANDLER_FAILED' } });
    expect((await handler.handle({ headers, rawBody: signed.body })).status).toBe(200);
    expect(calls).toBe(2);
  });
});

describe('webhooks end to end: sandbox delivery → node:http listener', () => {
  let sandbox: RazorpaySandbox;
  let server: Server;
  let url: string;
  const deliveries: WebhookDelivery[] = [];
  const results: WebhookResult[] = [];
  let failNext = 0;

  beforeAll(async () => {
    sandbox = await startRazorpaySandbox({ seed: 8, payments: 40, days: 3 });
    const handler = createWebhookHandler({
      secret: sandbox.credentials.webhookSecret,
      onEvent: (delivery) => {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('transient failure in the consumer');
        }
        deliveries.push(delivery);
      },
    });
    server = createServer(toNodeListener(handler, { onResult: (r) => results.push(r) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/razorpay`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  });

  it('processes every event exactly once despite shuffled order, redeliveries and failed attempts', async () => {
    const events = sandbox.webhooks.events();
    failNext = 3;
    const reports = await sandbox.webhooks.deliver(events, { url, duplicates: 5, retryDelayMs: 1 });
    expect(reports.every((r) => r.delivered)).toBe(true);
    expect(reports.flatMap((r) => r.statuses).filter((s) => s === 500)).toHaveLength(3);
    expect(reports.map((r) => r.eventId)).not.toEqual(events.map((e) => e.id).concat(events.slice(0, 5).map((e) => e.id)));
    expect(deliveries.map((d) => d.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(results.filter((r) => r.body.status === 'duplicate')).toHaveLength(5);

    const captured = deliveries.filter((d) => d.event === 'payment.captured').flatMap((d) => d.records);
    const capturedIds = sandbox.dataset.payments.filter((p) => p.captured).map((p) => p.id);
    expect(captured.map((t) => t.txn_id).sort()).toEqual(capturedIds.sort());
    const settled = deliveries.filter((d) => d.event === 'settlement.processed').flatMap((d) => d.records.map((t) => t.references.utr));
    expect(settled.sort()).toEqual(sandbox.dataset.settlements.filter((s) => s.status === 'processed').map((s) => s.utr).sort());
  });

  it('rejects a delivery signed with another secret, which the sandbox then retries to exhaustion', async () => {
    const [first] = sandbox.webhooks.events();
    const [report] = await sandbox.webhooks.deliver([first!], { url, secret: 'whsec_not_the_right_one', maxAttempts: 2, retryDelayMs: 1 });
    expect(report).toMatchObject({ delivered: false, statuses: [401, 401] });
  });
});
