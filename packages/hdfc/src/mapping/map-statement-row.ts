import {
  deriveTxnId,
  InvalidDataError,
  isKnownCurrency,
  isReconError,
  parseAmount,
  safeParseTransaction,
  toDecimalString,
  txnIdComposite,
  type CurrencyCode,
  type Direction,
  type JsonValue,
  type Money,
  type StandardTransaction,
  type ValidationIssue,
} from '@recon/core';
import type { HdfcStatementMapping } from '../config/statement-mapping';
import { HDFC_BANK_CODE, HDFC_SOURCE } from '../constants';
import { parseBankDate, toTimestamp } from './dates';
import { readNarration } from './narration';
import { pathLabel, readField, readText, type FieldPath } from './read-field';

/** What every row of one statement shares. */
export interface RowContext {
  accountId: string;
  currency: CurrencyCode;
  mapping: HdfcStatementMapping;
  /** Numbers repeated id composites within a page (see `createOccurrenceCounter`). */
  occurrence: (composite: string) => number;
}

/** A mapped row: a validated transaction, or the reasons it is not one (with the row kept as raw). */
export type RowResult = { ok: true; txn: StandardTransaction } | { ok: false; error: InvalidDataError };

type Issues = ValidationIssue[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read one amount field exactly (strings with Indian grouping, or JSON numbers with no lost digits). */
function readMoney(row: unknown, path: FieldPath, currency: CurrencyCode, field: string, issues: Issues): Money | undefined {
  const value = readField(row, path);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    issues.push({ path: [field], message: `${pathLabel(path)} is not an amount` });
    return undefined;
  }
  try {
    // A JSON number is accepted only when its shortest form is exact (AA sends numbers).
    return parseAmount(value, currency, { allowNumber: true });
  } catch (error) {
    issues.push({ path: [field], message: `field ${pathLabel(path)}: ${isReconError(error) ? error.message : 'not an amount'}` });
    return undefined;
  }
}

function readAmountAndDirection(row: unknown, context: RowContext, currency: CurrencyCode, issues: Issues): { amount?: Money; direction?: Direction } {
  const { fields, creditValues, debitValues } = context.mapping;
  if (fields.amount !== undefined && fields.direction !== undefined) {
    const amount = readMoney(row, fields.amount, currency, 'amount', issues);
    if (amount === undefined && !issues.some((i) => i.path[0] === 'amount')) issues.push({ path: ['amount'], message: `${pathLabel(fields.amount)} is missing` });
    if (amount !== undefined && amount.minor < 0n) issues.push({ path: ['amount'], message: `${pathLabel(fields.amount)} is negative; the sign belongs in ${pathLabel(fields.direction)}` });
    const indicator = readText(row, fields.direction)?.toUpperCase();
    const direction = indicator === undefined ? undefined : creditValues.includes(indicator) ? 'CREDIT' : debitValues.includes(indicator) ? 'DEBIT' : undefined;
    if (direction === undefined) issues.push({ path: ['direction'], message: `${pathLabel(fields.direction)} is ${indicator === undefined ? 'missing' : 'not a known credit/debit value'}` });
    return { ...(amount !== undefined && amount.minor >= 0n && { amount }), ...(direction !== undefined && { direction }) };
  }
  // Split columns: exactly one of withdrawal / deposit holds a non-zero amount.
  const debit = fields.debitAmount === undefined ? undefined : readMoney(row, fields.debitAmount, currency, 'amount', issues);
  const credit = fields.creditAmount === undefined ? undefined : readMoney(row, fields.creditAmount, currency, 'amount', issues);
  const filled = [debit, credit].filter((m) => m !== undefined && m.minor !== 0n);
  if (issues.some((i) => i.path[0] === 'amount')) return {};
  if (filled.length !== 1) {
    issues.push({ path: ['amount'], message: filled.length === 0 ? 'neither the withdrawal nor the deposit column holds an amount' : 'both the withdrawal and the deposit column hold an amount' });
    return {};
  }
  const amount = filled[0] as Money;
  if (amount.minor < 0n) {
    issues.push({ path: ['amount'], message: 'a withdrawal/deposit column holds a negative amount' });
    return {};
  }
  return { amount, direction: amount === debit ? 'DEBIT' : 'CREDIT' };
}

function invalid(row: unknown, issues: Issues): RowResult {
  const summary = issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
  return { ok: false, error: new InvalidDataError(`[recon:${HDFC_SOURCE}] Statement row is not a valid transaction: ${summary}`, { code: 'TXN_INVALID', connector: HDFC_SOURCE, issues, raw: row }) };
}

