import type { StandardTransaction } from '@recon/core';

/** Computes a message key from a transaction. */
export type PartitionKeyFn = (txn: StandardTransaction) => string;

/** Reference fields, in the order the default key tries them. */
export type ReferenceField = keyof StandardTransaction['references'];

/**
 * The default order: the identifier the *next* match needs, most specific first.
 * - `utr`: a gateway settlement ↔ the bank credit it produced (and NEFT/RTGS ledger ↔ bank);
 * - `payment_id`: ledger/order ↔ gateway payment;
 * - `rrn`, `upi_txn_id`: UPI/IMPS/card lines ↔ the ledger entry or gateway payment;
 * - `order_id`, `merchant_reference`, `settlement_id`, `bank_txn_id` next.
 */
export const DEFAULT_KEY_ORDER: readonly ReferenceField[] = ['utr', 'payment_id', 'rrn', 'upi_txn_id', 'order_id', 'merchant_reference', 'settlement_id', 'bank_txn_id'];

/**
 * A key function that uses the first reference present, in `order`, prefixed by its field name
 * (`utr:AXISN24092612345`), falling back to `txn:<source>:<txn_id>`. Records of different topics
 * that share the reference get the same key, so with equal partition counts they land on the same
 * partition number: co-partitioned (see docs/kafka.md).
 */
export function keyByReference(order: readonly ReferenceField[] = DEFAULT_KEY_ORDER): PartitionKeyFn {
  return (txn) => {
    for (const field of order) {
      const value = txn.references[field];
      if (value) return `${field}:${value}`;
    }
    return `txn:${txn.source}:${txn.txn_id}`;
  };
}

/** The default message key: {@link keyByReference} with {@link DEFAULT_KEY_ORDER}. */
export const defaultPartitionKey: PartitionKeyFn = keyByReference();

/** A key per transaction (`<source>:<txn_id>`): spreads evenly, keeps nothing together. */
export const keyByTxnId: PartitionKeyFn = (txn) => `${txn.source}:${txn.txn_id}`;

/** A key per account: keeps each account's lines in order on one partition. */
export const keyByAccount: PartitionKeyFn = (txn) => `${txn.source}:${txn.account_id}`;
