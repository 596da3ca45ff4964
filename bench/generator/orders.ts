import { DAY } from './clock';
import { METHOD_CDF, METHOD_CHANNEL, METHOD_SETTLE_DAYS, type GenContext } from './context';
import { samplePrice } from './price-points';
import { gatewayRefundRecord, ledgerRecord, paymentRecord, type LedgerKey } from './records';
import type { BenchRng } from './rng';
import { createSourceBuffer, type SourceBuffer } from './source-buffer';
import { ID_CHARS, IdKind, begin, end, idString, put, putBytes, putPadded, randomIdBody } from './text';
import { Label } from './truth';

/** Refunds created in the order phase; they settle in a later batch. */
export interface RefundPlan {
  /** Order whose payment is refunded. */
  order: number[];
  /** When the refund was created (seconds since the period start). */
  second: number[];
  /** Refunded amount, paise. */
  minor: bigint[];
  /** `rfnd_…` ids. */
  id: string[];
}

/** Output of {@link generateOrders}: ledger and gateway records plus what the settlement phase needs. */
export interface OrderPhase {
  /** Ledger rows (`order`, `label` columns). */
  ledger: SourceBuffer;
  /** Gateway payments (`order`, `label` columns). */
  payments: SourceBuffer;
  orderLedger: Int32Array;
  orderPayment: Int32Array;
  /** Capture (creation) second of each order's payment. */
  second: Int32Array;
  /** Price point of each order. */
  price: Uint16Array;
  /** Method code of each order (index into METHOD_CHANNEL). */
  method: Uint8Array;
  /** 14-character id bodies, `ID_CHARS` bytes per order. */
  orderIdBytes: Uint8Array;
  paymentIdBytes: Uint8Array;
  /**
   * Lines waiting for a settlement batch, by `settleDay * 4 + method`: an order index (payment
   * line) or `-(refund + 1)` (refund line), in creation order.
   */
  settleGroups: Map<number, number[]>;
  refunds: RefundPlan;
  /** Second copies (double posts, replays). */
  duplicates: Set<object>;
}

/**
 * Sorted uniform times over the period, in whole seconds. Cumulative exponential gaps normalised
 * by their total are distributed as sorted uniforms, so no sort of a million numbers is needed.
 */
function orderSeconds(rng: BenchRng, count: number, days: number): Int32Array {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += -Math.log(1 - rng.next());
    cumulative[i] = sum;
  }
  const total = sum - Math.log(1 - rng.next());
  const span = days * DAY;
  const seconds = new Int32Array(count);
  for (let i = 0; i < count; i++) seconds[i] = Math.floor(((cumulative[i] as number) / total) * span);
  return seconds;
}

/** A ledger amount that disagrees with the gateway: a few paise off, or a ×100 unit error. */
function perturbAmount(rng: BenchRng, gross: bigint, unitErrorShare: number): bigint {
  if (rng.chance(unitErrorShare)) return gross * 100n;
  const delta = BigInt(rng.int(1, 500));
  if (rng.chance(0.5) && gross > delta) return gross - delta;
  return gross + delta;
}

/** Ledger timestamp skew: N(0, 20 s), plus sometimes a time-zone sized error of ±1–26 h. */
function ledgerSkew(rng: BenchRng, largeSkewRate: number): number {
  let skew = Math.round(rng.normal() * 20);
  if (rng.chance(largeSkewRate)) skew += (rng.chance(0.5) ? 1 : -1) * rng.int(3_600, 26 * 3_600);
  return skew;
}

function ledgerId(seq: number): string {
  begin();
  put('le_');
  putPadded(seq, 9);
  return end();
}

/**
 * Phase 1: one pass over the orders in time order. Writes ledger entries and gateway payments with
 * their noise, and queues captured payments (and later refunds) for settlement.
 */
