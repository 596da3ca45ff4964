/**
 * Razorpay v1 entities as the API serves them (bank-apis.md §1). Amounts are integer minor units
 * (paise for INR). These types describe the documented shape; the connector still validates every
 * item at run time, because a type is a promise the server never signed.
 */

/** Razorpay's `notes`: an object of strings, except that an empty one is serialized as `[]`. */
export type RazorpayNotes = Record<string, string> | [];

/** Payment lifecycle as Razorpay names it. */
export type RazorpayPaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';

/** A payment (`pay_…`). Fields the API sends only sometimes are optional. */
export interface RazorpayPayment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: RazorpayPaymentStatus;
  /** An open set: `card`, `netbanking`, `wallet`, `emi`, `upi`, `paylater`, `cardless_emi`, ... */
  method: string;
  order_id: string | null;
  invoice_id: string | null;
  international: boolean;
  amount_refunded: number;
  refund_status: 'partial' | 'full' | null;
  captured: boolean;
  description: string | null;
  card_id: string | null;
  bank: string | null;
  wallet: string | null;
  vpa: string | null;
  email: string | null;
  contact: string | null;
  /** Present only on some payments; never use it as if it were always there. */
  customer_id?: string | null;
  token_id?: string | null;
  notes: RazorpayNotes;
  /** Includes GST; `null` until the payment is captured. */
  fee: number | null;
  /** The GST part of `fee`. */
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  /** Method-dependent keys: `rrn`, `upi_transaction_id`, `bank_transaction_id`, `auth_code`, `arn`, `transaction_id`. */
  acquirer_data: Record<string, string | null>;
  upi?: { payer_account_type?: string; vpa?: string; flow?: string };
  created_at: number;
}

/** Refund lifecycle. */
export type RazorpayRefundStatus = 'pending' | 'processed' | 'failed';

/** A refund (`rfnd_…`). */
export interface RazorpayRefund {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: RazorpayNotes;
  receipt: string | null;
  /** `{}`, `{ arn }`, `{ rrn }` or `{ utr }`. */
  acquirer_data: Record<string, string | null>;
  created_at: number;
  batch_id: string | null;
  status: RazorpayRefundStatus;
  speed_processed: 'instant' | 'normal';
  speed_requested: 'normal' | 'optimum';
}

/** Settlement lifecycle; `failed` is not final (Razorpay retries, then `processed`). */
export type RazorpaySettlementStatus = 'created' | 'processed' | 'failed';

/** A settlement (`setl_…`): one payout of the merchant's balance to their bank account. */
export interface RazorpaySettlement {
  id: string;
  entity: 'settlement';
  /** Net amount paid out. */
  amount: number;
  status: RazorpaySettlementStatus;
  /** Plural, unlike payments' `fee`; `0` for normal settlements. */
  fees: number;
  tax: number;
  /** Bank UTR; `null` while `created`. Test mode sends non-bank values. */
  utr: string | null;
  created_at: number;
}

/** Row types of the settlement recon report. */
export type RazorpayReconType = 'payment' | 'refund' | 'transfer' | 'adjustment';

/** One row of `GET /v1/settlements/recon/combined`. */
export interface RazorpayReconItem {
  entity_id: string;
  type: RazorpayReconType;
  debit: number;
  credit: number;
  amount: number;
  currency: string;
  fee: number;
  tax: number;
  on_hold: boolean;
  settled: boolean;
  created_at: number;
  settled_at: number;
  settlement_id: string;
  posted_at: number | null;
  /** Absent on adjustment rows. */
  credit_type?: string;
  description: string | null;
  /** Documented as an object; seen as a string, the string `"{}"`, and `null`. */
  notes: Record<string, string> | string | null | [];
  payment_id: string | null;
  settlement_utr: string | null;
  order_id: string | null;
  order_receipt: string | null;
  method: string | null;
  card_network: string | null;
  card_issuer: string | null;
  card_type: string | null;
  dispute_id: string | null;
}

/** Every list endpoint's envelope. `count` is the size of this page, not a total. */
export interface RazorpayCollection<T> {
  entity: 'collection';
  count: number;
  items: T[];
}

/** The `error` member of Razorpay's error envelope. `field` is often absent. */
export interface RazorpayErrorBody {
  code: string;
  description: string;
  field?: string | null;
  source?: string;
  step?: string;
  reason?: string;
  metadata?: Record<string, unknown>;
}

/** Razorpay's error envelope: `{ "error": { ... } }`. */
export interface RazorpayErrorEnvelope {
  error: RazorpayErrorBody;
}