/**
 * Map one statement row to a standard transaction with the configured field mapping. Values are
 * read exactly (amounts through `parseAmount`, dates as calendar dates in IST) and never repaired:
 * a row that cannot be read becomes an `InvalidDataError` holding the row as received.
 *
 * The id is derived (`deriveTxnId`) from the account, value date, direction, amount, the bank's
 * line id (or reference) and the narration, so the same statement read twice gives the same ids
 * and identical lines on one page stay apart through their occurrence number.
 */
export function mapStatementRow(row: unknown, context: RowContext): RowResult {
  if (!isObject(row)) return invalid(row, [{ path: [], message: 'row is not a JSON object' }]);
  const { fields } = context.mapping;
  const issues: Issues = [];

  const currencyText = readText(row, fields.currency)?.toUpperCase() ?? context.currency;
  const currency = isKnownCurrency(currencyText) ? currencyText : undefined;
  if (currency === undefined) issues.push({ path: ['currency'], message: `${currencyText} is not a known ISO 4217 currency` });
  const { amount, direction } = currency === undefined ? {} : readAmountAndDirection(row, context, currency, issues);

  const postedText = readText(row, fields.postedAt);
  const posted = postedText === undefined ? undefined : parseBankDate(postedText, context.mapping.postedAtFormat);
  if (posted === undefined) issues.push({ path: ['timestamp'], message: `${pathLabel(fields.postedAt)} is ${postedText === undefined ? 'missing' : `not a date in the ${context.mapping.postedAtFormat} layout`}` });

  const valueText = readText(row, fields.valueDate);
  const valueDate = valueText === undefined ? undefined : parseBankDate(valueText, context.mapping.valueDateFormat)?.date;
  if (valueText !== undefined && valueDate === undefined) issues.push({ path: ['value_date'], message: `${pathLabel(fields.valueDate ?? '')} is not a date in the ${context.mapping.valueDateFormat} layout` });

  const balance = currency === undefined || fields.balance === undefined ? undefined : readMoney(row, fields.balance, currency, 'balance_after', issues);
  if (issues.length > 0) return invalid(row, issues);

  const narration = readText(row, fields.narration);
  const bankTxnId = readText(row, fields.bankTxnId);
  const reference = readText(row, fields.reference);
  const chequeNumber = readText(row, fields.chequeNumber);
  const facts = readNarration(narration);
  const date = valueDate ?? (posted as { date: string }).date;
  const parts = { account_id: context.accountId, date, direction: direction as Direction, amount: amount as Money, reference: bankTxnId ?? reference, description: narration };
  const occurrence = context.occurrence(txnIdComposite({ source: HDFC_SOURCE, parts }));
  const references = Object.fromEntries(
    Object.entries({ utr: facts.utr, rrn: facts.rrn, upi_txn_id: facts.upiTxnId, bank_txn_id: bankTxnId, cheque_number: chequeNumber }).filter(([, v]) => v !== undefined),
  );
  const counterparty = Object.fromEntries(Object.entries(facts.counterparty).filter(([, v]) => v !== undefined));
  const candidate = {
    schema_version: 1,
    txn_id: deriveTxnId({ source: HDFC_SOURCE, prefix: HDFC_SOURCE, parts: { ...parts, occurrence } }),
    source: HDFC_SOURCE,
    account_id: context.accountId,
    bank_code: HDFC_BANK_CODE,
    amount: toDecimalString(amount as Money),
    currency,
    direction,
    // A line on a statement has been booked.
    status: 'SUCCESS',
    timestamp: toTimestamp(posted as { date: string }),
    ...(valueDate !== undefined && { value_date: valueDate }),
    ...(facts.channel !== undefined && { channel: facts.channel }),
    transaction_type: facts.transactionType,
    ...((facts.utr ?? facts.rrn ?? reference ?? bankTxnId) !== undefined && { reference_number: facts.utr ?? facts.rrn ?? reference ?? bankTxnId }),
    references,
    ...(narration !== undefined && { description: narration }),
    ...(Object.keys(counterparty).length > 0 && { counterparty }),
    ...(balance !== undefined && { balance_after: toDecimalString(balance) }),
    raw: row as JsonValue,
  };
  const parsed = safeParseTransaction(candidate);
  if (parsed.success) return { ok: true, txn: parsed.data };
  return invalid(row, parsed.error.issues);
}
