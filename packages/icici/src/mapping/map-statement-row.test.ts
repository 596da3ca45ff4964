import { createOccurrenceCounter, safeParseTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { mapStatementRow, type IciciStatementRow, type RowContext } from './map-statement-row';

const ROW: IciciStatementRow = {
  TRANSACTIONID: 'S71034864',
  TXNDATE: '18-02-2021 10:59:00',
  VALUEDATE: '18-02-2021',
  TYPE: 'CR',
  AMOUNT: '10,000.00',
  BALANCE: '1,10,000.00',
  CHEQUENO: '',
  REMARKS: 'MMT/IMPS/104910349740/Acme Ltd/SBIN0003281',
};

const context = (): RowContext => ({ accountNumber: '000405001611', nextOccurrence: createOccurrenceCounter() });

function mapped(row: unknown, ctx: RowContext = context()) {
  const result = mapStatementRow(row, ctx);
  if (!result.ok) throw new Error(`expected a mapped row, got ${JSON.stringify(result.issues)}`);
  const parsed = safeParseTransaction(result.txn);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

describe('mapStatementRow', () => {
  it('maps the §2.5 example row to a valid standard transaction', () => {
    const txn = mapped(ROW);
    expect(txn).toMatchObject({
      source: 'icici',
      account_id: '000405001611',
      bank_code: 'ICIC',
      amount: '10000.00',
      currency: 'INR',
      direction: 'CREDIT',
      status: 'SUCCESS',
      timestamp: '2021-02-18T10:59:00+05:30',
      value_date: '2021-02-18',
      channel: 'IMPS',
      transaction_type: 'TRANSFER',
      reference_number: '104910349740',
      references: { bank_txn_id: 'S71034864', rrn: '104910349740' },
      description: ROW.REMARKS,
      counterparty: { name: 'Acme Ltd', ifsc: 'SBIN0003281' },
      balance_after: '110000.00',
      raw: ROW,
    });
    expect(txn.txn_id).toMatch(/^icici_[a-z2-7]{26}$/);
  });

  it('reads Indian comma grouping exactly, beyond float precision', () => {
    expect(mapped({ ...ROW, AMOUNT: '10,50,510.00' }).amount).toBe('1050510.00');
    expect(mapped({ ...ROW, AMOUNT: '12,34,56,78,90,12,345.67', BALANCE: '98,76,54,32,10,98,765.43' })).toMatchObject({ amount: '123456789012345.67', balance_after: '987654321098765.43' });
    expect(mapped({ ...ROW, AMOUNT: '0.10' }).amount).toBe('0.10');
    expect(mapped({ ...ROW, AMOUNT: '5000' }).amount).toBe('5000.00');
    expect(mapped({ ...ROW, BALANCE: '-1,234.50' }).balance_after).toBe('-1234.50');
  });

  it('DR is a debit; the direction changes the id', () => {
    const credit = mapped(ROW);
    const debit = mapped({ ...ROW, TYPE: 'DR' });
    expect(debit.direction).toBe('DEBIT');
    expect(debit.txn_id).not.toBe(credit.txn_id);
  });

  it('ids are deterministic, and a TRANSACTIONID reused on another day is another transaction', () => {
    expect(mapped(ROW).txn_id).toBe(mapped(ROW).txn_id);
    const later = mapped({ ...ROW, TXNDATE: '19-03-2022 11:00:00', VALUEDATE: '19-03-2022' });
    expect(later.references.bank_txn_id).toBe('S71034864');
    expect(later.txn_id).not.toBe(mapped(ROW).txn_id);
  });

  it('two rows identical in every field get distinct ids, numbered in order', () => {
    const ctx = context();
    const first = mapped(ROW, ctx);
    const second = mapped(ROW, ctx);
    expect(second.txn_id).not.toBe(first.txn_id);
    expect(first.txn_id).toBe(mapped(ROW).txn_id);
  });

  it('empty CHEQUENO as "", [] or {} (XML converters) is no cheque; a cheque number is kept', () => {
    for (const empty of ['', [], {}]) expect(mapped({ ...ROW, CHEQUENO: empty }).references.cheque_number).toBeUndefined();
    const cheque = mapped({ ...ROW, CHEQUENO: '000123', REMARKS: 'CLEARING ACME LTD' });
    expect(cheque).toMatchObject({ channel: 'CHEQUE', references: { cheque_number: '000123' } });
  });

  it('an empty REMARKS is fine: no description, the bank id is the reference', () => {
    const txn = mapped({ ...ROW, REMARKS: '' });
    expect(txn.description).toBeUndefined();
    expect(txn.reference_number).toBe('S71034864');
    expect(txn.transaction_type).toBe('OTHER');
  });

  it('reports every problem of a bad row, never repairing it', () => {
    const result = mapStatementRow({ ...ROW, TYPE: 'C', AMOUNT: '1,2,3.00', TXNDATE: '31-02-2024 10:00:00', VALUEDATE: '2024-02-01', REMARKS: 42 }, context());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path.join('.')).sort()).toEqual(['AMOUNT', 'REMARKS', 'TXNDATE', 'TYPE', 'VALUEDATE']);
  });

  it('refuses signed, exponent, more-than-paise and missing amounts', () => {
    for (const AMOUNT of ['-10.00', '1e5', '10.005', '', 'NaN', '₹10.00']) {
      const result = mapStatementRow({ ...ROW, AMOUNT }, context());
      expect(result.ok, AMOUNT).toBe(false);
    }
    const { AMOUNT: _dropped, ...noAmount } = ROW;
    expect(mapStatementRow(noAmount, context()).ok).toBe(false);
    expect(mapStatementRow('row', context())).toMatchObject({ ok: false, issues: [{ code: 'ROW_NOT_OBJECT' }] });
  });
});
