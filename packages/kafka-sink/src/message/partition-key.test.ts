import { parseTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { defaultPartitionKey, keyByAccount, keyByReference, keyByTxnId } from './partition-key';

const txn = (references: Record<string, string>, extra: Record<string, unknown> = {}) =>
  parseTransaction({
    schema_version: 1,
    txn_id: 'T1',
    source: 'hdfc',
    account_id: '50100012345678',
    amount: '100.00',
    currency: 'INR',
    direction: 'CREDIT',
    status: 'SUCCESS',
    timestamp: '2024-04-01T10:00:00+05:30',
    transaction_type: 'SETTLEMENT',
    references,
    raw: {},
    ...extra,
  });

describe('message keys', () => {
  it('keys a bank credit and the gateway settlement it pays out by their shared UTR', () => {
    const bank = txn({ utr: 'HDFCN24092612345', bank_txn_id: 'S1' });
    const gateway = txn({ utr: 'HDFCN24092612345', settlement_id: 'setl_1' }, { source: 'razorpay', txn_id: 'setl_1' });
    expect(defaultPartitionKey(bank)).toBe('utr:HDFCN24092612345');
    expect(defaultPartitionKey(gateway)).toBe(defaultPartitionKey(bank));
  });

  it('keys a ledger entry and a gateway payment by payment id, and falls back to the transaction id', () => {
    expect(defaultPartitionKey(txn({ payment_id: 'pay_1', rrn: '412345678901' }))).toBe('payment_id:pay_1');
    expect(defaultPartitionKey(txn({}))).toBe('txn:hdfc:T1');
  });

  it('follows a custom order', () => {
    expect(keyByReference(['rrn'])(txn({ utr: 'U', rrn: 'R' }))).toBe('rrn:R');
    expect(keyByTxnId(txn({}))).toBe('hdfc:T1');
    expect(keyByAccount(txn({}))).toBe('hdfc:50100012345678');
  });
});
