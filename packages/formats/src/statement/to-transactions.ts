import {
  createOccurrenceCounter,
  deriveTxnId,
  InvalidDataError,
  safeParseTransaction,
  toDecimalString,
  txnIdComposite,
  type Counterparty,
  type JsonValue,
  type Money,
  type References,
  type StandardTransaction,
  type StandardTransactionInput,
  type TxnIdParts,
} from '@recon/core';
import { formatMinor } from '../money/decimal';
import type { EntryCounterparty, EntryReferences, FormatWarning, Statement, StatementEntry, StatementFile, TransactionDetails } from '../types';
import { channelFromCode, standardStatus, transactionType } from './classify';
import { referencesFromNarration } from './narration-references';

/** How camt batch entries (`NtryDtls` with several `TxDtls`) become transactions. */
export type BatchSplit = 'auto' | 'always' | 'never';

/** Options of {@link toStandardTransactions}. */
export interface TransactionOptions {
  /** The connector id for `source` and the derived ids (`sftp:kotak`). Lower case, digits, `_.:-`. */
  source: string;
  /** Account id for statements that name none (CSV exports, fragments). The statement's own id wins. */
  accountId?: string;
  /** `bank_code` of every transaction (`KKBK`). */
  bankCode?: string;
  /**
   * UTC offset for dates without a time (`+05:30`, `Z`). Date-only lines become midnight at this
   * offset. Default: `+05:30` for INR statements, `Z` otherwise.
   */
  utcOffset?: string;
  /**
   * `auto` (default): a batch entry becomes one transaction per `TxDtls` when every one has an
   * amount in the entry's currency and they add up to the entry; otherwise one transaction.
   * `always`: split whenever every `TxDtls` has an amount (a difference is a warning).
   * `never`: one transaction per entry.
   */
  splitBatches?: BatchSplit;
}

/** Result of {@link toStandardTransactions}. */
export interface TransactionsResult {
  transactions: StandardTransaction[];
  /** One per entry that did not make a valid standard transaction, with the input as raw. */
  errors: InvalidDataError[];
  warnings: FormatWarning[];
}

const OFFSET = /^(Z|[+-][0-9]{2}:[0-9]{2})$/;
const HAS_OFFSET = /(Z|[+-][0-9]{2}:?[0-9]{2})$/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;

function clip(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > max ? undefined : trimmed;
}

/** A camt `DtTm` without an offset gets the statement's; a date gets midnight at it. */
function timestampOf(dateTime: string | undefined, date: string | undefined, offset: string): string | undefined {
  if (dateTime) {
    if (HAS_OFFSET.test(dateTime)) return dateTime.replace(/([+-][0-9]{2})([0-9]{2})$/, '$1:$2');
    return `${dateTime}${offset}`;
  }
  return date ? `${date}T00:00:00${offset}` : undefined;
}

function standardReferences(refs: EntryReferences, narration: ReturnType<typeof referencesFromNarration>): References {
  const out: References = {};
  const set = (key: keyof References, value: string | undefined) => {
    const v = clip(value, 256);
    if (v !== undefined && out[key] === undefined) out[key] = v;
  };
  set('utr', narration.utr);
  set('rrn', narration.rrn);
  set('bank_txn_id', refs.accountServicerReference);
  set('end_to_end_id', refs.endToEndId);
  set('uetr', refs.uetr);
  set('cheque_number', refs.chequeNumber);
  set('merchant_reference', refs.customerReference ?? refs.creditorReference ?? refs.customerReferenceSepa);
  return out;
}

