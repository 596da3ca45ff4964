import { ConfigError, isReconError } from '@recon/core';
import type { ConnectorMessage, StandardTransaction } from '@recon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRazorpaySandbox, type RazorpaySandbox } from '../sandbox';
import type { RazorpayCursor } from './cursor';
import { razorpay } from './razorpay-connector';

let sandbox: RazorpaySandbox;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

beforeAll(async () => {
  sandbox = await startRazorpaySandbox({ seed: 321, payments: 250, days: 6 });
});
afterAll(() => sandbox.close());

const connector = (overrides: Partial<Parameters<typeof razorpay>[0]> = {}) =>
  razorpay({ keyId: sandbox.credentials.keyId, keySecret: sandbox.credentials.keySecret, baseUrl: sandbox.url, pageSize: 20, streams: ['payments', 'refunds'], overlapSeconds: 3_600, ...overrides });

async function read(options: Parameters<ReturnType<typeof razorpay>['read']>[0]) {
  const messages: ConnectorMessage<RazorpayCursor>[] = [];
  for await (const message of connector().read(options)) messages.push(message);
  const records = messages.filter((m): m is { type: 'record'; txn: StandardTransaction } => m.type === 'record').map((m) => m.txn);
  const states = messages.filter((m) => m.type === 'state').map((m) => (m as { cursor: RazorpayCursor }).cursor);
  return { records, cursor: states.at(-1) };
}

describe('incremental sync', () => {
  it('re-emits a payment whose status changed in the overlap window, with the same txn_id, and skips unchanged ones', async () => {
    const { dataset } = sandbox;
    const authorized = dataset.payments.find((p) => p.status === 'authorized' && p.created_at > dataset.start + 86_400);
    if (!authorized) throw new Error('dataset has no authorized payment to capture');
    const signpost = authorized.created_at + 60;
    const first = await read({ from: iso(dataset.start), to: iso(signpost) });
    expect(first.records.find((t) => t.txn_id === authorized.id)).toMatchObject({ status: 'PENDING', raw_status: 'authorized' });
    expect(first.records.map((t) => t.txn_id)).toEqual(dataset.expectedIds({ from: dataset.start, to: signpost, streams: ['payments', 'refunds'] }));

    // Later: the payment is captured, and an older payment (outside the overlap) is refunded.
    dataset.capture(authorized.id);
    const older = dataset.payments.find((p) => p.status === 'captured' && p.amount_refunded === 0 && p.created_at < signpost - 7_200);
    if (!older) throw new Error('dataset has no older captured payment');
    const refund = dataset.refund(older.id, older.amount, signpost + 100);

    const next = signpost + 86_400;
    const second = await read({ cursor: first.cursor!, to: iso(next) });
    const byId = new Map(second.records.map((t) => [t.txn_id, t]));
    expect(byId.get(authorized.id)).toMatchObject({ txn_id: authorized.id, status: 'SUCCESS', raw_status: 'captured' });
    expect(byId.get(refund.id)).toMatchObject({ transaction_type: 'REFUND', references: { payment_id: older.id } });
    // The older payment's own version is not re-read: its refund record carries the change.
    expect(byId.has(older.id)).toBe(false);
    const zone = dataset.payments.filter((p) => p.created_at >= signpost - 3_600 && p.created_at < signpost && p.id !== authorized.id);
    expect(zone.length).toBeGreaterThan(0);
    for (const p of zone) expect(byId.has(p.id)).toBe(false);
    const fresh = dataset.expectedIds({ from: signpost, to: next, streams: ['payments', 'refunds'] });
    expect(fresh.every((id) => byId.has(id))).toBe(true);
    expect(second.records).toHaveLength(fresh.length + 1);
  });

  it('remembers only the overlap zone in the cursor, and the cursor survives JSON', async () => {
    const { dataset } = sandbox;
    const { cursor } = await read({ from: iso(dataset.start), to: iso(dataset.end) });
    const state = cursor!.payments!;
    expect(state).toMatchObject({ lo: dataset.start, hi: dataset.end, done: true, skip: 0 });
    const inZone = dataset.payments.filter((p) => p.created_at >= dataset.end - 3_600 && p.created_at < dataset.end).map((p) => p.id);
    expect(Object.keys(state.seen).sort()).toEqual(inZone.sort());
    expect(JSON.parse(JSON.stringify(cursor))).toEqual(cursor);
  });

  it('puts every second in exactly one window, whatever the API does at the bounds', async () => {
    const { dataset } = sandbox;
    // Three windows whose bounds fall exactly on payment timestamps (the sandbox's bounds are inclusive).
    const cuts = [dataset.payments[200]!.created_at, dataset.payments[100]!.created_at];
    const ids: string[] = [];
    let cursor: RazorpayCursor | undefined;
    for (const to of [...cuts.map(iso), iso(dataset.now)]) {
      const result = await read(cursor ? { cursor, to } : { from: iso(dataset.start), to });
      ids.push(...result.records.map((t) => t.txn_id));
      cursor = result.cursor ?? cursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(dataset.expectedIds({ from: dataset.start, to: dataset.now, streams: ['payments', 'refunds'] })));
  });

  it('reads exactly lo <= created_at < hi, though it asks the API for one second more on each side', async () => {
    const { dataset } = sandbox;
    const lo = dataset.payments[150]!.created_at + 1;
    const hi = dataset.payments[50]!.created_at;
    sandbox.server.clearRequests();
    const { records } = await read({ from: iso(lo), to: iso(hi) });
    expect(sandbox.server.requests[0]?.query).toMatchObject({ from: String(lo - 1), to: String(hi) });
    expect(records.map((t) => t.txn_id)).toEqual(dataset.expectedIds({ from: lo, to: hi, streams: ['payments', 'refunds'] }));
    expect(dataset.payments.some((p) => p.created_at === lo - 1 || p.created_at === hi)).toBe(true);
  });

  it('reads only the configured streams', async () => {
    const { dataset } = sandbox;
    const messages: string[] = [];
    for await (const m of connector({ streams: ['settlements'] }).read({ from: iso(dataset.start), to: iso(dataset.now) })) if (m.type === 'record') messages.push(m.txn.transaction_type);
    expect(new Set(messages)).toEqual(new Set(['SETTLEMENT']));
  });

  it('rejects a cursor that is not its own, before any request', async () => {
    sandbox.server.clearRequests();
    let error: unknown;
    try {
      for await (const _ of connector().read({ cursor: { v: 2 } as unknown as RazorpayCursor })) void _;
    } catch (e) {
      error = e;
    }
    expect(isReconError(error) && error.code).toBe('CURSOR_INVALID');
    expect(error).toBeInstanceOf(ConfigError);
    expect(sandbox.server.requests).toHaveLength(0);
  });
});
