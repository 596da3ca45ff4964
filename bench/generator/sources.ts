/**
 * Source names and accounts of the simulated merchant. One place, so the benchmark's matcher
 * config and the generator cannot drift apart.
 */
export const SOURCES = {
  /** The merchant's own books: one entry per order. */
  ledger: 'ledger',
  /** Razorpay payments (`GET /v1/payments`). */
  gateway: 'razorpay',
  /** Razorpay settlement recon lines (`GET /v1/settlements/recon/combined`). */
  settlement: 'razorpay_settlement',
  /** The merchant's bank statement (current account the settlements land in). */
  bank: 'bank',
} as const;

/** Account ids, shared by every record of a source. */
export const ACCOUNTS = {
  ledger: 'sales:razorpay',
  gateway: 'acc_RZPMERCHANT001',
  bank: '000405001234',
} as const;
