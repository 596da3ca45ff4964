import type { StandardTransaction } from '../schema/transaction';

/** A valid standard transaction with sensible defaults; override what a test cares about. */
export function txn(over: Partial<StandardTransaction> & { txn_id: string; source: string }): StandardTransaction {
  return {
    schema_version: 1,
    account_id: 'acc_1',
    amount: '100.00',
    currency: 'INR',
    direction: 'CREDIT',
    status: 'SUCCESS',
    timestamp: '2024-04-01T10:00:00+05:30',
    transaction_type: 'PAYMENT',
    references: {},
    raw: {},
    ...over,
  };
}

/** Ledger entry `id` for payment `pay`. */
export function ledger(id: string, pay: string | undefined, amount = '100.00', over: Partial<StandardTransaction> = {}): StandardTransaction {
  return txn({ txn_id: id, source: 'ledger', amount, references: pay ? { payment_id: pay } : {}, ...over });
}

/** Gateway payment `pay`. */
export function payment(pay: string, amount = '100.00', over: Partial<StandardTransaction> = {}): StandardTransaction {
  return txn({ txn_id: pay, source: 'razorpay', amount, references: { payment_id: pay }, ...over });
}
