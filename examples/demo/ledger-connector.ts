import { readFile } from 'node:fs/promises';
import { formatIssues, InvalidDataError, safeParseTransaction, type ConnectorMessage, type ReadOptions, type SyncSource } from '@recon/core';
import type { LedgerExportRow } from './scenario';

/** Source name of the ERP ledger's transactions (the matcher's `ledger` side). */
export const LEDGER_SOURCE = 'ledger';

/** Read position: lines already yielded. */
type LedgerFileCursor = { line: number };

/** One ERP row → a standard transaction candidate; values copied verbatim (validation judges them). */
function mapRow(row: Partial<LedgerExportRow>, account: string): Record<string, unknown> {
  const refund = row.kind === 'refund';
  return {
    schema_version: 1,
    txn_id: row.entry_no,
    source: LEDGER_SOURCE,
    account_id: account,
    amount: row.amount,
    currency: 'INR',
    direction: refund ? 'DEBIT' : 'CREDIT',
    status: row.status === 'paid' ? 'SUCCESS' : row.status === 'failed' ? 'FAILED' : row.status,
    raw_status: row.status,
    timestamp: row.booked_at,
    transaction_type: refund ? 'REFUND' : 'PAYMENT',
    reference_number: row.entry_no,
    references: { order_id: row.order_id, payment_id: row.payment_id, merchant_reference: row.receipt, ...(row.refund_id && { refund_id: row.refund_id }) },
    description: row.note,
    raw: row as Record<string, string>,
  };
}

function toMessage(line: string, account: string): ConnectorMessage<LedgerFileCursor> {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return { type: 'invalid', raw: line, error: new InvalidDataError(`[recon:${LEDGER_SOURCE}] Line is not JSON`, { code: 'TXN_INVALID', connector: LEDGER_SOURCE, raw: line }) };
  }
  const result = safeParseTransaction(mapRow(row as Partial<LedgerExportRow>, account));
  if (result.success) return { type: 'record', txn: result.data };
  const id = (row as Partial<LedgerExportRow>).entry_no ?? 'without entry_no';
  const error = new InvalidDataError(`[recon:${LEDGER_SOURCE}] Row ${id} is not a valid transaction: ${formatIssues(result.error.issues)}`, {
    code: 'TXN_INVALID',
    connector: LEDGER_SOURCE,
    issues: result.error.issues,
    raw: row,
  });
  return { type: 'invalid', raw: row, error };
}

/**
 * The demo's ERP ledger: a JSON-lines export file, read as a sync source so it goes through the
 * same runner, validation and checkpoints as the banks (a bad row becomes an invalid message with
 * its reason, never a lost or fatal one). Checkpoints every 20 lines.
 */
export function ledgerFile(config: { path: string; account?: string }): SyncSource<LedgerFileCursor> {
  const account = config.account ?? 'SALES-RAZORPAY';
  return {
    id: LEDGER_SOURCE,
    async *read(options: ReadOptions<LedgerFileCursor> = {}) {
      const lines = (await readFile(config.path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
      const start = options.cursor?.line ?? 0;
      for (let i = start; i < lines.length; i++) {
        yield toMessage(lines[i]!, account);
        if ((i + 1) % 20 === 0 || i === lines.length - 1) yield { type: 'state', cursor: { line: i + 1 } };
      }
    },
  };
}
