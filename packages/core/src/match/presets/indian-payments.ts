import type { StandardTransaction } from '../../schema/transaction';
import type { FieldPath, LinkConfig, ReconConfig, RecordFilter, SideConfig } from '../types';
import { keyFromField } from '../config/field-key';

/** How a preset finds one side's records. */
export interface SideSelector {
  sources: readonly string[];
  filter?: RecordFilter;
}

/** Options of {@link indianPaymentsPreset}. Every field has a default. */
export interface IndianPaymentsPresetOptions {
  /** Internal ledger entries. Default: source `ledger`. */
  ledger?: SideSelector;
  /**
   * Settlement recon lines (Razorpay `/settlements/recon/combined`). Default: source `razorpay`
   * records that carry `references.settlement_id`. Listed before `payments` (sides are disjoint
   * and the first matching side wins).
   */
  settlement?: SideSelector;
  /** Gateway payments and refunds. Default: the other source `razorpay` records. */
  payments?: SideSelector;
  /** Bank statement lines. Default: sources `bank`, `hdfc`, `icici`, `sbi`, `axis`, `kotak`. */
  bank?: SideSelector;
  /** Date window of settlement group → bank credit, in days. Default −1 / +3. */
  bankWindow?: { before: number; after: number };
  /**
   * The ledger's duplicate key: two ledger entries with the same values are a double post (the
   * copy is reported `duplicate` instead of making its order ambiguous). Default order id and
   * signed amount; `false` turns it off (for books that post one order in equal instalments).
   */
  ledgerDuplicateKey?: FieldPath[] | false;
  /**
   * Add the payments ↔ bank subset-sum fallback for payments whose settlement report never
   * came (withheld reports). Default true.
   */
  withheldReportFallback?: boolean;
}

/**
 * Length of the prefix merchants write before a Razorpay order id's body: `order_` (any case) → 6,
 * `ORD-` / `ORD_` → 4, `ORD` → 3 (any case), none → 0. Character codes, not a regex: this runs
 * twice per order at a million orders. (`c | 32` lower-cases an ASCII letter and maps no other
 * character onto these letters.)
 */
function orderPrefixLength(id: string): number {
  if (id.length < 3 || (id.charCodeAt(0) | 32) !== 111 || (id.charCodeAt(1) | 32) !== 114) return 0;
  const third = id.charCodeAt(2) | 32;
  if (third === 100) {
    if ((id.charCodeAt(3) | 32) === 101 && (id.charCodeAt(4) | 32) === 114 && id.charCodeAt(5) === 95) return 6;
    const sep = id.charCodeAt(3);
    return sep === 45 || sep === 95 ? 4 : 3;
  }
  return 0;
}

/**
 * A Razorpay order id in Razorpay's own form, so `order_KX3a9f0Y2bLmQp` in the gateway and
 * `ORD-KX3a9f0Y2bLmQp` (or `ORD_…`, `ORD…`, `ORDER_…`, or the bare body) in the books meet as
 * `order_KX3a9f0Y2bLmQp`.
 * Only bodies of 10+ characters (Razorpay's are 14) are normalised: a short merchant number such as
 * `ORD-1001` keeps its full text and stays exact. An id already in that form is returned as is (the
 * record's own string, nothing allocated: most ids are).
 */
export const normalizedOrderId: (txn: StandardTransaction) => string | undefined = keyFromField('references.order_id', normalOrderId, 'normalizedOrderId');

/** {@link normalizedOrderId} of an order id's text. */
function normalOrderId(id: string): string {
  const cut = orderPrefixLength(id);
  if (id.length - cut < 10) return id;
  if (cut === 0) return `order_${id}`; // a bare body, as some books keep it
  if (cut === 6 && id.startsWith('order_')) return id;
  return `order_${id.slice(cut)}`;
}

/**
 * Ledger ↔ gateway payments: payment id, then order id (prefix-normalised, see
 * {@link normalizedOrderId}), then the merchant reference (Razorpay's order receipt); exact amount, equal status, dates within ±2 days (timestamp skew and time
 * zones). Refunds pair with refunds (refund id, then payment id). A keyless fallback pairs by
 * exact amount within ±10 minutes, unique-or-review, so a ledger entry without an order id is
 * matched only when nothing else could be its partner.
 */
