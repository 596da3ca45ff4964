import type { StandardTransaction, TransactionStore } from '@recon/core';
import { generateBank } from './bank';
import { createClock } from './clock';
import type { GenContext } from './context';
import { createAmountText, feeBreakdown } from './fees';
import { resolveOptions, type GeneratorOptions, type ResolvedOptions } from './options';
import { generateOrders } from './orders';
import { createPriceBook } from './price-points';
import { createBenchRng } from './rng';
import { generateSettlements } from './settlement';
import type { RecordList } from './source-buffer';
import { SOURCES } from './sources';
import { Label, type GroundTruth } from './truth';

/** Number of distinct price points (matching.md §5.2). */
export const PRICE_POINTS = 300;

/** Counts of what was generated, for the benchmark report. */
export interface DatasetStats {
  orders: number;
  ledger: number;
  /** Gateway records: payments, replays and refunds. */
  payments: number;
  /** Of those, refunds (`rfnd_…`, type REFUND). */
  gatewayRefunds: number;
  settlementLines: number;
  refundLines: number;
  batches: number;
  withheldBatches: number;
  bankLines: number;
  /** Refunds that were due but left out so that no batch nets to zero or less. */
  droppedRefunds: number;
}

/** A generated dataset: the four sources as standard transactions, and the answers kept apart. */
export interface Dataset<L extends RecordList = RecordList> {
  options: ResolvedOptions;
  ledger: L;
  payments: L;
  settlementLines: L;
  bank: StandardTransaction[];
  /** The store every record was added to, in generation order, when one was given. */
  store?: TransactionStore;
  truth: GroundTruth;
  stats: DatasetStats;
}

/**
 * Generates a seeded, deterministic reconciliation dataset: a merchant's ledger, Razorpay
 * payments, Razorpay settlement recon lines and bank statement lines, with the noise of
 * `reference/matching.md` §5.2 and ground truth for every link. The same options give
 * byte-identical records. With `store`, every record goes into it as it is made (bank lines
 * last) and the dataset reads them back from there: the records are never all held as objects.
 */
export function generateDataset(input: GeneratorOptions): Dataset<StandardTransaction[]>;
export function generateDataset(input: GeneratorOptions, store: TransactionStore | undefined): Dataset;
export function generateDataset(input: GeneratorOptions, store?: TransactionStore): Dataset {
  const options = resolveOptions(input);
  const prices = createPriceBook(createBenchRng(options.seed, 0), PRICE_POINTS);
  const fees = prices.minor.map(feeBreakdown);
  const amountText = createAmountText();
  const ctx: GenContext = {
    options,
    clock: createClock(options.startDate),
    prices,
    fees,
    amountText,
    priceText: { gross: prices.minor.map(amountText), fee: fees.map((f) => amountText(f.fee)), tax: fees.map((f) => amountText(f.tax)) },
    rng: { orders: createBenchRng(options.seed, 1), settlement: createBenchRng(options.seed, 2), bank: createBenchRng(options.seed, 3) },
    ...(store ? { store } : {}),
  };
  const orders = generateOrders(ctx);
  const settlements = generateSettlements(ctx, orders);
  const bank = generateBank(ctx, settlements.batches);
  const { batches } = settlements;
  if (store) for (const line of bank.lines) store.add(line);

  const truth: GroundTruth = {
    ledgerOrder: orders.ledger.order,
    ledgerLabel: orders.ledger.label,
    paymentOrder: orders.payments.order,
    paymentLabel: orders.payments.label,
    lineOrder: settlements.lines.order,
    lineBatch: settlements.lines.extra,
    lineIsRefund: settlements.lines.label.map((label) => (label === Label.REFUND ? 1 : 0)),
    lineLabel: settlements.lines.label,
    bankBatch: Int32Array.from(bank.lineBatch),
    bankLabel: Uint8Array.from(bank.lineLabel),
    orderBatch: settlements.orderBatch,
    orderLedger: orders.orderLedger,
    orderPayment: orders.orderPayment,
    orderLine: settlements.orderLine,
    refundOrder: Int32Array.from(orders.refunds.order),
    refundSettled: settlements.refundSettled,
    refundBatch: settlements.refundBatch,
    duplicates: new Set<object>([...orders.duplicates, ...bank.duplicates]),
    duplicateKeys: new Map(
      [...orders.duplicates, ...bank.duplicates].map((copy) => {
        const r = copy as StandardTransaction;
        return [`${r.source}/${r.txn_id}`, r.source !== SOURCES.ledger] as const;
      }),
    ),
    batches: {
      settlementId: batches.map((b) => b.settlementId),
      utr: batches.map((b) => b.utr.value),
      withheld: Uint8Array.from(batches, (b) => (b.withheld ? 1 : 0)),
      net: batches.map((b) => b.net),
      lineCount: Int32Array.from(batches, (b) => b.orders.length + b.refunds.length),
      bankLine: bank.batchLine,
    },
  };
  return {
    options,
    ledger: orders.ledger.records,
    payments: orders.payments.records,
    settlementLines: settlements.lines.records,
    bank: bank.lines,
    ...(store ? { store } : {}),
    truth,
    stats: {
      orders: options.orders,
      ledger: orders.ledger.length,
      payments: orders.payments.length,
      gatewayRefunds: orders.refunds.order.length,
      settlementLines: settlements.lines.length,
      refundLines: settlements.lines.label.filter((label) => label === Label.REFUND).length,
      batches: batches.length,
      withheldBatches: batches.filter((b) => b.withheld).length,
      bankLines: bank.lines.length,
      droppedRefunds: settlements.droppedRefunds,
    },
  };
}
