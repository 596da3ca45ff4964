import type { Rng } from '@recon/core/testing';
import type { RazorpayPayment, RazorpayReconItem, RazorpayRefund, RazorpaySettlement } from '../api/types';
import { addDays, istDate, istMidnight } from '../mapping/time';
import type { CardInfo } from './generate-payments';
import { razorpayId } from './generate-payments';
import { toWire } from './money';

const HOUR = 3_600;

/** What settlement needs to know about each payment. */
export interface SettleablePayment {
  payment: RazorpayPayment;
  card?: CardInfo;
  receipt: string | null;
}

/** Settlements and their recon rows. */
export interface SettlementBook {
  settlements: RazorpaySettlement[];
  /** Recon rows of processed settlements (a `created` settlement has none yet). */
  recon: RazorpayReconItem[];
}

/**
 * Recon `notes` the way the report really serves them: usually the payment's notes, sometimes
 * the string `"{}"`, a plain string, or `null` (bank-apis.md §1.6).
 */
function reconNotes(rng: Rng, notes: RazorpayPayment['notes']): RazorpayReconItem['notes'] {
  const roll = rng.next();
  if (roll < 0.1) return '{}';
  if (roll < 0.15) return 'Beam me up Scotty.';
  if (roll < 0.2) return null;
  return notes;
}

type Row = Omit<RazorpayReconItem, 'settlement_id' | 'settled_at' | 'posted_at' | 'settlement_utr'>;

function paymentRow(rng: Rng, p: SettleablePayment): Row {
  const { payment } = p;
  const fee = BigInt(payment.fee ?? 0);
  return {
    entity_id: payment.id,
    type: 'payment',
    debit: 0,
    credit: toWire(BigInt(payment.amount) - fee),
    amount: payment.amount,
    currency: payment.currency,
    fee: toWire(fee),
    tax: payment.tax ?? 0,
    on_hold: false,
    settled: true,
    created_at: payment.created_at,
    credit_type: 'default',
    description: payment.description,
    notes: reconNotes(rng, payment.notes),
    payment_id: null,
    order_id: payment.order_id,
    order_receipt: p.receipt,
    method: payment.method,
    card_network: p.card?.network ?? null,
    card_issuer: p.card?.issuer ?? null,
    card_type: p.card?.type ?? null,
    dispute_id: null,
  };
}

function refundRow(rng: Rng, refund: RazorpayRefund, parent: SettleablePayment | undefined): Row {
  return {
    entity_id: refund.id,
    type: 'refund',
    debit: refund.amount,
    credit: 0,
    amount: refund.amount,
    currency: refund.currency,
    fee: 0,
    tax: 0,
    on_hold: false,
    settled: true,
    created_at: refund.created_at,
    credit_type: 'default',
    description: null,
    notes: reconNotes(rng, refund.notes),
    payment_id: refund.payment_id,
    order_id: parent?.payment.order_id ?? null,
    order_receipt: parent?.receipt ?? null,
    method: parent?.payment.method ?? null,
    card_network: parent?.card?.network ?? null,
    card_issuer: parent?.card?.issuer ?? null,
    card_type: parent?.card?.type ?? null,
    dispute_id: null,
  };
}

/** An adjustment row (a fee reversal, say). Like Razorpay's sample it has no `credit_type`. */
function adjustmentRow(rng: Rng, at: number): Row {
  const amount = rng.int(100, 5_000);
  return {
    entity_id: razorpayId(rng, 'adj'),
    type: 'adjustment',
    debit: 0,
    credit: amount,
    amount,
    currency: 'INR',
    fee: 0,
    tax: 0,
    on_hold: false,
    settled: true,
    created_at: at,
    description: 'Fee reversal',
    notes: null,
    payment_id: null,
    order_id: null,
    order_receipt: null,
    method: null,
    card_network: null,
    card_issuer: null,
    card_type: null,
    dispute_id: null,
  } as Row;
}

/**
 * Settle on a T+2 cycle (IST days): captured payments of day D (including ones refunded later:
 * the capture settles, the refund is deducted separately) and processed refunds of day D go into
 * the settlement created at 10:00 IST on D+2; every third settlement also carries an adjustment.
 * A settlement's amount is exactly Σ credit − Σ debit of its rows; a day whose net would not be
 * positive carries its rows to the next settlement, as a negative balance would. Settlements at
 * or after `now` do not exist yet; the most recent one is still `created` (no UTR, no recon rows).
 */
export function settle(rng: Rng, payments: SettleablePayment[], refunds: RazorpayRefund[], now: number): SettlementBook {
  const byId = new Map(payments.map((p) => [p.payment.id, p]));
  const rowsByDay = new Map<string, Row[]>();
  const push = (day: string, row: Row) => {
    const rows = rowsByDay.get(day);
    if (rows) rows.push(row);
    else rowsByDay.set(day, [row]);
  };
  for (const p of payments) {
    if (p.payment.captured) push(istDate(p.payment.created_at), paymentRow(rng, p));
  }
  for (const refund of refunds) {
    if (refund.status === 'processed') push(istDate(refund.created_at), refundRow(rng, refund, byId.get(refund.payment_id)));
  }
  const days = [...rowsByDay.keys()].sort();
  const settlements: RazorpaySettlement[] = [];
  const recon: RazorpayReconItem[] = [];
  if (days.length === 0) return { settlements, recon };
  let carried: Row[] = [];
  for (let day = days[0] as string; day <= (days.at(-1) as string); day = addDays(day, 1)) {
    const at = istMidnight(addDays(day, 2)) + 10 * HOUR + rng.int(0, 1_800);
    if (at >= now) break;
    const rows = [...carried, ...(rowsByDay.get(day) ?? [])];
    if (rows.length === 0) continue;
    if (settlements.length % 3 === 2) rows.push(adjustmentRow(rng, at - HOUR));
    const net = rows.reduce((sum, row) => sum + BigInt(row.credit) - BigInt(row.debit), 0n);
    if (net <= 0n) {
      carried = rows.filter((row) => row.type !== 'adjustment');
      continue;
    }
    carried = [];
    const id = razorpayId(rng, 'setl');
    const utr = `AXISCN${rng.digits(10)}`;
    settlements.push({ id, entity: 'settlement', amount: toWire(net), status: 'processed', fees: 0, tax: 0, utr, created_at: at });
    for (const row of rows) {
      recon.push({ ...row, settlement_id: id, settled_at: at, posted_at: row.type === 'adjustment' ? null : at, settlement_utr: row.type === 'adjustment' ? null : utr });
    }
  }
  // The latest settlement is still on its way to the bank: no UTR, not in the recon report yet.
  const latest = settlements.at(-1);
  if (latest && settlements.length > 1) {
    latest.status = 'created';
    latest.utr = null;
    for (let i = recon.length - 1; i >= 0; i--) if (recon[i]?.settlement_id === latest.id) recon.splice(i, 1);
  }
  return { settlements, recon };
}
