import type { LinkConfig, ReconConfig, RecordFilter, SideConfig } from '../types';

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
   * Add the payments ↔ bank subset-sum fallback for payments whose settlement report never
   * came (withheld reports). Default true.
   */
  withheldReportFallback?: boolean;
}

/**
 * Ledger ↔ gateway payments: payment id, then order id, then the merchant reference (Razorpay's
 * order receipt); exact amount, equal status, dates within ±2 days (timestamp skew and time
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
        identifiers: ['references.payment_id', 'references.order_id', 'references.merchant_reference'],
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
    ],
  };
}

/**
 * Captured payments whose settlement report was withheld ↔ bank credits no settlement group
 * explained: a bounded subset-sum over payments captured 1–3 days before the credit, net of fee
 * (fee includes GST), accepted only when the combination is unique.
 */
export function withheldReportLink(left = 'payments', right = 'bank'): LinkConfig {
  return {
    name: 'payments-bank-withheld',
    left,
    right,
    filters: { left: { status: 'SUCCESS', transaction_type: 'PAYMENT' }, right: { direction: 'CREDIT' } },
    excludeResolvedIn: { left: ['payments-settlement'], right: ['settlement-bank'] },
    rules: [
      {
        name: 'subset-sum',
        cardinality: 'many-to-one',
        subsetSum: { maxCandidates: 24, maxIterations: 200_000 },
        checks: {
          amount: { net: ['fee'] },
          date: { field: { left: 'timestamp', right: 'value_date' }, before: 0, after: 3 },
        },
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
  return {
    sides: [
      side('ledger', options.ledger ?? { sources: ['ledger'] }),
      side('settlement', settlement),
      side('payments', options.payments ?? { sources: ['razorpay'] }),
      side('bank', options.bank ?? { sources: ['bank', 'hdfc', 'icici', 'sbi', 'axis', 'kotak'] }),
    ],
    links,
  };
}
