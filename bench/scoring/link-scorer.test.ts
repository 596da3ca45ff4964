import { describe, expect, it } from 'vitest';
import { generateDataset } from '../generator/index';
import { createLinkScorer } from './link-scorer';

const data = generateDataset({ orders: 5_000, seed: 4 });
const t = data.truth;

/** Feeds every true pair of the dataset to a scorer. */
function feedTruth(scorer: ReturnType<typeof createLinkScorer>): void {
  data.ledger.forEach((_, i) => {
    const o = t.ledgerOrder[i] as number;
    if (t.orderPayment[o] !== -1) scorer.ledgerPayment(i, o);
  });
  t.lineOrder.forEach((o, s) => {
    if (!t.lineIsRefund[s]) scorer.paymentLine(o, o);
  });
  t.refundOrder.forEach((o, r) => {
    if (t.refundSettled[r]) scorer.paymentRefund(o, r);
  });
  t.bankBatch.forEach((b, i) => {
    if (b >= 0) scorer.bankBatch(i, b);
  });
  t.orderBatch.forEach((b, o) => {
    if (b >= 0 && t.batches.withheld[b]) scorer.paymentBank(o, t.batches.bankLine[b] as number);
  });
  t.refundBatch.forEach((b, r) => {
    if (b >= 0 && t.batches.withheld[b]) scorer.refundBank(r, t.batches.bankLine[b] as number);
  });
}

describe('createLinkScorer', () => {
  it('scores the ground truth itself as perfect on every link type', () => {
    const scorer = createLinkScorer(data);
    feedTruth(scorer);
    for (const s of Object.values(scorer.result())) {
      expect(s.truth).toBeGreaterThan(0);
      expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    }
  });

  it('counts a pair predicted twice, or through a duplicate copy, once', () => {
    const scorer = createLinkScorer(data);
    feedTruth(scorer);
    feedTruth(scorer);
    const i = t.ledgerLabel.indexOf(4); // a double post: links to its order's payment
    scorer.ledgerPayment(i, t.ledgerOrder[i] as number);
    expect(scorer.result().L1.precision).toBe(1);
  });

  it('lowers precision for wrong pairs and recall for missing ones', () => {
    const scorer = createLinkScorer(data);
    const withPayment = [...t.ledgerOrder.keys()].filter((i) => t.orderPayment[t.ledgerOrder[i] as number] !== -1);
    const [a, b] = withPayment;
    scorer.ledgerPayment(a as number, t.ledgerOrder[a as number] as number);
    scorer.ledgerPayment(a as number, t.ledgerOrder[b as number] as number);
    const l1 = scorer.result().L1;
    expect(l1).toMatchObject({ predicted: 2, correct: 1, found: 1, precision: 0.5 });
    const ordersWithBoth = new Set(withPayment.map((i) => t.ledgerOrder[i])).size;
    expect(l1.truth).toBe(ordersWithBoth);
    expect(l1.recall).toBe(1 / ordersWithBoth);
    expect(scorer.result().L3).toMatchObject({ predicted: 0, precision: 1, recall: 0 });
  });

  it('takes an unrelated bank line linked to a batch as wrong', () => {
    const scorer = createLinkScorer(data);
    scorer.bankBatch(t.bankBatch.indexOf(-1), 0);
    expect(scorer.result().L3).toMatchObject({ predicted: 1, correct: 0, precision: 0 });
  });

  it('takes a refund linked to the credit of a batch it was not netted into as a wrong L4r pair', () => {
    const scorer = createLinkScorer(data);
    const r = [...t.refundBatch.keys()].find((k) => (t.refundBatch[k] as number) >= 0) as number;
    const other = t.bankBatch.findIndex((b) => b >= 0 && b !== t.refundBatch[r]);
    scorer.refundBank(r, other);
    scorer.refundBank(r, t.batches.bankLine[t.refundBatch[r] as number] as number);
    expect(scorer.result().L4r).toMatchObject({ predicted: 2, correct: 1, precision: 0.5 });
  });
});
