import type { TransactionStatus } from '@recon/core';

/**
 * Payment status → standard status. `captured` is SUCCESS even when partly refunded (the refund is
 * its own REFUND record); `refunded` (fully refunded) is REFUNDED; `created` and `authorized` are
 * PENDING, because an authorized payment is not money yet: it is captured or auto-refunded later.
 */
const PAYMENT: Readonly<Record<string, TransactionStatus>> = Object.freeze({
  created: 'PENDING',
  authorized: 'PENDING',
  captured: 'SUCCESS',
  refunded: 'REFUNDED',
  failed: 'FAILED',
});

/** Refund status → standard status (a processed refund is a successful refund movement). */
const REFUND: Readonly<Record<string, TransactionStatus>> = Object.freeze({
  pending: 'PENDING',
  processed: 'SUCCESS',
  failed: 'FAILED',
});

/** Settlement status → standard status. `failed` is not final at Razorpay (it retries), but it is what is true now. */
const SETTLEMENT: Readonly<Record<string, TransactionStatus>> = Object.freeze({
  created: 'PENDING',
  processed: 'SUCCESS',
  failed: 'FAILED',
});

/** Which entity a status belongs to. */
export type StatusEntity = 'payment' | 'refund' | 'settlement';

const TABLES: Readonly<Record<StatusEntity, Readonly<Record<string, TransactionStatus>>>> = { payment: PAYMENT, refund: REFUND, settlement: SETTLEMENT };

/** The standard status for a Razorpay status, or `undefined` for a status this SDK does not know. */
export function mapStatus(entity: StatusEntity, raw: string): TransactionStatus | undefined {
  return TABLES[entity][raw.toLowerCase()];
}

/**
 * Lifecycle order of payment statuses, for consumers that receive versions out of order (webhooks
 * are not ordered): a version with a higher rank supersedes a lower one. `failed` and `captured`
 * are both terminal for the capture step; `refunded` follows `captured`.
 */
export const PAYMENT_STATUS_RANK: Readonly<Record<string, number>> = Object.freeze({ created: 0, authorized: 1, failed: 2, captured: 2, refunded: 3 });
