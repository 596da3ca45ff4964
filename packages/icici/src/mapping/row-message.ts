import { formatIssues, InvalidDataError, safeParseTransaction, type ConnectorMessage, type Cursor, type ValidationIssue } from '@recon/core';
import { ICICI_SOURCE } from '../constants';
import { mapStatementRow, type RowContext } from './map-statement-row';

function invalid<C extends Cursor>(row: unknown, issues: ValidationIssue[]): ConnectorMessage<C> {
  const id = typeof row === 'object' && row !== null && typeof (row as { TRANSACTIONID?: unknown }).TRANSACTIONID === 'string' ? (row as { TRANSACTIONID: string }).TRANSACTIONID : 'without TRANSACTIONID';
  const error = new InvalidDataError(`[recon:${ICICI_SOURCE}] Statement row ${id} is not a valid transaction: ${formatIssues(issues)}`, {
    code: 'TXN_INVALID',
    connector: ICICI_SOURCE,
    issues,
    raw: row,
  });
  return { type: 'invalid', raw: row, error };
}

/**
 * One statement row as a message: a validated record, or an `invalid` message that keeps the row
 * exactly as the bank sent it, with every issue found. Never throws, so one bad row never stops
 * the batch.
 */
export function rowMessage<C extends Cursor>(row: unknown, context: RowContext): ConnectorMessage<C> {
  const mapped = mapStatementRow(row, context);
  if (!mapped.ok) return invalid(row, mapped.issues);
  const parsed = safeParseTransaction(mapped.txn);
  return parsed.success ? { type: 'record', txn: parsed.data } : invalid(row, parsed.error.issues);
}
