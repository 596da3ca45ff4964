import type { InvalidDataError } from '@recon/core';
import { entryDateNear, swiftDateOf } from '../dates';
import { FormatErrorCode, recordError } from '../errors';
import { decimalProblemMessage, readDecimal, readMoney } from '../money/decimal';
import { isBlank } from '../whitespace';
import type { AmountDetails, Charge, EntryCounterparty, EntryReferences, ExtraField, FormatWarning, NarrativeDetails, StatementEntry } from '../types';
import { readField61 } from './field-61';
import { readNarrative, type NarrativeDialect } from './narrative';
import type { MtField } from './split-messages';

/** A `:61:` with the `:86:` and `:NS:` fields that follow it. */
export interface EntryFields {
  line61: MtField;
  narrative: MtField[];
  extras: MtField[];
}

/** What {@link buildEntry} needs from its statement. */
export interface EntryContext {
  text: string;
  currency: string | undefined;
  index: number;
  dialects: readonly NarrativeDialect[];
}

/** Placeholder references banks put where they have none (matched ignoring ASCII case). */
const NO_REFERENCES: readonly string[] = ['NONREF', 'NOREF', 'NONE', 'NOTPROVIDED', 'N', '-'];

/** `/OCMT/EUR11,85/` and `/CHGS/EUR0,50/` in supplementary details or the narrative. */
const OCMT = /\/OCMT\/([A-Z]{3})([0-9]+(?:[.,][0-9]*)?)\/?/;
const CHGS = /\/CHGS\/([A-Z]{3})([0-9]+(?:[.,][0-9]*)?)\/?/;

/**
 * Build one entry from its fields, or the error that says why it cannot be one (told apart by
 * `instanceof InvalidDataError`: no result wrapper per entry). Never throws:
 * a bad line becomes an {@link InvalidDataError} with its raw text and the statement goes on.
 */
