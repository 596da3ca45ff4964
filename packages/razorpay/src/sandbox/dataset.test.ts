import { describe, expect, it } from 'vitest';
import { istDate } from '../mapping/time';
import { createRazorpayDataset } from './dataset';

const dataset = createRazorpayDataset({ seed: 99, payments: 400, days: 10, invalid: 3 });

describe('createRazorpayDataset', () => {
  it('is deterministic for a seed and different for another', () => {
    const again = createRazorpayDataset({ seed: 99, payments: 400, days: 10, invalid: 3 });
    expect(again.payments).toEqual(dataset.payments);
    expect(again.recon).toEqual(dataset.recon);
    expect(createRazorpayDataset({ seed: 100, payments: 400, days: 10 }).payments[0]?.id).not.toBe(dataset.payments[0]?.id);
  });

  it('has the mix a connector must handle: failures, authorizations, full and partial refunds', () => {
    const statuses = new Set(dataset.payments.map((p) => p.status));
    for (const status of ['captured', 'failed', 'authorized', 'refunded']) expect(statuses).toContain(status);
    expect(dataset.payments.some((p) => p.status === 'captured' && p.refund_status === 'partial')).toBe(true);
    expect(dataset.payments.some((p) => Array.isArray(p.notes))).toBe(true);
    expect(dataset.payments.some((p) => !Array.isArray(p.notes))).toBe(true);
    expect(new Set(dataset.payments.map((p) => p.method))).toEqual(new Set(['upi', 'card', 'netbanking', 'wallet', 'emi']));
  });

  it('keeps fees consistent: null until captured, GST inside the fee', () => {
    for (const p of dataset.payments) {
      if (dataset.invalid.has(p.id)) continue;
      if (p.captured) {
        expect(p.fee).not.toBeNull();
        expect(BigInt(p.tax ?? 0) * 100n <= BigInt(p.fee ?? 0) * 18n).toBe(true);
      } else expect([p.fee, p.tax]).toEqual([null, null]);
    }
  });

  it('refunds never exceed the payment, and amount_refunded is their sum', () => {
    for (const p of dataset.payments) {
      const refunded = dataset.refunds.filter((r) => r.payment_id === p.id).reduce((sum, r) => sum + BigInt(r.amount), 0n);
      expect(BigInt(p.amount_refunded)).toBe(refunded);
      if (!dataset.invalid.has(p.id)) expect(refunded <= BigInt(p.amount)).toBe(true);
      if (p.status === 'refunded') expect(refunded).toBe(BigInt(p.amount));
    }
  });

  it('settles every captured payment once, and each settlement is exactly its recon rows (credit − debit)', () => {
    const processed = dataset.settlements.filter((s) => s.status === 'processed');
    expect(processed.length).toBeGreaterThan(3);
    for (const settlement of processed) {
      const rows = dataset.recon.filter((r) => r.settlement_id === settlement.id);
      const net = rows.reduce((sum, r) => sum + BigInt(r.credit) - BigInt(r.debit), 0n);
      expect(net).toBe(BigInt(settlement.amount));
      for (const row of rows) {
        expect(row.settlement_utr === settlement.utr || row.type === 'adjustment').toBe(true);
        if (row.type === 'payment') expect(BigInt(row.credit)).toBe(BigInt(row.amount) - BigInt(row.fee));
        if (row.type === 'refund') expect(row.debit).toBe(row.amount);
      }
    }
    const settledPayments = dataset.recon.filter((r) => r.type === 'payment').map((r) => r.entity_id);
    expect(new Set(settledPayments).size).toBe(settledPayments.length);
    expect(dataset.recon.some((r) => r.type === 'adjustment' && !('credit_type' in r))).toBe(true);
  });

  it('settles on T+2 (IST) and leaves the latest settlement created, without UTR or recon rows', () => {
    for (const row of dataset.recon.filter((r) => r.type === 'payment')) {
      expect(Date.parse(istDate(row.settled_at)) - Date.parse(istDate(row.created_at))).toBeGreaterThanOrEqual(2 * 86_400_000);
    }
    const latest = dataset.settlements[0]!;
    expect(latest).toMatchObject({ status: 'created', utr: null });
    expect(dataset.recon.filter((r) => r.settlement_id === latest.id)).toEqual([]);
  });

  it('serves lists newest first', () => {
    const times = dataset.payments.map((p) => p.created_at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('breaks exactly the requested number of payments, and gives them no refunds', () => {
    expect(dataset.invalid.size).toBe(3);
    for (const id of dataset.invalid.keys()) expect(dataset.refunds.some((r) => r.payment_id === id)).toBe(false);
  });
});
