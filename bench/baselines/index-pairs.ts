import type { Dataset } from '../generator/index';
import { refundIndexOf } from '../generator/index';
import { createLinkScorer, type LinkScores } from '../scoring/link-scorer';
import { bankMissCauses, ledgerMissCauses, type MissCauses } from '../scoring/miss-causes';

/** Scores of a baseline, with the causes of its L1 and L3 misses. */
export interface BaselineQuality {
  links: LinkScores;
  missCauses: { L1: MissCauses; L3: MissCauses };
}

/**
 * Pairs a baseline predicts, by position in the dataset's source arrays, flattened
 * (`[left0, right0, left1, right1, …]`) to keep a million pairs cheap.
 */
export interface IndexPairs {
  /** ledger position, payment position */
  ledgerPayment: ArrayLike<number>;
  /** payment position, settlement line position */
  paymentLine: ArrayLike<number>;
  /** bank position, settlement line position (any line of the batch) */
  bankLine: ArrayLike<number>;
}

/** Scores position pairs against the ground truth. */
export function scoreIndexPairs(dataset: Dataset, pairs: IndexPairs): BaselineQuality {
  const t = dataset.truth;
  const scorer = createLinkScorer(dataset);
  const { ledgerPayment, paymentLine, bankLine } = pairs;
  for (let k = 0; k + 1 < ledgerPayment.length; k += 2) {
    scorer.ledgerPayment(ledgerPayment[k] as number, t.paymentOrder[ledgerPayment[k + 1] as number] as number);
  }
  for (let k = 0; k + 1 < paymentLine.length; k += 2) {
    const order = t.paymentOrder[paymentLine[k] as number] as number;
    const line = paymentLine[k + 1] as number;
    if (t.lineIsRefund[line]) scorer.paymentRefund(order, refundIndexOf(dataset.settlementLines.at(line)?.txn_id ?? ''));
    else scorer.paymentLine(order, t.lineOrder[line] as number);
  }
  for (let k = 0; k + 1 < bankLine.length; k += 2) {
    scorer.bankBatch(bankLine[k] as number, t.lineBatch[bankLine[k + 1] as number] as number);
  }
  return {
    links: scorer.result(),
    missCauses: { L1: ledgerMissCauses(dataset, scorer.missed('L1')), L3: bankMissCauses(dataset, scorer.missed('L3')) },
  };
}
