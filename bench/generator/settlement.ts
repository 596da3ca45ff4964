import { METHOD_CHANNEL, type GenContext } from './context';
import type { OrderPhase } from './orders';
import { settlementPaymentLine, settlementRefundLine } from './records';
import { createSourceBuffer, type SourceBuffer } from './source-buffer';
import { ID_CHARS, IdKind, begin, end, idString, put, putBytes, randomIdBody } from './text';
import { Label } from './truth';
import { randomUtr, type Utr } from './utr';

/** One settlement batch: one payout, one bank credit. */
export interface Batch {
  settleDay: number;
  method: number;
  settlementId: string;
  utr: Utr;
  withheld: boolean;
  /** Net paid out, paise (payments net of fee and GST, minus refunds). */
  net: bigint;
  /** Order indexes of the payment lines. */
  orders: number[];
  /** Refund indexes of the refund lines. */
  refunds: number[];
}

/** Output of {@link generateSettlements}. */
export interface SettlementPhase {
  /** Report lines (`order`, `label` and, as `extra`, the batch). */
  lines: SourceBuffer;
  batches: Batch[];
  /** Batch of each order's payment, −1 if it did not settle. */
  orderBatch: Int32Array;
  /** Settlement line of each order's payment, −1 if none was emitted. */
  orderLine: Int32Array;
  /** Refunds dropped because their batch would otherwise have paid out nothing. */
  droppedRefunds: number;
  /** 1 where the refund has a settlement line. */
  refundSettled: Uint8Array;
  /** Batch each refund was netted into, −1 if none. */
  refundBatch: Int32Array;
}

/**
 * Splits one (settle day, method) group into batches of at most `size` lines. Refunds are dealt
 * round-robin over the batches and payments fill the rest in time order, so every batch nets
 * positive (a payout is never a debit).
 */
function chunkGroup(entries: readonly number[], size: number): { orders: number[]; refunds: number[] }[] {
  const orders = entries.filter((e) => e >= 0);
  const refunds = entries.filter((e) => e < 0).map((e) => -e - 1);
  const count = Math.max(1, Math.ceil(entries.length / size));
  const chunks = Array.from({ length: count }, () => ({ orders: [] as number[], refunds: [] as number[] }));
  refunds.forEach((r, k) => chunks[k % count]?.refunds.push(r));
  let next = 0;
  for (const chunk of chunks) {
    const room = size - chunk.refunds.length;
    while (chunk.orders.length < room && next < orders.length) chunk.orders.push(orders[next++] as number);
  }
  return chunks;
}

function yyyymmdd(date: string): string {
  return date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
}

/**
 * Phase 2: batches per (settle day, method), chunked at `batchSize` lines, each with a `setl_` id
 * and a UTR; report lines for every batch whose report is not withheld.
 */
export function generateSettlements(ctx: GenContext, orders: OrderPhase): SettlementPhase {
  const { options, clock, fees, amountText, priceText } = ctx;
  const rng = ctx.rng.settlement;
  const n = options.orders;
  const orderBatch = new Int32Array(n).fill(-1);
  const orderLine = new Int32Array(n).fill(-1);
  const refundSettled = new Uint8Array(orders.refunds.order.length);
  const refundBatch = new Int32Array(orders.refunds.order.length).fill(-1);
  const lines = createSourceBuffer(n + orders.refunds.order.length, ctx.store);
  const out: SettlementPhase = { lines, batches: [], orderBatch, orderLine, droppedRefunds: 0, refundSettled, refundBatch };
  const idBody = new Uint8Array(ID_CHARS);
  const usedUtrs = new Set<string>();
  const keys = [...orders.settleGroups.keys()].sort((a, b) => a - b);

  for (const key of keys) {
    const settleDay = Math.floor(key / 4);
    const method = key % 4;
    const settledOn = clock.date(settleDay);
    const channel = METHOD_CHANNEL[method] as (typeof METHOD_CHANNEL)[number];
    for (const chunk of chunkGroup(orders.settleGroups.get(key) ?? [], options.batchSize)) {
      let net = 0n;
      for (const o of chunk.orders) net += (fees[orders.price[o] as number]?.net ?? 0n);
      let refundTotal = 0n;
      for (const r of chunk.refunds) refundTotal += orders.refunds.minor[r] as bigint;
      if (net - refundTotal <= 0n) {
        // A tiny tail batch whose refunds outweigh its payments: those refunds wait for a later cycle.
        out.droppedRefunds += chunk.refunds.length;
        chunk.refunds = [];
        refundTotal = 0n;
      }
      if (chunk.orders.length === 0) continue;
      net -= refundTotal;

      const batchIndex = out.batches.length;
      randomIdBody(rng, idBody, 0, batchIndex, IdKind.settlement);
      begin();
      put('setl_');
      putBytes(idBody, 0, ID_CHARS);
      const settlementId = end();
      let utr = randomUtr(rng, yyyymmdd(settledOn));
      while (usedUtrs.has(utr.value)) utr = randomUtr(rng, yyyymmdd(settledOn));
      usedUtrs.add(utr.value);
      const withheld = rng.chance(options.noise.withheldReport);
      out.batches.push({ settleDay, method, settlementId, utr, withheld, net, orders: chunk.orders, refunds: chunk.refunds });

      for (const r of chunk.refunds) refundBatch[r] = batchIndex;
      for (const o of chunk.orders) {
        orderBatch[o] = batchIndex;
        if (withheld) continue;
        const p = orders.price[o] as number;
        orderLine[o] = lines.push(
          settlementPaymentLine({
            paymentId: idString('pay_', orders.paymentIdBytes, o),
            orderId: idString('order_', orders.orderIdBytes, o),
            settlementId,
            utr: utr.value,
            gross: priceText.gross[p] as string,
            fee: priceText.fee[p] as string,
            tax: priceText.tax[p] as string,
            timestamp: clock.timestamp(orders.second[o] as number),
            settledOn,
            channel,
          }),
          o,
          Label.MATCHED,
          batchIndex,
        );
      }
      if (withheld) continue;
      for (const r of chunk.refunds) {
        const o = orders.refunds.order[r] as number;
        refundSettled[r] = 1;
        lines.push(
          settlementRefundLine({
            refundId: orders.refunds.id[r] as string,
            paymentId: idString('pay_', orders.paymentIdBytes, o),
            settlementId,
            utr: utr.value,
            amount: amountText(orders.refunds.minor[r] as bigint),
            timestamp: clock.timestamp(orders.refunds.second[r] as number),
            settledOn,
            channel,
          }),
          o,
          Label.REFUND,
          batchIndex,
        );
      }
    }
  }
  lines.finish();
  return out;
}