export function generateOrders(ctx: GenContext): OrderPhase {
  const { options, clock, prices, amountText, priceText } = ctx;
  const rng = ctx.rng.orders;
  const n = options.orders;
  const noise = options.noise;
  const second = orderSeconds(rng, n, options.days);
  const price = new Uint16Array(n);
  const method = new Uint8Array(n);
  const orderIdBytes = new Uint8Array(n * ID_CHARS);
  const paymentIdBytes = new Uint8Array(n * ID_CHARS);
  const orderLedger = new Int32Array(n).fill(-1);
  const orderPayment = new Int32Array(n).fill(-1);
  // At most two rows per order on each side (an original and a duplicate), plus a refund at the gateway.
  const ledger = createSourceBuffer(2 * n, ctx.store);
  const payments = createSourceBuffer(3 * n, ctx.store);
  const settleGroups = new Map<number, number[]>();
  const refunds: RefundPlan = { order: [], second: [], minor: [], id: [] };
  const refundIdBody = new Uint8Array(ID_CHARS);
  const duplicates = new Set<object>();
  // Refunds settle no later than the last day that also has payment lines, so no batch is refunds only.
  const lastRefundSettleDay = options.days;

  const queue = (settleDay: number, methodCode: number, entry: number): void => {
    const key = settleDay * 4 + methodCode;
    let group = settleGroups.get(key);
    if (group === undefined) {
      group = [];
      settleGroups.set(key, group);
    }
    group.push(entry);
  };

  for (let i = 0; i < n; i++) {
    const s = second[i] as number;
    const p = samplePrice(prices, rng);
    price[i] = p;
    const u = rng.next();
    const m = u < (METHOD_CDF[0] as number) ? 0 : u < (METHOD_CDF[1] as number) ? 1 : 2;
    method[i] = m;
    randomIdBody(rng, orderIdBytes, i * ID_CHARS, i, IdKind.order);
    randomIdBody(rng, paymentIdBytes, i * ID_CHARS, i, IdKind.payment);
    const gross = prices.minor[p] as bigint;

    const presence = rng.next();
    const missingInLedger = presence < noise.missingInLedger;
    const missingInGateway = !missingInLedger && presence < noise.missingInLedger + noise.missingInGateway;
    const captured = missingInGateway || !rng.chance(noise.failedPayment);
    const bothSides = !missingInLedger && !missingInGateway;
    const statusMismatch = bothSides && rng.chance(noise.statusMismatch);
    const amountMismatch = bothSides && !statusMismatch && rng.chance(noise.amountMismatch);
    const pairLabel = statusMismatch ? Label.STATUS_MISMATCH : amountMismatch ? Label.AMOUNT_MISMATCH : Label.MATCHED;

    if (!missingInLedger) {
      const amount = amountMismatch ? amountText(perturbAmount(rng, gross, noise.unitErrorShare)) : (priceText.gross[p] as string);
      const paid = statusMismatch ? !captured : captured;
      const keyDraw = rng.next();
      const key: LedgerKey =
        keyDraw < noise.ledgerKeyless
          ? { kind: 'none' }
          : keyDraw < noise.ledgerKeyless + noise.ledgerReformatted
            ? { kind: 'reformatted', value: idString('ORD-', orderIdBytes, i) }
            : { kind: 'order', orderId: idString('order_', orderIdBytes, i) };
      const postedAt = s + ledgerSkew(rng, noise.largeSkew);
      orderLedger[i] = ledger.push(
        ledgerRecord({ txnId: ledgerId(ledger.length + 1), amount, paid, timestamp: clock.timestamp(postedAt), key }),
        i,
        missingInGateway ? Label.UNMATCHED : pairLabel,
      );
      if (rng.chance(noise.ledgerDuplicate)) {
        // A double post: the same entry again, seconds to minutes later, under a new entry id.
        const again = key.kind === 'order' ? { kind: 'order' as const, orderId: idString('order_', orderIdBytes, i) } : key;
        const copy = ledgerRecord({ txnId: ledgerId(ledger.length + 1), amount, paid, timestamp: clock.timestamp(postedAt + rng.int(1, 120)), key: again });
        duplicates.add(copy);
        ledger.push(copy, i, Label.DUPLICATE);
      }
    }

    if (missingInGateway) continue;
    const paymentId = idString('pay_', paymentIdBytes, i);
    const params = {
      paymentId,
      orderId: idString('order_', orderIdBytes, i),
      amount: priceText.gross[p] as string,
      captured,
      timestamp: clock.timestamp(s),
      channel: METHOD_CHANNEL[m] as (typeof METHOD_CHANNEL)[number],
      fee: captured ? priceText.fee[p] : undefined,
      tax: captured ? priceText.tax[p] : undefined,
    };
    const record = paymentRecord(params);
    orderPayment[i] = payments.push(record, i, missingInLedger ? Label.UNMATCHED : pairLabel);
    if (rng.chance(noise.gatewayDuplicate)) {
      // A webhook replay: the same payment, same id, delivered again.
      const replay = paymentRecord(params);
      duplicates.add(replay);
      payments.push(replay, i, Label.DUPLICATE);
    }

    if (!captured || rng.chance(noise.unsettled)) continue;
    const captureDay = Math.floor(s / DAY);
    queue(captureDay + (METHOD_SETTLE_DAYS[m] as number), m, i);
    if (!rng.chance(noise.refund)) continue;
    const refundDay = captureDay + rng.int(1, 7);
    if (refundDay + 1 > lastRefundSettleDay) continue;
    const refund = refunds.order.length;
    randomIdBody(rng, refundIdBody, 0, refund, IdKind.refund);
    begin();
    put('rfnd_');
    putBytes(refundIdBody, 0, ID_CHARS);
    refunds.id.push(end());
    refunds.order.push(i);
    refunds.second.push(refundDay * DAY + rng.int(0, DAY - 1));
    // Half the refunds are full, half partial (10–90 %, rounded down to a whole paisa, at least 1).
    refunds.minor.push(rng.chance(0.5) ? gross : (gross * BigInt(rng.int(10, 90))) / 100n || 1n);
    queue(refundDay + 1, m, -(refund + 1));
  }

  // The gateway's own refund records (Razorpay lists refunds beside payments), after every payment,
  // so payment positions do not move; no random draws, so the other records stay byte-identical.
  refunds.order.forEach((o, r) => {
    const record = gatewayRefundRecord({
      refundId: refunds.id[r] as string,
      paymentId: idString('pay_', paymentIdBytes, o),
      amount: amountText(refunds.minor[r] as bigint),
      timestamp: clock.timestamp(refunds.second[r] as number),
    });
    payments.push(record, o, Label.REFUND);
  });

  ledger.finish();
  payments.finish();
  return {
    ledger,
    payments,
    orderLedger,
    orderPayment,
    second,
    price,
    method,
    orderIdBytes,
    paymentIdBytes,
    settleGroups,
    refunds,
    duplicates,
  };
}
