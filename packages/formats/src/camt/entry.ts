import type { InvalidDataError } from '@recon/core';
import { isIsoDate } from '../dates';
import { FormatErrorCode, recordError } from '../errors';
import type { BatchInfo, EntryStatus, StatementEntry, TransactionDetails } from '../types';
import { isDebit, readAmount, readAmountDetails, type Problems } from './read-amount';
import { bankTransactionCode, readCharges, readTransactionDetails } from './transaction-details';
import { child, childrenNamed, firstText, textAt } from './xml/query';
import type { XmlElement } from './xml/parse-xml';

const STATUS: Readonly<Record<string, EntryStatus>> = { BOOK: 'booked', PDNG: 'pending', INFO: 'information', FUTR: 'future' };

/** What {@link buildCamtEntry} needs from its statement. */
export interface CamtEntryContext {
  text: string;
  index: number;
  /** `Acct/Ccy`, for the rare `Amt` without `Ccy`. */
  accountCurrency: string | undefined;
}

/** A date element (`BookgDt`, `ValDt`) holding `Dt` or `DtTm`. */
function readDate(element: XmlElement | undefined): { date?: string; dateTime?: string } {
  if (!element) return {};
  const date = textAt(element, 'Dt');
  const dateTime = textAt(element, 'DtTm');
  const out: { date?: string; dateTime?: string } = {};
  if (date && isIsoDate(date.slice(0, 10))) out.date = date.slice(0, 10);
  if (dateTime) {
    out.dateTime = dateTime;
    if (!out.date && isIsoDate(dateTime.slice(0, 10))) out.date = dateTime.slice(0, 10);
  }
  return out;
}

function readBatch(entryDetails: XmlElement | undefined, problems: Problems, debit: boolean): BatchInfo | undefined {
  const batch = child(entryDetails, 'Btch');
  if (!batch) return undefined;
  const info: BatchInfo = {};
  const messageId = textAt(batch, 'MsgId');
  const paymentInformationId = textAt(batch, 'PmtInfId');
  const count = textAt(batch, 'NbOfTxs');
  if (messageId) info.messageId = messageId;
  if (paymentInformationId) info.paymentInformationId = paymentInformationId;
  if (count && /^[0-9]{1,15}$/.test(count)) info.count = Number(count);
  const total = readAmount(child(batch, 'TtlAmt'), problems, 'Ntry/NtryDtls/Btch/TtlAmt', isDebit(batch) ?? debit);
  if (total) info.total = total;
  return info;
}

/**
 * One camt `Ntry` as a {@link StatementEntry}: the account-currency amount signed by `CdtDbtInd`,
 * status, dates (`Dt` or `DtTm`), references, bank transaction code, charges, FX details and each
 * `TxDtls` with its own amount. An unreadable entry amount or direction makes the entry an error
 * (`ENTRY_INVALID`, the `<Ntry>` text as raw); an unreadable detail (a charge, an FX amount)
 * keeps the entry and adds a `FIELD_INVALID` error beside it.
 */
export function buildCamtEntry(ntry: XmlElement, ctx: CamtEntryContext): { entry?: StatementEntry; error?: InvalidDataError } {
  const raw = ctx.text.slice(ntry.start, ntry.end);
  const problems: Problems = [];
  const debit = isDebit(ntry);
  if (debit === undefined) problems.push('Ntry/CdtDbtInd must be CRDT or DBIT');
  const amountElement = child(ntry, 'Amt');
  if (!amountElement) problems.push('Ntry/Amt is missing');
  const amount = readAmount(amountElement, problems, 'Ntry/Amt', debit === true, ctx.accountCurrency);
  if (problems.length > 0 || !amount || debit === undefined) {
    return { error: recordError(FormatErrorCode.ENTRY_INVALID, `Unreadable camt entry: ${problems.join('; ')}`, raw, { field: 'Ntry' }, problems) };
  }
  const statusCode = firstText(ntry, ['Sts', 'Cd'], ['Sts', 'Prtry'], ['Sts']);
  const entry: StatementEntry = {
    index: ctx.index,
    amount,
    direction: debit ? 'DEBIT' : 'CREDIT',
    reversal: /^(true|1)$/.test(textAt(ntry, 'RvslInd') ?? ''),
    // A missing status (it is mandatory, but some exports drop it) is read as booked.
    status: statusCode === undefined ? 'booked' : STATUS[statusCode] ?? 'information',
    references: {},
    transactions: [],
    extras: [],
    raw,
  };
  if (statusCode) entry.rawStatus = statusCode;
  const booking = readDate(child(ntry, 'BookgDt'));
  const value = readDate(child(ntry, 'ValDt'));
  if (booking.date) entry.bookingDate = booking.date;
  if (booking.dateTime) entry.bookingDateTime = booking.dateTime;
  if (value.date) entry.valueDate = value.date;
  if (value.dateTime) entry.valueDateTime = value.dateTime;
  const entryReference = textAt(ntry, 'NtryRef');
  if (entryReference) entry.references.entryReference = entryReference;
  const servicerReference = textAt(ntry, 'AcctSvcrRef');
  if (servicerReference) entry.references.accountServicerReference = servicerReference;
  const bkTxCd = child(ntry, 'BkTxCd');
  const typeCode = bankTransactionCode(bkTxCd);
  if (typeCode) entry.typeCode = typeCode;
  const proprietary = textAt(bkTxCd, 'Prtry', 'Cd');
  if (proprietary && proprietary !== typeCode) entry.extras.push({ tag: 'BkTxCd/Prtry/Cd', value: proprietary });
  const information = textAt(ntry, 'AddtlNtryInf');
  if (information) entry.information = information;
  const amountDetails = readAmountDetails(child(ntry, 'AmtDtls'), problems, 'Ntry/AmtDtls');
  if (amountDetails) entry.amountDetails = amountDetails;
  const charges = readCharges(ntry, problems, 'Ntry');
  if (charges) entry.charges = charges;

  const transactions: TransactionDetails[] = [];
  for (const details of childrenNamed(ntry, 'NtryDtls')) {
    const batch = readBatch(details, problems, debit);
    if (batch) entry.batch = batch;
    for (const tx of childrenNamed(details, 'TxDtls')) transactions.push(readTransactionDetails(tx, debit, problems, 'Ntry/NtryDtls/TxDtls'));
  }
  entry.transactions = transactions;
  const only = transactions.length === 1 ? transactions[0] : undefined;
  if (only) {
    // One underlying payment: its references and party describe the entry itself.
    entry.references = { ...only.references, ...entry.references };
    if (only.counterparty) entry.counterparty = only.counterparty;
  }
  const description = only?.remittance ?? information ?? only?.additionalInformation;
  if (description) entry.description = description;
  if (problems.length > 0) {
    // The entry's own amount is sound, so it stays (the balances depend on it); what could not
    // be read inside it is reported next to it, raw included.
    return { entry, error: recordError(FormatErrorCode.FIELD_INVALID, `Unreadable detail in camt entry ${ctx.index}: ${problems.join('; ')}`, raw, { field: 'Ntry' }, problems) };
  }
  return { entry };
}
