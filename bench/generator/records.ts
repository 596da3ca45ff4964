import type { Channel, StandardTransaction } from '@recon/core';
import { ACCOUNTS, SOURCES } from './sources';

/**
 * Builders of the four record shapes. Each returns a finished `StandardTransaction` (what
 * `parseTransaction` would return), with only the fields a real connector for that source fills.
 * `raw` is null: the records are synthetic, and a copy of a made-up payload would only inflate the
 * memory figures the benchmark reports.
 */

/** How the ledger shows the order id. */
export type LedgerKey = { kind: 'order'; orderId: string } | { kind: 'reformatted'; value: string } | { kind: 'none' };

/**
 * A ledger entry for one order. Written as one object literal per key kind: an object spread
 * (`{ ...base, x }`) puts V8 objects in dictionary mode, which doubled the ledger's memory.
 */
export function ledgerRecord(p: { txnId: string; amount: string; paid: boolean; timestamp: string; key: LedgerKey }): StandardTransaction {
  const status = p.paid ? ('SUCCESS' as const) : ('FAILED' as const);
  const rawStatus = p.paid ? 'paid' : 'failed';
  if (p.key.kind === 'none') {
    return {
      schema_version: 1,
      txn_id: p.txnId,
      source: SOURCES.ledger,
      account_id: ACCOUNTS.ledger,
      amount: p.amount,
      currency: 'INR',
      direction: 'CREDIT',
      status,
      raw_status: rawStatus,
      timestamp: p.timestamp,
      transaction_type: 'PAYMENT',
      references: {},
      description: 'Counter sale',
      raw: null,
    };
  }
  const orderRef = p.key.kind === 'order' ? p.key.orderId : p.key.value;
  return {
    schema_version: 1,
    txn_id: p.txnId,
    source: SOURCES.ledger,
    account_id: ACCOUNTS.ledger,
    amount: p.amount,
    currency: 'INR',
    direction: 'CREDIT',
    status,
    raw_status: rawStatus,
    timestamp: p.timestamp,
    transaction_type: 'PAYMENT',
    reference_number: orderRef,
    references: { order_id: orderRef },
    raw: null,
  };
}

/** A Razorpay payment (captured or failed; only a captured one has a fee). */
export function paymentRecord(p: {
  paymentId: string;
  orderId: string;
  amount: string;
  captured: boolean;
  timestamp: string;
  channel: Channel;
  fee?: string | undefined;
  tax?: string | undefined;
}): StandardTransaction {
  if (p.fee === undefined || p.tax === undefined) {
    return {
      schema_version: 1,
      txn_id: p.paymentId,
      source: SOURCES.gateway,
      account_id: ACCOUNTS.gateway,
      bank_code: 'RAZORPAY',
      amount: p.amount,
      currency: 'INR',
      direction: 'CREDIT',
      status: p.captured ? 'SUCCESS' : 'FAILED',
      raw_status: p.captured ? 'captured' : 'failed',
      timestamp: p.timestamp,
      channel: p.channel,
      transaction_type: 'PAYMENT',
      reference_number: p.paymentId,
      references: { payment_id: p.paymentId, order_id: p.orderId },
      raw: null,
    };
  }
  return {
    schema_version: 1,
    txn_id: p.paymentId,
    source: SOURCES.gateway,
    account_id: ACCOUNTS.gateway,
    bank_code: 'RAZORPAY',
    amount: p.amount,
    currency: 'INR',
    direction: 'CREDIT',
    status: p.captured ? 'SUCCESS' : 'FAILED',
    raw_status: p.captured ? 'captured' : 'failed',
    timestamp: p.timestamp,
    channel: p.channel,
    transaction_type: 'PAYMENT',
    reference_number: p.paymentId,
    references: { payment_id: p.paymentId, order_id: p.orderId },
    fee: p.fee,
    tax: p.tax,
    raw: null,
  };
}

/** A settlement recon line of type `payment`: gross amount, fee (GST included) and GST. */
export function settlementPaymentLine(p: {
  paymentId: string;
  orderId: string;
  settlementId: string;
  utr: string;
  gross: string;
  fee: string;
  tax: string;
  timestamp: string;
  settledOn: string;
  channel: Channel;
}): StandardTransaction {
  return {
    schema_version: 1,
    txn_id: p.paymentId,
    source: SOURCES.settlement,
    account_id: ACCOUNTS.gateway,
    bank_code: 'RAZORPAY',
    amount: p.gross,
    currency: 'INR',
    direction: 'CREDIT',
    status: 'SUCCESS',
    raw_status: 'settled',
    timestamp: p.timestamp,
    value_date: p.settledOn,
    channel: p.channel,
    transaction_type: 'PAYMENT',
    reference_number: p.settlementId,
    references: { payment_id: p.paymentId, order_id: p.orderId, settlement_id: p.settlementId, utr: p.utr },
    fee: p.fee,
    tax: p.tax,
    raw: null,
  };
}

/** A settlement recon line of type `refund`: a debit netted into the batch. */
export function settlementRefundLine(p: {
  refundId: string;
  paymentId: string;
  settlementId: string;
  utr: string;
  amount: string;
  timestamp: string;
  settledOn: string;
  channel: Channel;
}): StandardTransaction {
  return {
    schema_version: 1,
    txn_id: p.refundId,
    source: SOURCES.settlement,
    account_id: ACCOUNTS.gateway,
    bank_code: 'RAZORPAY',
    amount: p.amount,
    currency: 'INR',
    direction: 'DEBIT',
    status: 'SUCCESS',
    raw_status: 'processed',
    timestamp: p.timestamp,
    value_date: p.settledOn,
    channel: p.channel,
    transaction_type: 'REFUND',
    reference_number: p.settlementId,
    references: { refund_id: p.refundId, payment_id: p.paymentId, settlement_id: p.settlementId, utr: p.utr },
    fee: '0.00',
    tax: '0.00',
    raw: null,
  };
}

/**
 * A Razorpay refund as the gateway reports it (`GET /v1/refunds`, mapped like
 * `@recon/razorpay`'s `mapRefund`): a DEBIT of the merchant balance, `txn_id` the refund id, the
 * parent payment in `references.payment_id`, no fee.
 */
export function gatewayRefundRecord(p: { refundId: string; paymentId: string; amount: string; timestamp: string }): StandardTransaction {
  return {
    schema_version: 1,
    txn_id: p.refundId,
    source: SOURCES.gateway,
    account_id: ACCOUNTS.gateway,
    bank_code: 'RAZORPAY',
    amount: p.amount,
    currency: 'INR',
    direction: 'DEBIT',
    status: 'SUCCESS',
    raw_status: 'processed',
    timestamp: p.timestamp,
    transaction_type: 'REFUND',
    reference_number: p.refundId,
    references: { refund_id: p.refundId, payment_id: p.paymentId },
    raw: null,
  };
}

/** A bank statement line: no structured references, only the narration. */
export function bankRecord(p: {
  txnId: string;
  amount: string;
  credit: boolean;
  timestamp: string;
  valueDate: string;
  channel: Channel;
  narration: string;
}): StandardTransaction {
  return {
    schema_version: 1,
    txn_id: p.txnId,
    source: SOURCES.bank,
    account_id: ACCOUNTS.bank,
    bank_code: 'ICIC',
    amount: p.amount,
    currency: 'INR',
    direction: p.credit ? 'CREDIT' : 'DEBIT',
    status: 'SUCCESS',
    timestamp: p.timestamp,
    value_date: p.valueDate,
    channel: p.channel,
    transaction_type: 'TRANSFER',
    references: {},
    description: p.narration,
    raw: null,
  };
}
