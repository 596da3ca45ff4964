import type { Dataset } from '../generator/index';
import type { LinkType } from './link-types';

/** Precision and recall of one link type. */
export interface LinkScore {
  /** Distinct predicted pairs (after mapping duplicates onto the record they copy). */
  predicted: number;
  /** Predicted pairs that are true. */
  correct: number;
  /** True pairs in the ground truth. */
  truth: number;
  /** True pairs that were predicted. */
  found: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores of every link type. */
export type LinkScores = Readonly<Record<LinkType, LinkScore>>;

/**
 * Accumulates predicted pairs, identified by positions and order numbers, and scores them against
 * the ground truth. A pair is keyed by what it means (order, batch), so a link made to a duplicate
 * copy counts as the link to the record it copies, and a pair predicted twice counts once.
 *
 * Memory: one byte per true pair plus a set of the wrong pairs only, so scoring a million orders
 * costs a few MB.
 */
export interface LinkScorer {
  /** A ledger row (position in `ledger`) linked to the payment of order `paymentOrder`. */
  ledgerPayment(ledgerIndex: number, paymentOrder: number): void;
  /** The payment of order `paymentOrder` linked to the payment-type settlement line of order `lineOrder`. */
  paymentLine(paymentOrder: number, lineOrder: number): void;
  /** The payment of order `paymentOrder` linked to refund line `refund` (refund index). */
  paymentRefund(paymentOrder: number, refund: number): void;
  /** Bank line (position in `bank`) linked to settlement batch `batch`. */
  bankBatch(bankIndex: number, batch: number): void;
  /** The payment of order `paymentOrder` linked directly to bank line `bankIndex`. */
  paymentBank(paymentOrder: number, bankIndex: number): void;
  /** Gateway refund `refund` (refund index) linked directly to bank line `bankIndex`. */
  refundBank(refund: number, bankIndex: number): void;
  result(): LinkScores;
  /** True pairs not predicted: orders for L1, L2 and L4, refunds for L2r and L4r, batches for L3. */
  missed(type: LinkType): number[];
}

/** 2^26: orders, batches and bank lines stay below it, so two of them pack into one safe integer. */
const PACK = 67_108_864;

function score(predictedCorrect: number, wrong: number, truth: number, found: number): LinkScore {
  const predicted = predictedCorrect + wrong;
  const precision = predicted === 0 ? 1 : predictedCorrect / predicted;
  const recall = truth === 0 ? 1 : found / truth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predicted, correct: predictedCorrect, truth, found, precision, recall, f1 };
}

