import { parseTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { mapPayment } from './map-payment';

/** The UPI payment of bank-apis.md §1.3, field for field. */
const UPI_PAYMENT = {
  id: 'pay_Q1aB2cD3eF4gH5',
  entity: 'payment',
  amount: 49900,
  currency: 'INR',
  status: 'captured',
  order_id: 'order_Q1aAzzYyXxWw01',
  invoice_id: null,
  international: false,
  method: 'upi',
  amount_refunded: 0,
  refund_status: null,
  captured: true,
  description: 'Order #1042',
  card_id: null,
  bank: null,
  wallet: null,
  vpa: 'buyer@okaxis',
  email: 'buyer@example.com',
  contact: '+919800000000',
  notes: [],
  fee: 1178,
  tax: 180,
  error_code: null,
  error_description: null,
  error_source: null,
  error_step: null,
  error_reason: null,
  acquirer_data: { rrn: '415612345678', upi_transaction_id: '1F72ABCD0E1F2A3B4C5D' },
  created_at: 1717000000,
  upi: { payer_account_type: 'bank_account', vpa: 'buyer@okaxis', flow: 'intent' },
};

function mapped(entity: unknown) {
  const result = mapPayment(entity, { accountId: 'acc_TEST' });
  if (!result.ok) throw result.error;
  return parseTransaction(result.txn);
}

describe('mapPayment', () => {
  it('maps the documented UPI payment exactly: paise to decimal, status, channel, references, fee and tax', () => {
    const txn = mapped(UPI_PAYMENT);
    expect(txn).toMatchObject({
      txn_id: 'pay_Q1aB2cD3eF4gH5',
      source: 'razorpay',
      account_id: 'acc_TEST',
      amount: '499.00',
      currency: 'INR',
      direction: 'CREDIT',
      status: 'SUCCESS',
      raw_status: 'captured',
      channel: 'UPI',
      transaction_type: 'PAYMENT',
      timestamp: '2024-05-29T21:56:40+05:30',
      reference_number: '415612345678',
      fee: '11.78',
      tax: '1.80',
      description: 'Order #1042',
      counterparty: { vpa: 'buyer@okaxis' },
    });
    expect(txn.references).toEqual({ payment_id: 'pay_Q1aB2cD3eF4gH5', order_id: 'order_Q1aAzzYyXxWw01', rrn: '415612345678', upi_txn_id: '1F72ABCD0E1F2A3B4C5D' });
    expect(txn.raw).toEqual(UPI_PAYMENT);
  });

  it('keeps every paisa of amounts far beyond float-safe rupee arithmetic', () => {
    expect(mapped({ ...UPI_PAYMENT, amount: 9_007_199_254_740_991 }).amount).toBe('90071992547409.91');
    expect(mapped({ ...UPI_PAYMENT, amount: 1 }).amount).toBe('0.01');
    expect(mapped({ ...UPI_PAYMENT, amount: 10 }).amount).toBe('0.10');
  });

  it.each([
    ['created', 'PENDING'],
    ['authorized', 'PENDING'],
    ['captured', 'SUCCESS'],
    ['refunded', 'REFUNDED'],
    ['failed', 'FAILED'],
  ])('maps status %s to %s and keeps the raw status', (status, expected) => {
    const txn = mapped({ ...UPI_PAYMENT, status, fee: null, tax: null });
    expect(txn.status).toBe(expected);
    expect(txn.raw_status).toBe(status);
    expect(txn.fee).toBeUndefined();
  });

  it.each([
    ['card', 'CARD'],
    ['netbanking', 'NETBANKING'],
    ['wallet', 'WALLET'],
    ['emi', 'EMI'],
    ['cardless_emi', 'EMI'],
    ['paylater', 'OTHER'],
    ['some_new_method', 'OTHER'],
  ])('maps method %s to channel %s', (method, channel) => {
    expect(mapped({ ...UPI_PAYMENT, method, acquirer_data: {} }).channel).toBe(channel);
  });

  it('takes the netbanking bank transaction id and bank code, and tolerates a null one on failure', () => {
    const { upi: _upi, ...withoutUpi } = UPI_PAYMENT;
    const ok = mapped({ ...withoutUpi, method: 'netbanking', vpa: null, bank: 'HDFC', acquirer_data: { bank_transaction_id: '0125836177' } });
    expect(ok.references).toMatchObject({ bank_txn_id: '0125836177' });
    expect(ok.reference_number).toBe('0125836177');
    expect(ok.counterparty).toEqual({ bank: 'HDFC' });
    const failed = mapped({ ...withoutUpi, method: 'netbanking', status: 'failed', fee: null, tax: null, vpa: null, acquirer_data: { bank_transaction_id: null } });
    expect(failed.references.bank_txn_id).toBeUndefined();
    expect(failed.reference_number).toBe('pay_Q1aB2cD3eF4gH5');
  });

  it('reads notes whether Razorpay sent [] or an object, and never uses receipt or customer_id', () => {
    const withNotes = mapped({ ...UPI_PAYMENT, notes: { merchant_order_id: 'ORD-1042' }, customer_id: 'cust_AAAAAAAAAAAAAA', receipt: 'rcpt_should_not_be_used' });
    expect(withNotes.references.merchant_reference).toBe('ORD-1042');
    expect(JSON.stringify({ ...withNotes, raw: null })).not.toContain('cust_AAAAAAAAAAAAAA');
    expect(JSON.stringify({ ...withNotes, raw: null })).not.toContain('rcpt_should_not_be_used');
    expect(mapped(UPI_PAYMENT).references.merchant_reference).toBeUndefined();
  });

  it('treats "" and null email, error_code and description as absent', () => {
    const txn = mapped({ ...UPI_PAYMENT, description: '', email: '', error_code: '' });
    expect(txn.description).toBeUndefined();
  });

  it('lists every problem of a broken payment at once and keeps the raw entity', () => {
    const broken = { ...UPI_PAYMENT, amount: 499.5, currency: 'RUPEE', status: 'settled_maybe', created_at: '1717000000', fee: -1 };
    const result = mapPayment(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid_data');
    expect(result.error.raw).toBe(broken);
    expect(result.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'created_at', 'currency', 'fee', 'status']);
    expect(result.error.message).toContain('pay_Q1aB2cD3eF4gH5');
  });

  it('refuses an amount sent as a decimal string instead of integer paise', () => {
    const result = mapPayment({ ...UPI_PAYMENT, amount: '499.00' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([expect.objectContaining({ path: ['amount'] })]);
  });

  it('refuses something that is not an object', () => {
    for (const entity of [null, 'pay_x', [UPI_PAYMENT]]) {
      const result = mapPayment(entity);
      expect(result.ok).toBe(false);
    }
  });
});
