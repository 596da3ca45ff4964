import type { StandardTransaction } from '@recon/core';
import type { Dataset } from '../generator/index';
import { Label } from '../generator/index';

/** Counts of missed true pairs by the generated noise that most plausibly caused the miss. */
export type MissCauses = Record<string, number>;

const HOUR_MS = 3_600_000;

/**
 * Why an L1 pair (ledger ↔ payment of one order) was missed, judged from the noise the generator
 * put on that order, most specific first.
 */
export function ledgerMissCauses(dataset: Dataset, orders: readonly number[]): MissCauses {
  const t = dataset.truth;
  const doublePosted = new Set<number>();
  t.ledgerLabel.forEach((label, i) => {
    if (label === Label.DUPLICATE) doublePosted.add(t.ledgerOrder[i] as number);
  });
  const causes: MissCauses = {};
  for (const o of orders) {
    const ledger = dataset.ledger.at(t.orderLedger[o] as number) as StandardTransaction;
    const payment = dataset.payments.at(t.orderPayment[o] as number) as StandardTransaction;
    const orderId = ledger.references.order_id;
    const skewed = Math.abs(Date.parse(ledger.timestamp) - Date.parse(payment.timestamp)) > HOUR_MS;
    const cause =
      orderId === undefined
        ? skewed
          ? 'no order id + hours of clock skew'
          : 'no order id'
        : orderId.startsWith('ORD-')
          ? skewed
            ? 'reformatted order id + hours of clock skew'
            : 'reformatted order id (ORD-…)'
          : doublePosted.has(o)
            ? 'ledger double post'
            : ledger.status !== payment.status
              ? 'status mismatch'
              : ledger.amount !== payment.amount
                ? 'amount mismatch'
                : skewed
                  ? 'hours of clock skew'
                  : 'other';
    causes[cause] = (causes[cause] ?? 0) + 1;
  }
  return causes;
}

/** Why an L3 pair (bank credit ↔ batch) was missed: withheld report, or how the narration shows the UTR. */
export function bankMissCauses(dataset: Dataset, batches: readonly number[]): MissCauses {
  const t = dataset.truth;
  const causes: MissCauses = {};
  for (const b of batches) {
    const bank = dataset.bank[t.batches.bankLine[b] as number] as StandardTransaction;
    const utr = t.batches.utr[b] as string;
    const narration = bank.description ?? '';
    const cause = t.batches.withheld[b]
      ? 'settlement report withheld'
      : narration.includes(utr)
        ? 'UTR present in full'
        : narration.includes(utr.slice(0, -4))
          ? 'UTR truncated'
          : 'UTR absent from narration';
    causes[cause] = (causes[cause] ?? 0) + 1;
  }
  return causes;
}
