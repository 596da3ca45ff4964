import { createOccurrenceCounter } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { HDFC_AA_DEPOSIT_MAPPING, HDFC_NETBANKING_COLUMNS_MAPPING, HdfcStatementMappingSchema } from '../config/statement-mapping';
import { mapStatementRow, type RowContext } from './map-statement-row';

const context = (mapping = HDFC_AA_DEPOSIT_MAPPING): RowContext => ({ accountId: '50200012345678', currency: 'INR', mapping: HdfcStatementMappingSchema.parse(mapping), occurrence: createOccurrenceCounter() });

const aaRow = {
  txnId: 'S812345670',
  type: 'CREDIT',
  mode: 'FT',
  amount: '118000.00',
  currentBalance: '-1520.25',
  transactionTimestamp: '2026-01-05T10:59:00+05:30',
  valueDate: '2026-01-06',
  narration: 'NEFT CR-SBIN0007631-ACME TRADERS-INVOICE 42-SBINN52026010512345678',
  reference: '',
};

describe('mapStatementRow', () => {
  it('maps an AA deposit row exactly, keeping the row as raw', () => {
    const result = mapStatementRow(aaRow, context());
    if (!result.ok) throw result.error;
    expect(result.txn).toMatchObject({
      source: 'hdfc',
      account_id: '50200012345678',
      bank_code: 'HDFC',
      amount: '118000.00',
      currency: 'INR',
      direction: 'CREDIT',
      status: 'SUCCESS',
      timestamp: '2026-01-05T10:59:00+05:30',
      value_date: '2026-01-06',
      channel: 'NEFT',
      reference_number: 'SBINN52026010512345678',
      references: { utr: 'SBINN52026010512345678', bank_txn_id: 'S812345670' },
      counterparty: { ifsc: 'SBIN0007631', name: 'ACME TRADERS' },
      balance_after: '-1520.25',
      raw: aaRow,
    });
    expect(result.txn.txn_id).toMatch(/^hdfc_[a-z2-7]{26}$/);
  });

  it('reads JSON-number amounts only when they are exact', () => {
    const exact = mapStatementRow({ ...aaRow, amount: 1234.5 }, context());
    expect(exact.ok && exact.txn.amount).toBe('1234.50');
    const inexact = mapStatementRow({ ...aaRow, amount: 0.1 + 0.2 }, context());
    expect(inexact.ok).toBe(false);
  });

  it('gives identical rows on one page different ids, and the same ids on a re-read', () => {
    const first = context();
    const ids = [mapStatementRow(aaRow, first), mapStatementRow(aaRow, first)].map((r) => (r.ok ? r.txn.txn_id : 'invalid'));
    expect(new Set(ids).size).toBe(2);
    const again = context();
    expect([mapStatementRow(aaRow, again), mapStatementRow(aaRow, again)].map((r) => (r.ok ? r.txn.txn_id : 'invalid'))).toEqual(ids);
  });

  it('lists every problem of a bad row and keeps the row intact', () => {
    const row = { ...aaRow, amount: '1,2,3.45', type: 'CRDR', transactionTimestamp: '2026-01-05', valueDate: '06/01/2026', currentBalance: 'lots' };
    const result = mapStatementRow(row, context());
    if (result.ok) throw new Error('expected invalid');
    expect(result.error.kind).toBe('invalid_data');
    expect(result.error.raw).toBe(row);
    expect(result.error.issues.map((i) => i.path[0]).sort()).toEqual(['amount', 'balance_after', 'direction', 'value_date']);
    expect(mapStatementRow('not a row', context()).ok).toBe(false);
    expect(mapStatementRow({ ...aaRow, currency: 'XYZ' }, context()).ok).toBe(false);
    expect(mapStatementRow({ ...aaRow, amount: '-5.00' }, context()).ok).toBe(false);
  });

  it('maps split withdrawal/deposit columns with Indian grouping', () => {
    const row = { Date: '02/10/26', Narration: 'UPI-OFFICE WORKS-officeworks@okhdfcbank-HDFC0000240-627512345678-RENT', 'Chq./Ref.No.': '0000412345', 'Value Dt': '02/10/26', 'Withdrawal Amt.': '18,400.00', 'Deposit Amt.': '', 'Closing Balance': '5,99,600.00' };
    const result = mapStatementRow(row, context(HDFC_NETBANKING_COLUMNS_MAPPING));
    if (!result.ok) throw result.error;
    expect(result.txn).toMatchObject({ amount: '18400.00', direction: 'DEBIT', channel: 'UPI', timestamp: '2026-10-02T00:00:00+05:30', balance_after: '599600.00', references: { rrn: '627512345678' }, counterparty: { vpa: 'officeworks@okhdfcbank' } });
    const both = mapStatementRow({ ...row, 'Deposit Amt.': '1.00' }, context(HDFC_NETBANKING_COLUMNS_MAPPING));
    expect(both.ok).toBe(false);
    const neither = mapStatementRow({ ...row, 'Withdrawal Amt.': '' }, context(HDFC_NETBANKING_COLUMNS_MAPPING));
    expect(neither.ok).toBe(false);
  });
});

describe('HdfcStatementMappingSchema', () => {
  it('demands one way to read amounts', () => {
    expect(HdfcStatementMappingSchema.safeParse({ ...HDFC_AA_DEPOSIT_MAPPING, fields: { postedAt: 'date' } }).success).toBe(false);
    expect(HdfcStatementMappingSchema.safeParse({ ...HDFC_AA_DEPOSIT_MAPPING, fields: { ...HDFC_AA_DEPOSIT_MAPPING.fields, debitAmount: 'w', creditAmount: 'd' } }).success).toBe(false);
  });
});