export function ledgerToGatewayLink(left = 'ledger', right = 'payments'): LinkConfig {
  return {
    name: 'ledger-payments',
    left,
    right,
    rules: [
      {
        name: 'by-reference',
        filters: { left: { transaction_type: 'PAYMENT' }, right: { transaction_type: 'PAYMENT' } },
        identifiers: ['references.payment_id', { left: normalizedOrderId, right: normalizedOrderId, name: 'order_id' }, 'references.merchant_reference'],
        checks: {
          status: 'equal',
          date: { field: 'timestamp', before: 2, after: 2 },
        },
      },
      {
        name: 'refund',
        filters: { left: { transaction_type: 'REFUND' }, right: { transaction_type: 'REFUND' } },
        identifiers: ['references.refund_id', 'references.payment_id'],
        checks: { date: { field: 'timestamp', before: 2, after: 2 } },
      },
      {
        name: 'amount-and-time',
        identifiers: ['amount'],
        checks: {
          status: 'equal',
          date: { field: 'timestamp', unit: 'minutes', before: 10, after: 10 },
        },
        onCheckFailure: 'next',
        maxCandidates: 16,
      },
    ],
  };
}

/**
 * Gateway payments ↔ settlement recon lines: one line per captured payment by payment id (gross
 * amount), refunds by refund id. Failed and pending payments never settle, so they are outside
 * this link.
 */
export function paymentsToSettlementLink(left = 'payments', right = 'settlement'): LinkConfig {
  return {
    name: 'payments-settlement',
    left,
    right,
    filters: { left: { status: ['SUCCESS', 'REFUNDED'] } },
    rules: [
      {
        name: 'payment',
        filters: { left: { transaction_type: 'PAYMENT' }, right: { transaction_type: 'PAYMENT' } },
        identifiers: ['references.payment_id'],
      },
      {
        name: 'refund',
        filters: { left: { transaction_type: 'REFUND' }, right: { transaction_type: 'REFUND' } },
        identifiers: ['references.refund_id', { left: 'txn_id', right: 'references.refund_id' }],
      },
    ],
  };
}

/**
 * Settlement groups ↔ bank credits: the recon lines of one settlement (by `settlement_id`) add up
 * to Σ(gross − fee), where `fee` already includes GST (see the schema), refunds netted in as debits, and arrive as one bank credit whose
 * narration carries the settlement UTR. Identifiers in order: the UTR the bank connector already
 * parsed, the UTR extracted from the narration, the bank's reference column, then a prefix match
 * on narration tokens (banks truncate UTRs). Dates: the credit from 1 day before to 3 days after
 * the settlement date.
 */
export function settlementToBankLink(left = 'settlement', right = 'bank', window: { before: number; after: number } = { before: 1, after: 3 }): LinkConfig {
  const utr = (right: 'references.utr' | 'extracted.utr' | 'reference_number') => ({ left: 'references.utr' as const, right, normalize: 'alnum' as const });
  return {
    name: 'settlement-bank',
    left,
    right,
    filters: { right: { direction: 'CREDIT' } },
    rules: [
      {
        name: 'settlement-utr',
        cardinality: 'many-to-one',
        groupBy: 'references.settlement_id',
        identifiers: [
          utr('references.utr'),
          utr('extracted.utr'),
          utr('reference_number'),
          { left: 'references.utr', right: 'extracted.tokens', normalize: 'alnum', compare: 'prefix', minLength: 10 },
        ],
        checks: {
          amount: { net: ['fee'] },
          date: { field: 'value_date', before: window.before, after: window.after },
        },
      },
      {
        // A credit whose narration lost the UTR: the group settling on the credit's value date
        // (or the window's days before it) whose net equals the credit to the paisa. Failures
        // leave both open and two equal candidates go to review, so only a unique exact sum matches.
        name: 'settlement-amount',
        cardinality: 'many-to-one',
        groupBy: 'references.settlement_id',
        identifiers: [{ left: settlementDays(window), right: creditDay, name: 'settlement-date' }],
        checks: {
          amount: { net: ['fee'] },
          date: { field: 'value_date', before: window.before, after: window.after },
        },
        onCheckFailure: 'next',
        maxCandidates: 1_000,
      },
    ],
  };
}

const DAY_MS = 86_400_000;
const dayOf = (t: StandardTransaction) => (t.value_date ?? t.timestamp).slice(0, 10);

/** A bank credit's value date, as the key of the settlement-amount fallback. */
function creditDay(t: StandardTransaction): string {
  return dayOf(t);
}

/** Every calendar day a settlement's credit may carry (its value date −before … +after), as keys. */
function settlementDays(window: { before: number; after: number }): (t: StandardTransaction) => string[] {
  // Every member of a settlement group is asked, and a month has few distinct days: each day's
  // keys are computed once (callers only read the array).
  const byDay = new Map<string, string[]>();
  return (t) => {
    const day = dayOf(t);
    let out = byDay.get(day);
    if (out !== undefined) return out;
    const start = Date.parse(`${day}T00:00:00Z`);
    out = [];
    if (!Number.isNaN(start)) for (let d = -window.before; d <= window.after; d++) out.push(new Date(start + d * DAY_MS).toISOString().slice(0, 10));
    if (byDay.size < 4096) byDay.set(day, out);
    return out;
  };
}

/** {@link captureCycle}'s last key per channel (a handful of channels exist). */
const lastCycle = new Map<string, { day: string; key: string }>();

