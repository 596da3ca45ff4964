import { createRng } from '@recon/core/testing';
import type { RazorpayPayment, RazorpayReconItem, RazorpayRefund, RazorpaySettlement } from '../api/types';
import { reconTxnId } from '../mapping/map-recon-item';
import { istDate } from '../mapping/time';
import { capturePaymentEntity, generatePayment, refundPaymentEntity, type GeneratedPayment } from './generate-payments';
import { settle } from './generate-settlements';

const DAY = 86_400;

/** 2024-06-01 00:00 IST. */
export const DEFAULT_DATASET_START = 1_717_180_200;

/** Options of {@link createRazorpayDataset}. */
export interface RazorpayDatasetOptions {
  seed: number | string;
  /** Number of payments (default 200). */
  payments?: number;
  /** Unix seconds of the first possible payment (default 2024-06-01 00:00 IST). */
  start?: number;
  /** Days over which payments are spread (default 7). */
  days?: number;
  /** Payments deliberately broken the way a connector must survive (bad amount type, unknown currency, unknown status). */
  invalid?: number;
}

/** Why a payment is deliberately invalid. */
export type InvalidKind = 'amount_not_integer' | 'currency_unknown' | 'status_unknown';
const INVALID_KINDS: readonly InvalidKind[] = ['amount_not_integer', 'currency_unknown', 'status_unknown'];

/** A window of the dataset, as the connector reads it: `from <= created_at < to` (Unix seconds). */
export interface DatasetWindow {
  from: number;
  to: number;
  streams?: ReadonlyArray<'payments' | 'refunds' | 'settlements' | 'settlement_recon'>;
}

/**
 * A seeded, self-consistent Razorpay account: payments (captured, failed, authorized, partly and
 * fully refunded), their refunds, T+2 settlements and recon rows whose credits minus debits are
 * exactly each settlement's amount. Lists are kept newest first, as Razorpay serves them.
 */
export interface RazorpayDataset {
  readonly start: number;
  /** End of the payment period. */
  readonly end: number;
  /** The dataset's "now": later than every entity, settlements included. */
  readonly now: number;
  readonly payments: RazorpayPayment[];
  readonly refunds: RazorpayRefund[];
  readonly settlements: RazorpaySettlement[];
  readonly recon: RazorpayReconItem[];
  /** Deliberately broken payments and how each is broken. */
  readonly invalid: ReadonlyMap<string, InvalidKind>;
  /** The `txn_id`s a correct read of `window` yields (recon: settlement days `from` ≤ day < `to`, IST). */
  expectedIds(window: DatasetWindow): string[];
  /** Capture an authorized payment (a state change the connector must re-emit). */
  capture(paymentId: string): RazorpayPayment;
  /** Refund `amount` paise of a payment now (`at`, default its creation + 1 h); returns the refund. */
  refund(paymentId: string, amount: number, at?: number): RazorpayRefund;
}

/** Newest first, ties by id descending: the order the sandbox serves (stable, so offsets are too). */
export function newestFirst<T extends { created_at: number; id?: string; entity_id?: string }>(a: T, b: T): number {
  const ka = a.id ?? a.entity_id ?? '';
  const kb = b.id ?? b.entity_id ?? '';
  return b.created_at - a.created_at || (ka < kb ? 1 : ka > kb ? -1 : 0);
}

function breakPayment(payment: RazorpayPayment, kind: InvalidKind): void {
  const target = payment as unknown as Record<string, unknown>;
  if (kind === 'amount_not_integer') target['amount'] = `${BigInt(payment.amount) / 100n}.00`;
  if (kind === 'currency_unknown') target['currency'] = 'RUPEE';
  if (kind === 'status_unknown') target['status'] = 'settled_maybe';
}

