import { amountOf, parseTransaction, TransactionStore, type StandardTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { generateDataset, type Dataset } from './generate';
import { ledgerIndexOf, orderOfOrderId, orderOfPaymentId, refundIndexOf, batchOfSettlementId } from './decode';
import { SOURCES } from './sources';
import { Label } from './truth';

const all = (d: Dataset): StandardTransaction[] => [...d.ledger, ...d.payments, ...d.settlementLines, ...d.bank];
/** Signed minor units: CREDIT +, DEBIT −. */
const signed = (t: StandardTransaction): bigint => (t.direction === 'CREDIT' ? 1n : -1n) * amountOf(t).minor;
const minorOf = (value: string | undefined): bigint => (value === undefined ? 0n : amountOf({ amount: value, currency: 'INR' }).minor);

// One mid-sized dataset shared by the read-only checks below (generation is deterministic).
const data = generateDataset({ orders: 20_000, seed: 11 });

describe('generateDataset: determinism', () => {
  it('gives byte-identical records and truth for the same seed', () => {
    const a = generateDataset({ orders: 3_000, seed: 5 });
    const b = generateDataset({ orders: 3_000, seed: 5 });
    expect(JSON.stringify(all(a))).toBe(JSON.stringify(all(b)));
    expect(Buffer.from(a.truth.bankBatch.buffer).equals(Buffer.from(b.truth.bankBatch.buffer))).toBe(true);
    expect(Buffer.from(a.truth.ledgerOrder.buffer).equals(Buffer.from(b.truth.ledgerOrder.buffer))).toBe(true);
    expect(a.stats).toEqual(b.stats);
  });

  it('generates the same records into a store, every one of them, and reads them back by source', () => {
    const objects = generateDataset({ orders: 2_000, seed: 5 });
    const store = new TransactionStore();
    const stored = generateDataset({ orders: 2_000, seed: 5 }, store);
    expect(stored.store).toBe(store);
    for (const key of ['ledger', 'payments', 'settlementLines'] as const) expect([...stored[key]]).toStrictEqual(objects[key]);
    expect(stored.bank).toStrictEqual(objects.bank);
    expect(store.length).toBe(objects.ledger.length + objects.payments.length + objects.settlementLines.length + objects.bank.length);
    expect(stored.ledger.at(-1)).toStrictEqual(objects.ledger.at(-1));
    expect(stored.truth.duplicateKeys).toStrictEqual(objects.truth.duplicateKeys);
  });

  it('names every second copy in duplicateKeys; only ledger double posts have ids of their own', () => {
    for (const copy of data.truth.duplicates) {
      const r = copy as StandardTransaction;
      expect(data.truth.duplicateKeys.get(`${r.source}/${r.txn_id}`)).toBe(r.source !== SOURCES.ledger);
    }
    expect(data.truth.duplicateKeys.size).toBe(data.truth.duplicates.size);
  });

  it('gives different data for a different seed', () => {
    const a = generateDataset({ orders: 500, seed: 1 });
    const b = generateDataset({ orders: 500, seed: 2 });
    expect(JSON.stringify(a.payments)).not.toBe(JSON.stringify(b.payments));
  });
});

describe('generateDataset: records', () => {
  it('emits only records that parseTransaction accepts unchanged', () => {
    for (const record of all(data)) {
      expect(parseTransaction(record)).toEqual(record);
    }
  });

  it('keeps ids unique within a source except for replays and statement overlaps', () => {
    for (const source of [data.ledger, data.payments, data.settlementLines, data.bank]) {
      const seen = new Set<string>();
      for (const r of source) {
        if (seen.has(r.txn_id)) expect(data.truth.duplicates.has(r)).toBe(true);
        seen.add(r.txn_id);
      }
    }
  });

  it('encodes positions in ids so output can be scored without lookup tables', () => {
    const { truth } = data;
    data.ledger.forEach((r, i) => expect(ledgerIndexOf(r.txn_id)).toBe(i));
    data.payments.forEach((r, i) => {
      if (r.transaction_type === 'REFUND') {
        expect(truth.refundOrder[refundIndexOf(r.txn_id)]).toBe(truth.paymentOrder[i]);
        expect(orderOfPaymentId(r.references.payment_id as string)).toBe(truth.paymentOrder[i]);
        return;
      }
      expect(orderOfPaymentId(r.txn_id)).toBe(truth.paymentOrder[i]);
      expect(orderOfOrderId(r.references.order_id as string)).toBe(truth.paymentOrder[i]);
    });
    data.settlementLines.forEach((r, i) => {
      const order = r.transaction_type === 'REFUND' ? truth.refundOrder[refundIndexOf(r.txn_id)] : orderOfPaymentId(r.txn_id);
      expect(order).toBe(truth.lineOrder[i]);
      expect(batchOfSettlementId(r.references.settlement_id as string)).toBe(truth.lineBatch[i]);
    });
    expect(orderOfPaymentId('pay_not-an-id!')).toBe(-1);
    expect(ledgerIndexOf('pay_x')).toBe(-1);
  });

  it('charges 2 % + 18 % GST on the fee, rounded half-up at each step', () => {
    for (const r of data.settlementLines) {
      if (r.transaction_type === 'REFUND') continue;
      const gross = amountOf(r).minor;
      const mdr = (gross * 200n + 5_000n) / 10_000n;
      const gst = (mdr * 1_800n + 5_000n) / 10_000n;
      expect(minorOf(r.fee)).toBe(mdr + gst);
      expect(minorOf(r.tax)).toBe(gst);
    }
  });
});

describe('generateDataset: ground truth', () => {
  it('makes every batch credit equal the net of its settlement lines', () => {
    const { truth } = data;
    const sums = new Map<number, bigint>();
    data.settlementLines.forEach((r, i) => {
      const b = truth.lineBatch[i] as number;
      sums.set(b, (sums.get(b) ?? 0n) + signed(r) - minorOf(r.fee));
    });
    let reported = 0;
    truth.batches.net.forEach((net, b) => {
      const bank = data.bank[truth.batches.bankLine[b] as number] as StandardTransaction;
      expect(truth.bankBatch[truth.batches.bankLine[b] as number]).toBe(b);
      expect(signed(bank)).toBe(net);
      if (truth.batches.withheld[b]) {
        expect(sums.has(b)).toBe(false);
      } else {
        reported++;
        expect(sums.get(b)).toBe(net);
      }
    });
    expect(reported).toBeGreaterThan(0);
  });

  it('makes a withheld batch credit equal its payments net of fee minus its refunds', () => {
    const { truth } = data;
    const withheld = new Map<number, bigint>();
    data.payments.forEach((p, k) => {
      const o = truth.paymentOrder[k] as number;
      const b = truth.orderBatch[o] as number;
      if (b < 0 || !truth.batches.withheld[b] || truth.duplicates.has(p) || p.transaction_type === 'REFUND') return;
      withheld.set(b, (withheld.get(b) ?? 0n) + amountOf(p).minor - minorOf(p.fee));
    });
    expect(withheld.size).toBe(data.stats.withheldBatches);
    // Refund amounts are not in any record of a withheld batch: take them from the refund lines'
    // twins in a dataset where no report is withheld (same seed, same draws up to the report).
    const open = generateDataset({ orders: 20_000, seed: 11, noise: { withheldReport: 0 } });
    const refunds = new Map<number, bigint>();
    open.settlementLines.forEach((r, i) => {
      if (r.transaction_type === 'REFUND') {
        const b = open.truth.lineBatch[i] as number;
        refunds.set(b, (refunds.get(b) ?? 0n) + amountOf(r).minor);
      }
    });
    for (const [b, paymentsNet] of withheld) {
      if (refunds.has(b)) expect(truth.refundBatch.includes(b)).toBe(true);
      expect(paymentsNet - (refunds.get(b) ?? 0n)).toBe(truth.batches.net[b]);
    }
  });

  it('keeps batches within the size limit and settles UPI on T+1 and cards on T+2', () => {
    const small = generateDataset({ orders: 4_000, seed: 3, batchSize: 40 });
    const { truth } = small;
    expect(Math.max(...truth.batches.lineCount)).toBeLessThanOrEqual(40);
    expect(small.stats.batches).toBeGreaterThan(4_000 / 40 / 2);
    small.settlementLines.forEach((r) => {
      if (r.transaction_type === 'REFUND') return;
      const capture = Date.parse(`${r.timestamp.slice(0, 10)}T00:00:00Z`);
      const settled = Date.parse(`${r.value_date as string}T00:00:00Z`);
      expect((settled - capture) / 86_400_000).toBe(r.channel === 'UPI' ? 1 : 2);
    });
  });

  it('labels ledger rows consistently with the gateway side', () => {
    const { truth } = data;
    const counts = new Map<number, number>();
    data.ledger.forEach((l, i) => {
      const label = truth.ledgerLabel[i] as number;
      counts.set(label, (counts.get(label) ?? 0) + 1);
      const o = truth.ledgerOrder[i] as number;
      const p = data.payments[truth.orderPayment[o] as number];
      if (label === Label.UNMATCHED) return expect(truth.orderPayment[o]).toBe(-1);
      if (!p) throw new Error(`ledger row ${i} has no payment but is labelled ${label}`);
      if (label === Label.AMOUNT_MISMATCH) expect(l.amount).not.toBe(p.amount);
      if (label === Label.STATUS_MISMATCH) expect(l.status).not.toBe(p.status);
      if (label === Label.MATCHED) {
        expect(l.amount).toBe(p.amount);
        expect(l.status).toBe(p.status);
      }
    });
    for (const label of [Label.MATCHED, Label.AMOUNT_MISMATCH, Label.STATUS_MISMATCH, Label.UNMATCHED, Label.DUPLICATE]) {
      expect(counts.get(label) ?? 0).toBeGreaterThan(0);
    }
  });

  it('puts the UTR in the narration in full, truncated or not at all, in several templates', () => {
    const { truth } = data;
    const seen = { full: 0, truncated: 0, absent: 0 };
    const templates = new Set<string>();
    data.bank.forEach((r, i) => {
      const b = truth.bankBatch[i] as number;
      if (b < 0) return;
      const utr = truth.batches.utr[b] as string;
      const text = r.description as string;
      templates.add(text.replace(/[A-Z]{4}[A-Z0-9]{8,18}/, '<UTR>').split('<UTR>')[0] ?? '');
      if (text.includes(utr)) seen.full++;
      else if (text.includes(utr.slice(0, -4))) seen.truncated++;
      else seen.absent++;
    });
    expect(seen.truncated).toBeGreaterThan(0);
    expect(seen.absent).toBeGreaterThan(0);
    expect(seen.full).toBeGreaterThan(seen.truncated + seen.absent);
    for (const prefix of ['NEFT-', 'RTGS/', 'BY TRANSFER-NEFT*', 'NEFT CR-']) expect(templates.has(prefix)).toBe(true);
  });

  it('credits the bank on the settlement date or one day later', () => {
    const { truth } = data;
    const lag = new Map<number, number>();
    data.settlementLines.forEach((r, i) => {
      const b = truth.lineBatch[i] as number;
      const bank = data.bank[truth.batches.bankLine[b] as number] as StandardTransaction;
      const days = (Date.parse(bank.value_date as string) - Date.parse(r.value_date as string)) / 86_400_000;
      lag.set(days, (lag.get(days) ?? 0) + 1);
    });
    expect([...lag.keys()].sort()).toEqual([0, 1]);
  });

  it('includes every kind of noise', () => {
    const { stats, truth } = data;
    expect(stats.refundLines).toBeGreaterThan(0);
    expect(stats.withheldBatches).toBeGreaterThan(0);
    expect(truth.bankBatch.includes(-1)).toBe(true);
    expect(data.payments.some((p) => p.status === 'FAILED')).toBe(true);
    expect(data.ledger.some((l) => l.references.order_id === undefined)).toBe(true);
    expect(data.ledger.some((l) => l.references.order_id?.startsWith('ORD-'))).toBe(true);
    expect(data.bank.every((b) => b.value_date === b.timestamp.slice(0, 10))).toBe(true);
    expect(truth.orderBatch.some((b, o) => b === -1 && truth.orderPayment[o] !== -1 && data.payments[truth.orderPayment[o] as number]?.status === 'SUCCESS')).toBe(true);
    expect([...truth.duplicates].some((r) => (r as StandardTransaction).source === SOURCES.gateway)).toBe(true);
    expect([...truth.duplicates].some((r) => (r as StandardTransaction).source === SOURCES.ledger)).toBe(true);
  });
});

describe('generateDataset: gateway refunds', () => {
  it('emits every refund at the gateway as well, with its payment, amount and creation time', () => {
    const data = generateDataset({ orders: 20_000, seed: 5 });
    const { truth } = data;
    const gateway = data.payments.filter((p) => p.transaction_type === 'REFUND');
    expect(gateway).toHaveLength(truth.refundOrder.length);
    expect(data.stats.gatewayRefunds).toBe(gateway.length);
    const lines = new Map(data.settlementLines.filter((l) => l.transaction_type === 'REFUND').map((l) => [l.txn_id, l]));
    let settled = 0;
    for (const g of gateway) {
      const r = refundIndexOf(g.txn_id);
      expect(g).toMatchObject({ source: 'razorpay', direction: 'DEBIT', status: 'SUCCESS', references: { refund_id: g.txn_id } });
      expect(orderOfPaymentId(g.references.payment_id as string)).toBe(truth.refundOrder[r]);
      const line = lines.get(g.txn_id);
      expect(line !== undefined).toBe(truth.refundSettled[r] === 1);
      if (line) {
        settled++;
        expect([line.amount, line.timestamp, line.references.payment_id]).toEqual([g.amount, g.timestamp, g.references.payment_id]);
      }
    }
    expect(settled).toBeGreaterThan(0);
  });
});
