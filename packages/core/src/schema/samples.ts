import type { StandardTransactionInput } from './transaction';

/**
 * A complete, valid INR standard transaction (every optional field set), fresh on each call so a
 * test can change one thing at a time. For tests and docs; not part of the public API.
 */
export function validInr(): StandardTransactionInput {
  return {
    schema_version: 1,
    txn_id: 'pay_29QQoUBi66xm2f',
    source: 'razorpay',
    account_id: 'acc_HDFC_50100012345678',
    bank_code: 'RAZORPAY',
    amount: '5000.00',
    currency: 'INR',
    direction: 'CREDIT',
    status: 'SUCCESS',
    raw_status: 'captured',
    timestamp: '2024-04-01T10:15:30+05:30',
    value_date: '2024-04-02',
    channel: 'UPI',
    transaction_type: 'PAYMENT',
    reference_number: '412345678901',
    references: { payment_id: 'pay_29QQoUBi66xm2f', order_id: 'order_9A33XWu170gUtm', rrn: '412345678901' },
    description: 'Payment for order 1001',
    counterparty: { name: 'A Customer', vpa: 'customer@okhdfcbank', ifsc: 'HDFC0001234' },
    fee: '118.00',
    tax: '18.00',
    balance_after: '-120.50',
    raw: { id: 'pay_29QQoUBi66xm2f', amount: 500000, currency: 'INR', notes: [], captured: true, error: null },
  };
}
