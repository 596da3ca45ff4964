import {
  deriveTxnId,
  InvalidDataError,
  isReconError,
  parseAmount,
  safeParseTransaction,
  toDecimalString,
  txnIdComposite,
  type Direction,
  type JsonValue,
  type Money,
  type StandardTransaction,
  type ValidationIssue,
} from '@recon/core';
import type { SbiStatementMapping } from '../config/statement-mapping';
import { SBI_BANK_CODE, SBI_SOURCE } from '../constants';
import { parseSbiDate } from './dates';
import { readSbiNarration } from './narration';
import { readText } from './read-field';

/** What every row of one statement shares. */
export interface SbiRowContext {
  accountId: string;
  mapping: SbiStatementMapping;
  /** Numbers repeated id composites within a page. */
  occurrence: (composite: string) => number;
}

/** A validated transaction, or why the row is not one (the row kept as raw). */
export type SbiRowResult = { ok: true; txn: StandardTransaction } | { ok: false; error: InvalidDataError };

function money(text: string, field: string, issues: ValidationIssue[]): Money | undefined {
  try {
    // SBI writes the sign after statement amounts (`1180.00-`, `50.00+`) [S, aerele]; parseAmount
    // takes a trailing minus, Cr/Dr and a leading plus, so only a trailing plus needs help.
    return parseAmount(text.replace(/\s*\+$/, ''), 'INR');
  } catch (error) {
    issues.push({ path: [field], message: `${isReconError(error) ? error.message : 'not an amount'}` });
    return undefined;
  }
}

/** Amount and direction: from the sign of `amount`, or from the indicator field when one is mapped. */
function amountAndDirection(row: unknown, mapping: SbiStatementMapping, issues: ValidationIssue[]): { amount?: Money; direction?: Direction } {
  const text = readText(row, mapping.fields.amount);
  if (text === undefined) {
    issues.push({ path: ['amount'], message: `${mapping.fields.amount} is missing` });
    return {};
  }
  const signed = money(text, 'amount', issues);
  if (signed === undefined) return {};
  if (mapping.fields.direction !== null) {
    const indicator = readText(row, mapping.fields.direction)?.toUpperCase();
    const direction = indicator === undefined ? undefined : mapping.creditValues.includes(indicator) ? 'CREDIT' : mapping.debitValues.includes(indicator) ? 'DEBIT' : undefined;
    if (direction === undefined) issues.push({ path: ['direction'], message: `${mapping.fields.direction} is not a known credit/debit value` });
    if (signed.minor < 0n) issues.push({ path: ['amount'], message: `${mapping.fields.amount} is negative though ${mapping.fields.direction} gives the direction` });
    return direction === undefined || signed.minor < 0n ? {} : { amount: signed, direction };
  }
  if (signed.minor === 0n) {
    issues.push({ path: ['direction'], message: `${mapping.fields.amount} is zero, so its sign says nothing` });
    return {};
  }
  return signed.minor < 0n ? { amount: { minor: -signed.minor, currency: 'INR' }, direction: 'DEBIT' } : { amount: signed, direction: 'CREDIT' };
}

function invalid(row: unknown, issues: ValidationIssue[]): SbiRowResult {
  const summary = issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
  return { ok: false, error: new InvalidDataError(`[recon:${SBI_SOURCE}] Statement row is not a valid transaction: ${summary}`, { code: 'TXN_INVALID', connector: SBI_SOURCE, issues, raw: row }) };
}

/**
 * Map one SBI statement row with the configured mapping, exactly and without repairs: a row that
 * cannot be read becomes an `InvalidDataError` holding the row as received. SBI statements carry
 * days, not times, so `timestamp` is midnight IST of the line's day.
 *
 * The id is derived from the account, day, direction, amount, reference (or cheque number),
 * narration and the line's record number, so identical lines on one day stay apart and a re-read
 * gives the same ids.
 */
export function mapSbiStatementRow(row: unknown, context: SbiRowContext): SbiRowResult {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return invalid(row, [{ path: [], message: 'row is not a JSON object' }]);
  const { mapping } = context;
  const { fields } = mapping;
  const issues: ValidationIssue[] = [];
  const { amount, direction } = amountAndDirection(row, mapping, issues);
  const dateText = readText(row, fields.date);
  const date = dateText === undefined ? undefined : parseSbiDate(dateText, mapping.dateFormat);
  if (date === undefined) issues.push({ path: ['timestamp'], message: `${fields.date} is ${dateText === undefined ? 'missing' : `not a date in the ${mapping.dateFormat} layout`}` });
  const balanceText = readText(row, fields.balance);
  const balance = balanceText === undefined ? undefined : money(balanceText.replace(/\s*\+$/, ''), 'balance_after', issues);
  if (issues.length > 0 || amount === undefined || direction === undefined || date === undefined) return invalid(row, issues);

  const narration = fields.narration.map((path) => readText(row, path)).find((value) => value !== undefined);
  const reference = readText(row, fields.reference);
  const chequeNumber = readText(row, fields.chequeNumber);
  const recordNumber = readText(row, fields.recordNumber);
  const facts = readSbiNarration(narration);
  const parts = { account_id: context.accountId, date, direction, amount, reference: reference ?? chequeNumber, description: narration, extra: recordNumber === undefined ? [] : [recordNumber] };
  const occurrence = context.occurrence(txnIdComposite({ source: SBI_SOURCE, parts }));
  const references = Object.fromEntries(Object.entries({ utr: facts.utr, rrn: facts.rrn, cheque_number: chequeNumber }).filter(([, v]) => v !== undefined));
  const counterparty = Object.fromEntries(Object.entries(facts.counterparty).filter(([, v]) => v !== undefined));
  const primary = facts.utr ?? facts.rrn ?? reference ?? chequeNumber;
  const candidate = {
    schema_version: 1,
    txn_id: deriveTxnId({ source: SBI_SOURCE, prefix: SBI_SOURCE, parts: { ...parts, occurrence } }),
    source: SBI_SOURCE,
    account_id: context.accountId,
    bank_code: SBI_BANK_CODE,
    amount: toDecimalString(amount),
    currency: 'INR',
    direction,
    status: 'SUCCESS',
    timestamp: `${date}T00:00:00+05:30`,
    value_date: date,
    ...(facts.channel !== undefined && { channel: facts.channel }),
    transaction_type: facts.transactionType,
    ...(primary !== undefined && { reference_number: primary }),
    references,
    ...(narration !== undefined && { description: narration }),
    ...(Object.keys(counterparty).length > 0 && { counterparty }),
    ...(balance !== undefined && { balance_after: toDecimalString(balance) }),
    raw: row as JsonValue,
  };
  const parsed = safeParseTransaction(candidate);
  return parsed.success ? { ok: true, txn: parsed.data } : invalid(row, parsed.error.issues);
}
