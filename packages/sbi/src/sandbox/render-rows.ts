import { money, toDecimalString } from '@recon/core';
import { formatSbiDate } from '../mapping/dates';
import type { SbiStatementLine } from './sbi-dataset';

/** A line as an `accountStatementDetails` row [S, aerele field names]: `AMOUNT` signed after the number. */
export function renderSbiRow(line: SbiStatementLine): Record<string, string> {
  const amount = toDecimalString(money(line.amountMinor, 'INR'));
  const sign = line.direction === 'DEBIT' ? '-' : line.unsignedCredit ? '' : '+';
  return {
    VALUE_DATE: line.broken === 'date' ? '31/02/2026' : formatSbiDate(line.date, 'dd/mm/yyyy'),
    AMOUNT: line.broken === 'amount' ? '12,3.4-' : line.broken === 'zero' ? '0.00' : `${amount}${sign}`,
    NARRATION: line.narration.text,
    STATEMENT: line.statement,
    RECORD_NUMBER: line.recordNumber,
    CHEQUE_NUMBER: '',
  };
}

/**
 * `EIS_RESPONSE` for a page, as the JSON *string* aerele's code is prepared for: rows as a list,
 * or one bare object when one row matched; `nextRecordNumber` (project-defined) when more follow.
 */
export function renderEisResponse(lines: SbiStatementLine[], nextRecord: number | undefined): string {
  const rows = lines.map(renderSbiRow);
  return JSON.stringify({
    responseStatus: '0',
    accountStatementDetails: rows.length === 1 ? rows[0] : rows,
    ...(nextRecord !== undefined && { nextRecordNumber: String(nextRecord) }),
  });
}