/** Build the dataset. The same options always give the same entities, ids and amounts. */
export function createRazorpayDataset(options: RazorpayDatasetOptions): RazorpayDataset {
  const count = options.payments ?? 200;
  const start = options.start ?? DEFAULT_DATASET_START;
  const days = options.days ?? 7;
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(days) || days < 1) throw new RangeError('payments must be >= 0 and days >= 1');
  const rng = createRng(`razorpay:${options.seed}`);
  const end = start + days * DAY;
  const now = end + 5 * DAY;

  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    // About one payment in ten shares its second with the previous one: offsets must stay stable.
    const previous = times.at(-1);
    times.push(previous !== undefined && rng.chance(0.1) ? previous : rng.int(start, end - 1));
  }
  times.sort((a, b) => a - b);
  const generated: GeneratedPayment[] = times.map((at, i) => generatePayment(rng, i, at));

  const invalid = new Map<string, InvalidKind>();
  const breakable = rng.shuffle(generated.map((g) => g.payment)).slice(0, options.invalid ?? 0);
  breakable.forEach((payment, i) => invalid.set(payment.id, INVALID_KINDS[i % INVALID_KINDS.length] as InvalidKind));

  const refunds: RazorpayRefund[] = [];
  for (const { payment } of generated) {
    if (payment.status !== 'captured' || invalid.has(payment.id)) continue;
    const roll = rng.next();
    if (roll >= 0.17) continue;
    const at = payment.created_at + rng.int(600, 2 * DAY);
    const amount = BigInt(payment.amount);
    if (roll < 0.1) {
      refunds.push(refundPaymentEntity(rng, payment, amount, at));
    } else {
      const first = amount / BigInt(rng.int(3, 5));
      refunds.push(refundPaymentEntity(rng, payment, first, at, at > end ? 'pending' : 'processed'));
    }
  }
  const valid = generated.filter((g) => !invalid.has(g.payment.id));
  const book = settle(rng, valid, refunds, now);
  for (const { payment } of generated) {
    const kind = invalid.get(payment.id);
    if (kind) breakPayment(payment, kind);
  }

  const payments = generated.map((g) => g.payment).sort(newestFirst);
  refunds.sort(newestFirst);
  book.settlements.sort(newestFirst);
  const inWindow = (w: DatasetWindow) => (e: { created_at: number }) => e.created_at >= w.from && e.created_at < w.to;
  const paymentsById = new Map(payments.map((p) => [p.id, p]));

  return {
    start,
    end,
    now,
    payments,
    refunds,
    settlements: book.settlements,
    recon: book.recon,
    invalid,
    expectedIds(window) {
      const streams = new Set(window.streams ?? ['payments', 'refunds', 'settlements', 'settlement_recon']);
      const ids: string[] = [];
      const within = inWindow(window);
      if (streams.has('payments')) ids.push(...payments.filter((p) => within(p) && !invalid.has(p.id)).map((p) => p.id));
      if (streams.has('refunds')) ids.push(...refunds.filter(within).map((r) => r.id));
      if (streams.has('settlements')) ids.push(...book.settlements.filter(within).map((s) => s.id));
      if (streams.has('settlement_recon')) {
        const [first, last] = [istDate(window.from), istDate(window.to)];
        ids.push(...book.recon.filter((r) => istDate(r.settled_at) >= first && istDate(r.settled_at) < last).map((r) => reconTxnId(r.settlement_id, r.entity_id)));
      }
      return ids;
    },
    capture(paymentId) {
      const payment = paymentsById.get(paymentId);
      if (!payment) throw new RangeError(`no payment ${paymentId}`);
      capturePaymentEntity(payment);
      return payment;
    },
    refund(paymentId, amount, at) {
      const payment = paymentsById.get(paymentId);
      if (!payment) throw new RangeError(`no payment ${paymentId}`);
      if (payment.status !== 'captured') throw new RangeError(`${paymentId} is ${payment.status}; only captured payments can be refunded`);
      const refund = refundPaymentEntity(rng, payment, BigInt(amount), at ?? payment.created_at + 3_600);
      refunds.push(refund);
      refunds.sort(newestFirst);
      return refund;
    },
  };
}
