import { amountOf, type StandardTransaction } from '@recon/core';
import type { Dataset } from '../generator/index';
import type { IndexPairs } from './index-pairs';

/**
 * A 16- or 22-character UTR standing alone in a narration: what a hand-written matcher extracts.
 * (Truncated UTRs do not match it: that is the point of the comparison.)
 */
const UTR = /(?<![A-Z0-9])[A-Z]{4}[A-Z0-9]{12}(?:[A-Z0-9]{6})?(?![A-Z0-9])/;
const DAY_MS = 86_400_000;

function signedNet(line: StandardTransaction): bigint {
  const gross = amountOf(line).minor;
  const fee = line.fee === undefined ? 0n : amountOf({ amount: line.fee, currency: line.currency }).minor;
  return line.direction === 'CREDIT' ? gross - fee : -gross - fee;
}

/**
 * The matcher people write themselves (matching.md §5.5, "v0"): `Map` joins on exact keys.
 * - ledger ↔ payments on `order_id`: the first ledger row per order wins, later ones are repeats;
 * - payments ↔ settlement lines on `payment_id`: a `Map` built from the lines, so a refund line
 *   sharing the payment id overwrites the payment line (last write wins);
 * - bank ↔ batches on the UTR found by a regex, else on a batch total equal to the credit within
 *   ±2 days when exactly one batch qualifies.
 * No amount, status or date checks on the key joins.
 */
export function naiveJoin(dataset: Dataset): IndexPairs {
  const { ledger, payments, settlementLines: lines, bank } = dataset;

  const paymentByOrder = new Map<string, number>();
  payments.forEach((p, k) => {
    const orderId = p.references.order_id;
    if (orderId !== undefined && !paymentByOrder.has(orderId)) paymentByOrder.set(orderId, k);
  });
  const ledgerPayment: number[] = [];
  const claimed = new Set<number>();
  ledger.forEach((l, i) => {
    const orderId = l.references.order_id;
    const k = orderId === undefined ? undefined : paymentByOrder.get(orderId);
    if (k === undefined || claimed.has(k)) return;
    claimed.add(k);
    ledgerPayment.push(i, k);
  });

  const lineByPayment = new Map<string, number>();
  lines.forEach((s, j) => {
    const paymentId = s.references.payment_id;
    if (paymentId !== undefined) lineByPayment.set(paymentId, j);
  });
  const paymentLine: number[] = [];
  payments.forEach((p, k) => {
    const j = lineByPayment.get(p.txn_id);
    if (j !== undefined) paymentLine.push(k, j);
  });

  // Batches as the report shows them: total net and settlement date, keyed by UTR and by id.
  const batchByUtr = new Map<string, number>();
  const batchTotals = new Map<string, { line: number; total: bigint; day: number }>();
  lines.forEach((s, j) => {
    const id = s.references.settlement_id;
    const utr = s.references.utr;
    if (utr !== undefined && !batchByUtr.has(utr)) batchByUtr.set(utr, j);
    if (id === undefined) return;
    const batch = batchTotals.get(id);
    if (batch) batch.total += signedNet(s);
    else batchTotals.set(id, { line: j, total: signedNet(s), day: Date.parse(s.value_date ?? s.timestamp.slice(0, 10)) });
  });
  const bankLine: number[] = [];
  const taken = new Set<number>();
  const open: number[] = [];
  bank.forEach((b, i) => {
    if (b.direction !== 'CREDIT') return;
    const utr = UTR.exec(b.description ?? '')?.[0];
    const j = utr === undefined ? undefined : batchByUtr.get(utr);
    if (j === undefined) return void open.push(i);
    taken.add(j);
    bankLine.push(i, j);
  });
  for (const i of open) {
    const b = bank[i] as StandardTransaction;
    const amount = amountOf(b).minor;
    const day = Date.parse(b.value_date ?? b.timestamp.slice(0, 10));
    const fits = [...batchTotals.values()].filter((t) => !taken.has(t.line) && t.total === amount && Math.abs(t.day - day) <= 2 * DAY_MS);
    const only = fits.length === 1 ? fits[0] : undefined;
    if (only === undefined) continue;
    taken.add(only.line);
    bankLine.push(i, only.line);
  }
  return { ledgerPayment, paymentLine, bankLine };
}