/**
 * The settlement cycle a captured gateway payment belongs to, as far as its own record tells: its
 * channel and capture day (Razorpay pays a day's captures of one method together, T+1 for UPI and
 * T+2 for cards). Only gateway payments have one: a payment record is its own payment id, and a
 * settlement recon line (which carries a settlement id) is not a payment record. Failed payments
 * never settle and have none either, so they do not cut a capture window.
 */
export function captureCycle(t: StandardTransaction): string | undefined {
  if (t.transaction_type !== 'PAYMENT' || t.status !== 'SUCCESS') return undefined;
  const refs = t.references;
  if (refs.settlement_id !== undefined || refs.payment_id !== t.txn_id) return undefined;
  // Called for every payment of a run (a million at 1M orders), mostly in time order: the last
  // key of each channel is handed out again while the day is the same, instead of a new string
  // (and, for the caller's map lookup, a new hash) per payment.
  const channel = t.channel ?? '';
  const ts = t.timestamp;
  const last = lastCycle.get(channel);
  if (last !== undefined && ts.startsWith(last.day)) return last.key;
  const day = ts.slice(0, 10);
  const key = `${channel} ${day}`;
  if (day.length === 10) {
    if (lastCycle.size > 64) lastCycle.clear();
    lastCycle.set(channel, { day, key });
  }
  return key;
}

/**
 * Captured payments whose settlement report was withheld ↔ bank credits no settlement group
 * explained. A Razorpay payout covers the payments of one channel captured in a contiguous window
 * of one day, minus the refunds processed the day before the payout. Once the reported
 * settlements have claimed their payments, a withheld payout's payments are a block of consecutive
 * unsettled captures: the rule looks for the unique block (plus a subset of one day's open refunds,
 * 1–2 days before the credit's value date) whose net of fee (fee includes GST) equals the credit,
 * 0–3 days after capture. A plain bounded subset-sum then tries what is left (a few payments).
 */
export function withheldReportLink(left = 'payments', right = 'bank'): LinkConfig {
  const checks = {
    amount: { net: ['fee'] },
    date: { field: { left: 'timestamp', right: 'value_date' }, before: 0, after: 3 },
  } as const;
  return {
    name: 'payments-bank-withheld',
    left,
    right,
    filters: { left: { status: 'SUCCESS', transaction_type: ['PAYMENT', 'REFUND'] }, right: { direction: 'CREDIT' } },
    excludeResolvedIn: { left: ['payments-settlement'], right: ['settlement-bank'] },
    rules: [
      {
        name: 'capture-window',
        cardinality: 'many-to-one',
        subsetSum: { maxCandidates: 24, maxIterations: 200_000, runs: { partitionBy: captureCycle, maxSkipped: 1, netting: { filter: { transaction_type: 'REFUND' }, minDays: 1, maxDays: 2, parentBy: 'references.payment_id' } } },
        checks,
      },
      {
        name: 'subset-sum',
        cardinality: 'many-to-one',
        filters: { left: { transaction_type: 'PAYMENT' } },
        subsetSum: { maxCandidates: 24, maxIterations: 200_000 },
        checks,
      },
    ],
  };
}

const side = (name: string, selector: SideSelector): SideConfig => ({ name, sources: selector.sources, ...(selector.filter && { filter: selector.filter }) });

/**
 * The standard Indian payment flow in four sides and up to four links: ledger ↔ Razorpay
 * payments, payments ↔ settlement recon lines, settlement groups ↔ bank credits, and the
 * withheld-report fallback. Source names default to what the `@recon` connectors emit; override
 * any side with {@link IndianPaymentsPresetOptions}.
 */
export function indianPaymentsPreset(options: IndianPaymentsPresetOptions = {}): ReconConfig {
  const settlement = options.settlement ?? { sources: ['razorpay'], filter: { where: (t) => t.references.settlement_id !== undefined && t.transaction_type !== 'SETTLEMENT' } };
  const links: LinkConfig[] = [ledgerToGatewayLink(), paymentsToSettlementLink(), settlementToBankLink('settlement', 'bank', options.bankWindow)];
  if (options.withheldReportFallback ?? true) links.push(withheldReportLink());
  const ledgerKey = options.ledgerDuplicateKey === false ? undefined : (options.ledgerDuplicateKey ?? (['references.order_id', 'amount'] as FieldPath[]));
  return {
    sides: [
      { ...side('ledger', options.ledger ?? { sources: ['ledger'] }), ...(ledgerKey && { duplicateKey: ledgerKey }) },
      side('settlement', settlement),
      side('payments', options.payments ?? { sources: ['razorpay'] }),
      side('bank', options.bank ?? { sources: ['bank', 'hdfc', 'icici', 'sbi', 'axis', 'kotak'] }),
    ],
    links,
  };
}
