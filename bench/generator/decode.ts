import { IdKind, decodeIdIndex } from './text';

/**
 * Reads positions back out of generated ids, so a matcher's output (records, not positions) can be
 * scored without a million-entry lookup table.
 */

/** Position in `ledger` of a ledger entry id (`le_000000001` → 0), or −1. */
export function ledgerIndexOf(txnId: string): number {
  if (!txnId.startsWith('le_')) return -1;
  const seq = Number.parseInt(txnId.slice(3), 10);
  return Number.isSafeInteger(seq) && seq > 0 ? seq - 1 : -1;
}

/** Order of a `pay_…` id (a payment, or a settlement line of type payment), or −1. */
export function orderOfPaymentId(txnId: string): number {
  return txnId.startsWith('pay_') ? decodeIdIndex(txnId, IdKind.payment) : -1;
}

/** Order of an `order_…` id, or −1. */
export function orderOfOrderId(orderId: string): number {
  return orderId.startsWith('order_') ? decodeIdIndex(orderId, IdKind.order) : -1;
}

/** Refund index of a `rfnd_…` id, or −1. */
export function refundIndexOf(txnId: string): number {
  return txnId.startsWith('rfnd_') ? decodeIdIndex(txnId, IdKind.refund) : -1;
}

/** Batch index of a `setl_…` id, or −1. */
export function batchOfSettlementId(settlementId: string): number {
  return settlementId.startsWith('setl_') ? decodeIdIndex(settlementId, IdKind.settlement) : -1;
}