function standardCounterparty(party: EntryCounterparty | undefined): Counterparty | undefined {
  if (!party) return undefined;
  const out: Counterparty = {};
  const name = party.name?.trim().slice(0, 512);
  if (name) out.name = name;
  const account = clip(party.account, 64);
  if (account) {
    out.account = account;
  }
  if (party.bic && IFSC.test(party.bic)) out.ifsc = party.bic;
  else {
    const bank = clip(party.bic ?? party.bankCode, 256);
    if (bank) out.bank = bank;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** One line to turn into a transaction: an entry, or one `TxDtls` of a split batch. */
interface Line {
  entry: StatementEntry;
  amount: Money;
  references: EntryReferences;
  counterparty?: EntryCounterparty;
  description?: string;
  transactionIndex?: number;
}

function linesOf(entry: StatementEntry, mode: BatchSplit, warnings: FormatWarning[]): Line[] {
  const whole: Line = {
    entry,
    amount: entry.amount,
    references: entry.references,
    ...(entry.counterparty && { counterparty: entry.counterparty }),
    ...((entry.description ?? entry.information) !== undefined && { description: entry.description ?? (entry.information as string) }),
  };
  const txs = entry.transactions;
  if (mode === 'never' || txs.length < 2) return [whole];
  const amounts = txs.map((t) => t.amount);
  if (amounts.some((a) => a === undefined || a.currency !== entry.amount.currency)) return [whole];
  const sum = (amounts as Money[]).reduce((acc, a) => acc + a.minor, 0n);
  if (sum !== entry.amount.minor) {
    if (mode === 'auto') return [whole];
    warnings.push({
      code: 'BATCH_SPLIT_DIFFERENCE',
      message: `Entry ${entry.index}: its ${txs.length} transactions add up to ${formatMinor(sum, entry.amount.currency)}, the entry to ${formatMinor(entry.amount.minor, entry.amount.currency)}`,
      data: { entry: entry.index, transactionsSum: formatMinor(sum, entry.amount.currency), entryAmount: formatMinor(entry.amount.minor, entry.amount.currency) },
    });
  }
  return txs.map((tx: TransactionDetails, i) => {
    const description = tx.remittance ?? tx.additionalInformation ?? entry.information;
    return {
      entry,
      amount: tx.amount as Money,
      // The entry's own references (AcctSvcrRef) stay as a fallback for each part.
      references: { ...entry.references, ...tx.references },
      ...(tx.counterparty && { counterparty: tx.counterparty }),
      ...(description !== undefined && { description }),
      transactionIndex: i,
    };
  });
}

/**
 * Turn parsed statements into standard transactions: direction and exact amount at the
 * currency's scale, status, value date, references for matching (bank reference, end-to-end id,
 * UETR, cheque number, and UTR/RRN read from Indian narrations), counterparty, the raw entry, and a
 * deterministic id. Statement lines carry no stable id of their own, so `txn_id` is core's
 * `deriveTxnId` over account, date, direction, amount, reference and narration, numbered per
 * statement for identical lines: the same file read twice gives the same ids, and the same line
 * in an MT942 and the day's MT940 gives the same id too.
 *
 * Each transaction is validated against the standard schema; one that fails becomes an
 * `InvalidDataError` in `errors` (issues listed, input as raw) and the others go on.
 */
export function toStandardTransactions(input: Pick<StatementFile, 'statements'> | Statement | readonly Statement[], options: TransactionOptions): TransactionsResult {
  const statements: readonly Statement[] = Array.isArray(input) ? input : 'statements' in input ? (input as Pick<StatementFile, 'statements'>).statements : [input as Statement];
  const result: TransactionsResult = { transactions: [], errors: [], warnings: [] };
  if (options.utcOffset !== undefined && !OFFSET.test(options.utcOffset)) {
    throw new RangeError(`utcOffset must be "Z" or "+HH:MM"/"-HH:MM", got ${JSON.stringify(options.utcOffset)}`);
  }
  for (const statement of statements) {
    const next = createOccurrenceCounter();
    const offset = options.utcOffset ?? (statement.currency === 'INR' ? '+05:30' : 'Z');
    const accountId = statement.account.id ?? options.accountId;
    for (const entry of statement.entries) {
      for (const line of linesOf(entry, options.splitBatches ?? 'auto', result.warnings)) {
        const built = toTransaction(line, statement, accountId, offset, options, next);
        if (built instanceof InvalidDataError) result.errors.push(built);
        else result.transactions.push(built);
      }
    }
  }
  return result;
}

function toTransaction(
  line: Line,
  statement: Statement,
  accountId: string | undefined,
  offset: string,
  options: TransactionOptions,
  nextOccurrence: (key: string) => number,
): StandardTransaction | InvalidDataError {
  const { entry } = line;
  const raw: { [key: string]: JsonValue } = {
    ...(!entry.bookingDate && !entry.valueDate && { dated_by: 'statement.createdAt' }),
    format: statement.format,
    statement_id: statement.id ?? null,
    statement_sequence: statement.sequence ?? null,
    entry_index: entry.index,
    entry: entry.raw,
  };
  if (line.transactionIndex !== undefined) raw.transaction_index = line.transactionIndex;
  const fail = (message: string) =>
    new InvalidDataError(`Entry ${entry.index} of statement ${statement.id ?? '(no id)'}: ${message}`, {
      code: 'TXN_INVALID',
      issues: [{ path: [], message, code: 'TXN_INVALID' }],
      raw,
    });
  if (!accountId) return fail('the statement names no account; pass options.accountId');
  const direction = line.amount.minor < 0n ? 'DEBIT' : line.amount.minor > 0n ? 'CREDIT' : entry.direction;
  const magnitude: Money = { minor: line.amount.minor < 0n ? -line.amount.minor : line.amount.minor, currency: line.amount.currency };
  let amount: string;
  try {
    amount = toDecimalString(magnitude);
  } catch (error) {
    return fail((error as Error).message);
  }
  // camt makes both entry dates optional; such an entry (a notification, a batch) is dated by
  // its statement's creation time, which is stable for the file.
  const created = statement.createdAt && /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(statement.createdAt) ? statement.createdAt : undefined;
  const date = entry.valueDate ?? entry.bookingDate ?? created?.slice(0, 10);
  const timestamp = timestampOf(entry.bookingDateTime ?? entry.valueDateTime ?? (entry.bookingDate ?? entry.valueDate ? undefined : created), entry.bookingDate ?? entry.valueDate, offset);
  if (!date || !timestamp) return fail('the entry has neither a booking nor a value date, and its statement no creation time');
  const narration = referencesFromNarration([line.description, entry.supplementaryDetails].filter(Boolean).join(' '));
  const reference = line.references.accountServicerReference ?? line.references.endToEndId ?? line.references.customerReference;
  const parts: Omit<TxnIdParts, 'occurrence'> = {
    account_id: accountId,
    date,
    direction,
    amount: magnitude,
    reference: reference ?? null,
    description: entry.information ?? line.description ?? null,
    extra: [entry.bookingDate ?? '', entry.typeCode ?? '', line.references.endToEndId ?? '', String(line.transactionIndex ?? '')],
  };
  const occurrence = nextOccurrence(txnIdComposite({ source: options.source, parts }));
  let txnId: string;
  try {
    txnId = deriveTxnId({ source: options.source, parts: { ...parts, occurrence } });
  } catch (error) {
    return fail((error as Error).message);
  }
  const candidate: StandardTransactionInput = {
    schema_version: 1,
    txn_id: txnId,
    source: options.source,
    account_id: accountId,
    amount,
    currency: magnitude.currency,
    direction,
    status: entry.reversal ? 'SUCCESS' : standardStatus(entry.status),
    timestamp,
    transaction_type: transactionType(entry),
    references: standardReferences(line.references, narration),
    raw,
  };
  if (options.bankCode) candidate.bank_code = options.bankCode;
  if (entry.rawStatus) candidate.raw_status = entry.rawStatus.slice(0, 64);
  if (entry.valueDate) candidate.value_date = entry.valueDate;
  const channel = narration.channel ?? channelFromCode(entry.typeCode);
  if (channel) candidate.channel = channel;
  const primary = clip(reference, 256);
  if (primary) candidate.reference_number = primary;
  if (line.description) candidate.description = line.description.replace(/\s*\n\s*/g, ' ').slice(0, 4096);
  const counterparty = standardCounterparty(line.counterparty);
  if (counterparty) candidate.counterparty = counterparty;
  const fee = feeOf(entry, magnitude.currency, line.transactionIndex === undefined);
  if (fee) candidate.fee = fee;
  if (entry.balanceAfter && entry.balanceAfter.currency === magnitude.currency) {
    try {
      candidate.balance_after = toDecimalString(entry.balanceAfter);
    } catch {
      // Same currency as the amount, which just formatted: unreachable, but never fatal.
    }
  }
  const parsed = safeParseTransaction(candidate);
  return parsed.success ? parsed.data : parsed.error;
}

/** Charges taken on the entry (same currency), as the standard `fee`; only on whole entries. */
function feeOf(entry: StatementEntry, currency: string, wholeEntry: boolean): string | undefined {
  if (!wholeEntry || !entry.charges || entry.charges.length === 0) return undefined;
  if (entry.charges.some((c) => c.amount.currency !== currency)) return undefined;
  const records = entry.charges.filter((c) => c.type !== 'TOTAL');
  const counted = records.length > 0 ? records : entry.charges;
  const total = counted.reduce((acc, c) => acc - c.amount.minor, 0n);
  if (total <= 0n) return undefined;
  try {
    return toDecimalString({ minor: total, currency });
  } catch {
    return undefined;
  }
}
