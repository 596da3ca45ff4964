import { createOccurrenceCounter } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { SbiStatementMappingSchema } from '../config/statement-mapping';
import { mapSbiStatementRow, type SbiRowContext } from './map-statement-row';

const context = (mapping: Record<string, unknown> = {}): SbiRowContext => ({ accountId: '00000031234567890', mapping: SbiStatementMappingSchema.parse(mapping), occurrence: createOccurrenceCounter() });
const row = { VALUE_DATE: '03/10/2024', AMOUNT: '25208.85+', NARRATION: 'BY TRANSFER-NEFT*INDB0000006*INDBN03101211261*Upwork Escrow In--', STATEMENT: 'TRANSFER FROM 4698188044303', RECORD_NUMBER: '4', CHEQUE_NUMBER: '' };

describe('mapSbiStatementRow', () => {
  it('maps an EIS row with a trailing sign, keeping the row as raw', () => {
    const result = mapSbiStatementRow(row, context());
    if (!result.ok) throw result.error;
    expect(result.txn).toMatchObject({
      source: 'sbi',
      bank_code: 'SBIN',
      amount: '25208.85',
      direction: 'CREDIT',
      timestamp: '2024-10-03T00:00:00+05:30',
      value_date: '2024-10-03',
      channel: 'NEFT',
      reference_number: 'INDBN03101211261',
      references: { utr: 'INDBN03101211261' },
      counterparty: { ifsc: 'INDB0000006', name: 'Upwork Escrow In' },
      raw: row,
    });
    expect(result.txn.txn_id).toMatch(/^sbi_[a-z2-7]{26}$/);
  });

  it('reads every sign convention: trailing -, leading +, none (credit), Dr suffix', () => {
    const direction = (AMOUNT: string) => {
      const r = mapSbiStatementRow({ ...row, AMOUNT }, context());
      return r.ok ? `${r.txn.direction} ${r.txn.amount}` : 'invalid';
    };
    expect(direction('1,75,000.00-')).toBe('DEBIT 175000.00');
    expect(direction('+50.5')).toBe('CREDIT 50.50');
    expect(direction('50.00')).toBe('CREDIT 50.00');
    expect(direction('50.00 Dr')).toBe('DEBIT 50.00');
    expect(direction('0.00')).toBe('invalid');
    expect(direction('12,3.4-')).toBe('invalid');
  });

  it('uses an indicator field when mapped, and the first non-empty narration field', () => {
    const mapping = { fields: { direction: 'DRCR' } };
    const result = mapSbiStatementRow({ ...row, AMOUNT: '100.00', DRCR: 'DR', NARRATION: '', TRANSFER_STATEMENT: 'TO TRANSFER-UPI/DR/526311122233/RIO PRINT/SBIN/rio@sbi/Flex--' }, context(mapping));
    if (!result.ok) throw result.error;
    expect(result.txn).toMatchObject({ direction: 'DEBIT', channel: 'UPI', references: { rrn: '526311122233' } });
    expect(mapSbiStatementRow({ ...row, AMOUNT: '-100.00', DRCR: 'CR' }, context(mapping)).ok).toBe(false);
    expect(mapSbiStatementRow({ ...row, AMOUNT: '100.00', DRCR: 'XX' }, context(mapping)).ok).toBe(false);
  });

  it('keeps identical lines apart by record number, and repeats ids on a re-read', () => {
    const first = context();
    const a = mapSbiStatementRow(row, first);
    const b = mapSbiStatementRow({ ...row, RECORD_NUMBER: '5' }, first);
    const again = mapSbiStatementRow(row, context());
    if (!a.ok || !b.ok || !again.ok) throw new Error('expected valid rows');
    expect(a.txn.txn_id).not.toBe(b.txn.txn_id);
    expect(again.txn.txn_id).toBe(a.txn.txn_id);
  });

  it('lists every problem and keeps the row intact', () => {
    const bad = { ...row, VALUE_DATE: '31/02/2026', AMOUNT: 'abc' };
    const result = mapSbiStatementRow(bad, context());
    if (result.ok) throw new Error('expected invalid');
    expect(result.error.issues.map((i) => i.path[0]).sort()).toEqual(['amount', 'timestamp']);
    expect(result.error.raw).toBe(bad);
    expect(mapSbiStatementRow(null, context()).ok).toBe(false);
  });
});
