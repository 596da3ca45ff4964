import { describe, expect, it } from 'vitest';
import { parseTransaction, safeParseTransaction } from '../../schema/parse';
import { mapLedgerRow } from './map-ledger-row';

const row = {
  id: 'ltx_0000112ab34cd',
  account_number: '50200012345678',
  amount: '1250.00',
  currency: 'INR',
  type: 'credit',
  channel: 'UPI',
  status: 'settled',
  rrn: '412345678901',
  narration: 'UPI/412345678901/PAYMENT FROM RAHUL/rahul@okhdfc/HDFC Bank',
  counterparty: { name: 'RAHUL SHARMA', vpa: 'rahul@okhdfc' },
  created_at: '2024-04-01T10:15:00+05:30',
  value_date: '2024-04-01',
};

describe('mapLedgerRow', () => {
  it('maps a row to a standard transaction, amount verbatim and the row kept in raw', () => {
    const txn = parseTransaction(mapLedgerRow(row));
    expect(txn).toMatchObject({
      schema_version: 1,
      txn_id: 'ltx_0000112ab34cd',
      source: 'sample-ledger',
      account_id: '50200012345678',
      amount: '1250.00',
      currency: 'INR',
      direction: 'CREDIT',
      status: 'SUCCESS',
      raw_status: 'settled',
      timestamp: '2024-04-01T10:15:00+05:30',
      value_date: '2024-04-01',
      channel: 'UPI',
      transaction_type: 'PAYMENT',
      reference_number: '412345678901',
      references: { rrn: '412345678901' },
      description: row.narration,
      counterparty: { name: 'RAHUL SHARMA', vpa: 'rahul@okhdfc' },
    });
    expect(txn.raw).toEqual(row);
  });

  it('maps NEFT debits with the UTR as the primary reference', () => {
    const { rrn: _rrn, ...withoutRrn } = row;
    const txn = parseTransaction(mapLedgerRow({ ...withoutRrn, type: 'debit', channel: 'NEFT', utr: 'HDFCN40921234567', counterparty: { name: 'ACME', account: '123456789012', ifsc: 'HDFC0001234' } }));
    expect(txn).toMatchObject({ direction: 'DEBIT', channel: 'NEFT', reference_number: 'HDFCN40921234567', references: { utr: 'HDFCN40921234567' }, counterparty: { ifsc: 'HDFC0001234' } });
  });

  it('never guesses: unknown type or status, bad amounts and missing fields fail validation', () => {
    const issuesOf = (input: unknown) => {
      const result = safeParseTransaction(mapLedgerRow(input));
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(issuesOf({ ...row, type: 'sideways' })).toContain('direction');
    expect(issuesOf({ ...row, status: 'processing' })).toContain('status');
    expect(issuesOf({ ...row, amount: '12.345' })).toContain('amount');
    expect(issuesOf({ ...row, amount: 1250 })).toContain('amount');
    expect(issuesOf({ ...row, created_at: undefined })).toContain('timestamp');
  });

  it('does not throw on rows that are not objects', () => {
    for (const junk of [null, 42, 'text', [1, 2]]) expect(safeParseTransaction(mapLedgerRow(junk)).success).toBe(false);
  });
});
