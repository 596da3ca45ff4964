import { deriveTxnId, InvalidDataError, parseAmount, toDecimalString, txnIdComposite, type JsonValue, type Money, type StandardTransactionInput, type ValidationIssue } from '@recon/core';
import { ICICI_BANK_CODE, ICICI_SOURCE } from '../constants';
import { parseIciciDate, parseIciciDateTime } from './ist-dates';
import { parseRemarks } from './narration';

/** One `Record` entry of a decrypted statement page, as the bank sends it (all strings). */
export interface IciciStatementRow {
  TRANSACTIONID: string;
  /** Posting time, `dd-mm-yyyy HH:MM:SS`, IST. */
  TXNDATE: string;
  /** `dd-mm-yyyy`. */
  VALUEDATE: string;
  TYPE: 'CR' | 'DR';
  /** Indian digit grouping: `"10,50,510.00"`. */
  AMOUNT: string;
  BALANCE: string;
  CHEQUENO: string;
  REMARKS: string;
}

/** What {@link mapStatementRow} needs besides the row. */
export interface RowContext {
  /** The statement's account (the request's `ACCOUNTNO`). */
  accountNumber: string;
  /** Numbers identical composites within one read (see `createOccurrenceCounter`). */
  nextOccurrence(compositeKey: string): number;
}

/** A mapped row, not yet schema-validated; or why it cannot be mapped. */
export type RowResult = { ok: true; txn: StandardTransactionInput } | { ok: false; issues: ValidationIssue[] };

const UNSIGNED_AMOUNT = /^[0-9][0-9,]*(\.[0-9]+)?$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An optional text field. Converters from the bank's XML render an empty element as `[]` or `{}`
 * (RazorpayX guards `CHEQUENO` against both), so those read as empty; other non-strings are errors.
 */
function optionalText(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (isObject(value) && Object.keys(value).length === 0) return undefined;
  return null;
}

function amountIssue(field: string, error: unknown): ValidationIssue {
  const message = error instanceof InvalidDataError ? error.message : 'is not an amount';
  return { path: [field], message, code: error instanceof InvalidDataError ? error.code : 'AMOUNT_INVALID' };
}

/**
 * Map one statement row to a standard transaction, exactly: amounts through `parseAmount` (Indian
 * grouping, bigint paise), IST times to ISO 8601 with +05:30, `CR`/`DR` to CREDIT/DEBIT, and the
 * references the narration carries. Never throws and never repairs: a row it cannot read comes
 * back with every issue found, so the caller reports it with the row as received.
 *
 * The id: ICICI's `TRANSACTIONID` repeats across time, so the id hashes it together with the
 * account, value date, direction, amount, narration, posting time, balance after and cheque
 * number (`deriveTxnId`), numbered by occurrence for rows identical in all of those.
 */
export function mapStatementRow(row: unknown, context: RowContext): RowResult {
  if (!isObject(row)) return { ok: false, issues: [{ path: [], message: 'a statement record must be a JSON object', code: 'ROW_NOT_OBJECT' }] };
  const issues: ValidationIssue[] = [];
  const issue = (field: string, message: string, code = 'FIELD_INVALID') => issues.push({ path: [field], message, code });

  const bankTxnId = optionalText(row['TRANSACTIONID']);
  if (typeof bankTxnId !== 'string') issue('TRANSACTIONID', 'is required');

  const type = typeof row['TYPE'] === 'string' ? row['TYPE'].trim() : undefined;
  const direction = type === 'CR' ? 'CREDIT' : type === 'DR' ? 'DEBIT' : undefined;
  if (!direction) issue('TYPE', 'must be "CR" or "DR"');

  let amount: Money | undefined;
  const amountText = typeof row['AMOUNT'] === 'string' ? row['AMOUNT'].trim() : undefined;
  if (amountText === undefined || !UNSIGNED_AMOUNT.test(amountText)) issue('AMOUNT', 'must be an unsigned decimal string such as "10,50,510.00"', 'AMOUNT_INVALID');
  else {
    try {
      amount = parseAmount(amountText, 'INR');
    } catch (error) {
      issues.push(amountIssue('AMOUNT', error));
    }
  }

  let balance: Money | undefined;
  const balanceText = optionalText(row['BALANCE']);
  if (balanceText === null) issue('BALANCE', 'must be a string', 'AMOUNT_INVALID');
  else if (balanceText !== undefined) {
    try {
      balance = parseAmount(balanceText, 'INR');
    } catch (error) {
      issues.push(amountIssue('BALANCE', error));
    }
  }

  const timestamp = parseIciciDateTime(row['TXNDATE']);
  if (!timestamp) issue('TXNDATE', 'must be "dd-mm-yyyy HH:MM:SS" (IST) naming a real time');
  const valueDateText = optionalText(row['VALUEDATE']);
  const valueDate = typeof valueDateText === 'string' ? parseIciciDate(valueDateText) : undefined;
  if (valueDateText === null || (typeof valueDateText === 'string' && !valueDate)) issue('VALUEDATE', 'must be "dd-mm-yyyy" naming a real day');

  const remarks = optionalText(row['REMARKS']);
  if (remarks === null) issue('REMARKS', 'must be a string');
  const cheque = optionalText(row['CHEQUENO']);
  if (cheque === null) issue('CHEQUENO', 'must be a string');

  if (issues.length > 0 || !direction || !amount || !timestamp || typeof bankTxnId !== 'string') return { ok: false, issues };
  const description = remarks ?? undefined;
  const chequeNumber = cheque?.trim() || undefined;
  const facts = parseRemarks(description);
  const balanceAfter = balance === undefined ? undefined : toDecimalString(balance);

  const parts = {
    account_id: context.accountNumber,
    date: valueDate ?? timestamp.slice(0, 10),
    direction,
    amount,
    reference: bankTxnId,
    description,
    extra: [timestamp, balanceAfter ?? '', chequeNumber ?? ''],
  } as const;
  const occurrence = context.nextOccurrence(txnIdComposite({ source: ICICI_SOURCE, parts }));
  const txnId = deriveTxnId({ source: ICICI_SOURCE, prefix: ICICI_SOURCE, parts: { ...parts, occurrence } });

  const references = {
    bank_txn_id: bankTxnId.trim(),
    ...(facts.utr && { utr: facts.utr }),
    ...(facts.rrn && { rrn: facts.rrn }),
    ...(facts.upiTxnId && { upi_txn_id: facts.upiTxnId }),
    ...(chequeNumber && { cheque_number: chequeNumber }),
  };
  const channel = facts.channel ?? (chequeNumber ? 'CHEQUE' : undefined);
  const txn: StandardTransactionInput = {
    schema_version: 1,
    txn_id: txnId,
    source: ICICI_SOURCE,
    account_id: context.accountNumber,
    bank_code: ICICI_BANK_CODE,
    amount: toDecimalString(amount),
    currency: 'INR',
    direction,
    status: 'SUCCESS',
    timestamp,
    ...(valueDate && { value_date: valueDate }),
    ...(channel && { channel }),
    transaction_type: facts.transactionType,
    reference_number: facts.utr ?? facts.rrn ?? facts.upiTxnId ?? facts.reference ?? bankTxnId.trim(),
    references,
    ...(description !== undefined && { description }),
    ...(facts.counterparty && { counterparty: facts.counterparty }),
    ...(balanceAfter !== undefined && { balance_after: balanceAfter }),
    raw: row as JsonValue,
  };
  return { ok: true, txn };
}