export function buildEntry(
  fields: EntryFields,
  ctx: EntryContext,
  warnings: FormatWarning[],
): StatementEntry | InvalidDataError {
  let end = fields.line61.end;
  for (const f of fields.narrative) if (f.end > end) end = f.end;
  for (const f of fields.extras) if (f.end > end) end = f.end;
  const raw = ctx.text.slice(fields.line61.start, end);
  const line = fields.line61.line;

  const f = readField61(fields.line61.value);
  if (typeof f === 'string') return fail(f, raw, line);
  // readField61 has checked that the value starts with six digits and read them.
  const valueDate = swiftDateOf(f.valueDateKey);
  if (!valueDate) return fail(`${fields.line61.value.slice(0, 6)} is not a YYMMDD value date`, raw, line);
  if (ctx.currency === undefined) {
    return fail('the statement names no currency (no balance, :34F: or :25: suffix); pass options.currency to read it', raw, line);
  }
  const negative = f.mark === 'D' || f.mark === 'RC' || f.mark === 'ED';
  const money = readMoney(f.amount, ctx.currency, negative);
  if (typeof money === 'string') return fail(decimalProblemMessage(money, f.amount, ctx.currency), raw, line);

  // Everything is read first and the entry made once: in one literal for the usual sets of keys
  // (keys added one by one after a literal cost a shape change each and an out-of-object property
  // store), otherwise as a literal of the keys every entry has plus the others in their order.
  const references: EntryReferences = {};
  if (f.customerReference && !isNoReference(f.customerReference)) references.customerReference = f.customerReference;
  if (f.bankReference && !isNoReference(f.bankReference)) references.accountServicerReference = f.bankReference;
  let bookingDate: string | undefined;
  if (f.entryDate) {
    bookingDate = entryDateNear(valueDate, f.entryDate);
    if (!bookingDate) warnings.push({ code: 'ENTRY_DATE_INVALID', message: `:61: entry date ${f.entryDate} is not a date; booking date left empty`, line, data: { entryDate: f.entryDate } });
  }
  const narratives = fields.narrative.length;
  const information = narratives === 1 ? (fields.narrative[0] as MtField).value : narratives === 0 ? '' : fields.narrative.map((n) => n.value).join('\n');
  const hasInformation = !isBlank(information);
  let details: NarrativeDetails | undefined;
  let counterparty: EntryCounterparty | undefined;
  let description: string | undefined;
  if (hasInformation) {
    details = readNarrative(information, ctx.dialects);
    if (details.references) Object.assign(references, details.references);
    if (details.counterparty) counterparty = details.counterparty;
    if (details.purpose) description = details.purpose;
  }
  if (description === undefined && f.supplementary) description = f.supplementary.replace(/\n/g, ' ');
  if (f.typeCode === 'NCHK' || f.typeCode === 'FCHK') {
    if (references.customerReference) references.chequeNumber = references.customerReference;
  }

  // Most lines have neither; a substring test is much cheaper than the patterns, and most texts
  // are settled by looking for their first slash once.
  const supplementary = f.supplementary ?? '';
  const slash = information.indexOf('/');
  const original = supplementary.includes('/OCMT/') || (slash >= 0 && information.includes('/OCMT/', slash)) ? amountFrom(OCMT.exec(supplementary) ?? OCMT.exec(information)) : undefined;
  const charge = supplementary.includes('/CHGS/') || (slash >= 0 && information.includes('/CHGS/', slash)) ? amountFrom(CHGS.exec(supplementary) ?? CHGS.exec(information)) : undefined;

  const index = ctx.index;
  const direction = negative ? 'DEBIT' : 'CREDIT';
  const reversal = f.mark === 'RC' || f.mark === 'RD';
  const status = f.mark === 'EC' || f.mark === 'ED' ? 'pending' : 'booked';
  const rawStatus = f.mark;
  const extras = fields.extras.length === 0 ? [] : fields.extras.map(toExtra);
  const { typeCode } = f;
  if (hasInformation && !f.fundsCode && !f.supplementary && !original && !charge && description) {
    // `details` is set whenever there is information.
    const narrative = details as NarrativeDetails;
    if (bookingDate && typeCode) {
      if (counterparty) {
        return { index, amount: money, direction, reversal, status, rawStatus, valueDate, references, transactions: [], extras, line, raw, bookingDate, typeCode, information, details: narrative, counterparty, description };
      }
      return { index, amount: money, direction, reversal, status, rawStatus, valueDate, references, transactions: [], extras, line, raw, bookingDate, typeCode, information, details: narrative, description };
    }
    if (bookingDate && !counterparty) {
      return { index, amount: money, direction, reversal, status, rawStatus, valueDate, references, transactions: [], extras, line, raw, bookingDate, information, details: narrative, description };
    }
    if (typeCode && !bookingDate && counterparty) {
      return { index, amount: money, direction, reversal, status, rawStatus, valueDate, references, transactions: [], extras, line, raw, typeCode, information, details: narrative, counterparty, description };
    }
  }
  const entry: StatementEntry = { index, amount: money, direction, reversal, status, rawStatus, valueDate, references, transactions: [], extras, line, raw };
  if (bookingDate) entry.bookingDate = bookingDate;
  if (typeCode) entry.typeCode = typeCode;
  if (f.fundsCode) entry.fundsCode = f.fundsCode;
  if (f.supplementary) entry.supplementaryDetails = f.supplementary;
  if (hasInformation) {
    entry.information = information;
    entry.details = details;
    if (counterparty) entry.counterparty = counterparty;
  }
  if (description !== undefined) entry.description = description;
  if (original) {
    const amountDetails: AmountDetails = { instructed: { amount: original } };
    entry.amountDetails = amountDetails;
  }
  if (charge) {
    // `/CHGS/` states what the bank took for the payment: money out of the account.
    const taken: Charge = { amount: { minor: -charge.minor, currency: charge.currency } };
    entry.charges = [taken];
  }
  return entry;
}

function fail(problem: string, raw: string, line: number): InvalidDataError {
  return recordError(FormatErrorCode.ENTRY_INVALID, `Unreadable :61: statement line: ${problem}`, raw, { line, field: '61' }, [problem]);
}

/**
 * Whether the reference is a placeholder, as `/^(NONREF|NOREF|NONE|NOTPROVIDED|N|-)$/i` says, by
 * character codes: `NONREF` is on most lines. (Without the `u` flag, `i` folds ASCII letters only,
 * so a non-ASCII letter never matches an ASCII one; this compare does the same.)
 */
function isNoReference(reference: string): boolean {
  const n = reference.length;
  if (n > 11) return false;
  for (const placeholder of NO_REFERENCES) if (placeholder.length === n && equalsIgnoringAsciiCase(reference, placeholder)) return true;
  return false;
}

/** `text` equals `upper` (upper-case ASCII) when its ASCII lower-case letters are read as upper-case. */
function equalsIgnoringAsciiCase(text: string, upper: string): boolean {
  for (let i = 0; i < upper.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== upper.charCodeAt(i)) return false;
  }
  return true;
}

function amountFrom(match: RegExpExecArray | null) {
  if (!match) return undefined;
  const read = readDecimal(match[2] as string, match[1] as string);
  return read.ok ? read.money : undefined;
}

/** A carried-through field as {@link ExtraField}. */
export function toExtra(field: MtField): ExtraField {
  return { tag: field.tag, value: field.value, line: field.line };
}
