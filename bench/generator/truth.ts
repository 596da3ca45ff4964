/**
 * Ground truth kept beside the records, never inside them: what the matcher should find.
 * Everything is by position in the dataset's per-source arrays, in typed arrays, so a million
 * orders cost a few MB of truth rather than millions of objects.
 */

/** The outcome a record should end in. */
export const Label = {
  /** Has its counterpart and agrees with it. */
  MATCHED: 0,
  /** Has its counterpart but the amounts differ. */
  AMOUNT_MISMATCH: 1,
  /** Has its counterpart but the statuses disagree (paid vs failed). */
  STATUS_MISMATCH: 2,
  /** Has no counterpart (missing on the other side, unrelated bank line, unsettled payment). */
  UNMATCHED: 3,
  /** A second copy (webhook replay, ledger double post, statement overlap). */
  DUPLICATE: 4,
  /** A refund line netted into a settlement batch: explained by the batch, not by a payment match. */
  REFUND: 5,
} as const;
export type Label = (typeof Label)[keyof typeof Label];

/** Human names of {@link Label} codes, by code. */
export const LABEL_NAMES: readonly string[] = ['matched', 'amount_mismatch', 'status_mismatch', 'unmatched', 'duplicate', 'refund'];

/** Settlement batches (one bank credit each; up to `batchSize` report lines). */
export interface BatchTruth {
  /** Razorpay `setl_…` id, by batch. */
  settlementId: string[];
  /** Payout UTR, by batch. */
  utr: string[];
  /** 1 where the settlement report lines of the batch were withheld. */
  withheld: Uint8Array;
  /** Net amount credited, in paise. */
  net: bigint[];
  /** Number of report lines (payments and refunds) in the batch, withheld or not. */
  lineCount: Int32Array;
  /** Position of the batch's (first) bank credit in `bank`. */
  bankLine: Int32Array;
}

/** The generated answers, by position in each source array. */
export interface GroundTruth {
  /** Order index of each ledger row. */
  ledgerOrder: Int32Array;
  ledgerLabel: Uint8Array;
  /** Order index of each gateway payment. */
  paymentOrder: Int32Array;
  paymentLabel: Uint8Array;
  /** Order index whose payment each settlement line belongs to (refund lines too). */
  lineOrder: Int32Array;
  /** Batch of each settlement line. */
  lineBatch: Int32Array;
  /** 1 for refund lines. */
  lineIsRefund: Uint8Array;
  lineLabel: Uint8Array;
  /** Batch each bank line credits, −1 for unrelated lines. */
  bankBatch: Int32Array;
  bankLabel: Uint8Array;
  /** Batch each order's payment settled in, −1 when it did not settle (failed, missing, pending). */
  orderBatch: Int32Array;
  /** Position of the order's (first) ledger row, −1 when missing. */
  orderLedger: Int32Array;
  /** Position of the order's (first) payment, −1 when missing. */
  orderPayment: Int32Array;
  /** Position of the order's payment settlement line, −1 when unsettled or withheld. */
  orderLine: Int32Array;
  /** Order of each refund (refund index is encoded in the `rfnd_` id). */
  refundOrder: Int32Array;
  /** 1 where the refund has a settlement line. */
  refundSettled: Uint8Array;
  /** Batch each refund was netted into (withheld or not), −1 when it was not settled. */
  refundBatch: Int32Array;
  /**
   * The second copies (ledger double posts, webhook replays, statement overlaps). Replays and
   * overlaps share the first copy's `txn_id`, so only object identity tells them apart.
   */
  duplicates: ReadonlySet<object>;
  /**
   * The same copies by `source/txn_id`, for records read back from a store (new objects): true
   * when the copy shares its id with the original (a replay, an overlapping statement), so only
   * the one of the two the matcher calls a duplicate is expected to be one.
   */
  duplicateKeys: ReadonlyMap<string, boolean>;
  batches: BatchTruth;
}