/** A {@link LinkScorer} for `dataset`. */
export function createLinkScorer(dataset: Dataset): LinkScorer {
  const t = dataset.truth;
  const orders = dataset.options.orders;
  const batches = t.batches.net.length;
  if (orders >= PACK || dataset.bank.length >= PACK) throw new RangeError('dataset too large to score');
  // Bank statement overlaps repeat a line under the same id: score them as the first copy.
  const bankCanonical = new Int32Array(dataset.bank.length);
  const firstById = new Map<string, number>();
  dataset.bank.forEach((r, i) => {
    const first = firstById.get(r.txn_id);
    bankCanonical[i] = first ?? i;
    if (first === undefined) firstById.set(r.txn_id, i);
  });

  const hit: Record<LinkType, Uint8Array> = {
    L1: new Uint8Array(orders),
    L2: new Uint8Array(orders),
    L2r: new Uint8Array(t.refundOrder.length),
    L3: new Uint8Array(batches),
    L4: new Uint8Array(orders),
    L4r: new Uint8Array(t.refundOrder.length),
  };
  const wrong: Record<LinkType, Set<number>> = { L1: new Set(), L2: new Set(), L2r: new Set(), L3: new Set(), L4: new Set(), L4r: new Set() };
  const withheldRefund = (r: number): boolean => {
    const batch = t.refundBatch[r] ?? -1;
    return batch >= 0 && t.batches.withheld[batch] === 1;
  };

  return {
    ledgerPayment(ledgerIndex, paymentOrder) {
      const o = t.ledgerOrder[ledgerIndex] ?? -1;
      if (o >= 0 && o === paymentOrder && t.orderPayment[o] !== -1) hit.L1[o] = 1;
      else wrong.L1.add(o * PACK + paymentOrder);
    },
    paymentLine(paymentOrder, lineOrder) {
      if (paymentOrder === lineOrder && t.orderLine[paymentOrder] !== -1) hit.L2[paymentOrder] = 1;
      else wrong.L2.add(paymentOrder * PACK + lineOrder);
    },
    paymentRefund(paymentOrder, refund) {
      if (t.refundOrder[refund] === paymentOrder && t.refundSettled[refund] === 1) hit.L2r[refund] = 1;
      else wrong.L2r.add(paymentOrder * PACK + refund);
    },
    bankBatch(bankIndex, batch) {
      const b = bankCanonical[bankIndex] ?? bankIndex;
      if (batch >= 0 && t.bankBatch[b] === batch) hit.L3[batch] = 1;
      else wrong.L3.add(b * PACK + batch);
    },
    paymentBank(paymentOrder, bankIndex) {
      const b = bankCanonical[bankIndex] ?? bankIndex;
      const batch = t.orderBatch[paymentOrder] ?? -1;
      if (batch >= 0 && t.bankBatch[b] === batch) hit.L4[paymentOrder] = 1;
      else wrong.L4.add(paymentOrder * PACK + b);
    },
    refundBank(refund, bankIndex) {
      const b = bankCanonical[bankIndex] ?? bankIndex;
      const batch = refund >= 0 ? (t.refundBatch[refund] ?? -1) : -1;
      if (batch >= 0 && t.bankBatch[b] === batch) hit.L4r[refund] = 1;
      else wrong.L4r.add((refund + 1) * PACK + b);
    },
    result() {
      const sum = (a: Uint8Array): number => a.reduce((x, y) => x + y, 0);
      let l1 = 0;
      let l2 = 0;
      let l4 = 0;
      let l4Found = 0;
      for (let o = 0; o < orders; o++) {
        if (t.orderLedger[o] !== -1 && t.orderPayment[o] !== -1) l1++;
        if (t.orderLine[o] !== -1) l2++;
        const batch = t.orderBatch[o] as number;
        if (batch >= 0 && t.batches.withheld[batch] === 1) {
          l4++;
          l4Found += hit.L4[o] as number;
        }
      }
      return {
        L1: score(sum(hit.L1), wrong.L1.size, l1, sum(hit.L1)),
        L2: score(sum(hit.L2), wrong.L2.size, l2, sum(hit.L2)),
        L2r: score(sum(hit.L2r), wrong.L2r.size, sum(t.refundSettled), sum(hit.L2r)),
        L3: score(sum(hit.L3), wrong.L3.size, batches, sum(hit.L3)),
        // A direct payment ↔ bank link is also right for a batch whose report was not withheld;
        // recall counts only the withheld ones, where this link is the only way to the bank.
        L4: score(sum(hit.L4), wrong.L4.size, l4, l4Found),
        // Like L4: a refund linked to the credit of a reported batch is right too, but only the
        // withheld ones count towards recall.
        L4r: score(
          sum(hit.L4r),
          wrong.L4r.size,
          t.refundOrder.reduce((n, _, r) => n + (withheldRefund(r) ? 1 : 0), 0),
          hit.L4r.reduce((n, h, r) => n + (h && withheldRefund(r) ? 1 : 0), 0),
        ),
      };
    },
    missed(type) {
      const isTrue: Record<LinkType, (k: number) => boolean> = {
        L1: (o) => t.orderLedger[o] !== -1 && t.orderPayment[o] !== -1,
        L2: (o) => t.orderLine[o] !== -1,
        L2r: (r) => t.refundSettled[r] === 1,
        L3: () => true,
        L4: (o) => (t.orderBatch[o] ?? -1) >= 0 && t.batches.withheld[t.orderBatch[o] as number] === 1,
        L4r: withheldRefund,
      };
      const out: number[] = [];
      hit[type].forEach((h, k) => {
        if (h === 0 && isTrue[type](k)) out.push(k);
      });
      return out;
    },
  };
}
