import type { InvalidDataError, Money } from '@recon/core';
import { isIsoDate } from '../dates';
import { FormatErrorCode, recordError } from '../errors';
import { formatMinor } from '../money/decimal';
import { balanceWarnings } from '../statement/balance-check';
import type { Balance, BalanceKind, FormatWarning, Statement, StatementAccount, StatementEntry, StatementFormat, StatementSummary } from '../types';
import { isDebit, readAmount, type Problems } from './read-amount';
import { child, childrenNamed, firstText, textAt } from './xml/query';
import type { XmlElement } from './xml/parse-xml';

const BALANCE_KINDS: Readonly<Record<string, BalanceKind>> = {
  OPBD: 'opening',
  CLBD: 'closing',
  PRCD: 'previously-closed',
  ITBD: 'interim-closing',
  OPAV: 'opening-available',
  CLAV: 'closing-available',
  ITAV: 'interim-available',
  FWAV: 'forward-available',
  INFO: 'information',
  XPCD: 'expected',
};

/** Entries and entry errors collected for one record while the XML was read. */
export interface CollectedEntries {
  entries: StatementEntry[];
  errors: InvalidDataError[];
}

function readAccount(record: XmlElement): StatementAccount {
  const acct = child(record, 'Acct');
  const account: StatementAccount = {};
  const iban = textAt(acct, 'Id', 'IBAN');
  // `Othr/Id` from v2 on; version 1 had `PrtryAcct/Id`, `BBAN` and `UPIC`.
  const other = firstText(acct, ['Id', 'Othr', 'Id'], ['Id', 'PrtryAcct', 'Id'], ['Id', 'BBAN'], ['Id', 'UPIC']);
  const id = iban ?? other;
  if (id) account.id = id;
  if (iban) account.iban = iban;
  const scheme = firstText(acct, ['Id', 'Othr', 'SchmeNm', 'Cd'], ['Id', 'Othr', 'SchmeNm', 'Prtry']);
  if (scheme) account.scheme = scheme;
  const currency = textAt(acct, 'Ccy');
  if (currency) account.currency = currency;
  const name = textAt(acct, 'Nm');
  if (name) account.name = name;
  const owner = firstText(acct, ['Ownr', 'Nm'], ['Ownr', 'Pty', 'Nm']);
  if (owner) account.owner = owner;
  const bic = firstText(acct, ['Svcr', 'FinInstnId', 'BIC'], ['Svcr', 'FinInstnId', 'BICFI']);
  if (bic) account.bic = bic;
  return account;
}

function readBalance(bal: XmlElement, problems: Problems, unsigned: string[]): Balance | undefined {
  const code = firstText(bal, ['Tp', 'CdOrPrtry', 'Cd'], ['Tp', 'CdOrPrtry', 'Prtry'], ['Tp', 'Cd'], ['Tp', 'Prtry']) ?? 'UNKNOWN';
  const debit = isDebit(bal);
  const amount = readAmount(child(bal, 'Amt'), problems, `Bal(${code})/Amt`, debit === true);
  if (!amount) return undefined;
  // Mandatory in every version, yet some exports (camt.053.001.08 from one Lithuanian bank) drop it.
  if (debit === undefined) unsigned.push(code);
  const balance: Balance = { kind: BALANCE_KINDS[code] ?? 'other', code, amount };
  const date = textAt(bal, 'Dt', 'Dt');
  const dateTime = textAt(bal, 'Dt', 'DtTm');
  if (date && isIsoDate(date.slice(0, 10))) balance.date = date.slice(0, 10);
  if (dateTime) {
    balance.dateTime = dateTime;
    if (!balance.date && isIsoDate(dateTime.slice(0, 10))) balance.date = dateTime.slice(0, 10);
  }
  return balance;
}

function readSummaryPart(element: XmlElement | undefined, problems: Problems, where: string, currency: string | undefined, negative: boolean): { count?: number; sum?: Money } | undefined {
  if (!element) return undefined;
  const part: { count?: number; sum?: Money } = {};
  const count = textAt(element, 'NbOfNtries');
  if (count && /^[0-9]{1,15}$/.test(count)) part.count = Number(count);
  // `Sum` is unsigned (the side says debit or credit); some banks still write the debit total
  // negative, which is read by its magnitude rather than rejected.
  const sumText = textAt(element, 'Sum')?.replace(/^-/, '');
  if (sumText && currency) {
    // `Sum` has no currency attribute: it is in the account's currency.
    const sum = readAmount({ name: 'Sum', attributes: undefined, children: [], text: sumText, start: 0, end: 0 }, problems, `${where}/Sum`, negative, currency);
    if (sum) part.sum = sum;
  }
  return part;
}

function readSummary(record: XmlElement, problems: Problems, currency: string | undefined): StatementSummary | undefined {
  const summary = child(record, 'TxsSummry');
  if (!summary) return undefined;
  const out: StatementSummary = {};
  const entries = readSummaryPart(child(summary, 'TtlNtries'), problems, 'TxsSummry/TtlNtries', currency, false);
  const credits = readSummaryPart(child(summary, 'TtlCdtNtries'), problems, 'TxsSummry/TtlCdtNtries', currency, false);
  const debits = readSummaryPart(child(summary, 'TtlDbtNtries'), problems, 'TxsSummry/TtlDbtNtries', currency, true);
  if (entries) out.entries = entries;
  if (credits) out.credits = credits;
  if (debits) out.debits = debits;
  return out;
}

/** `TxsSummry` is a cross-check, not the truth: disagreement is a warning with both figures. */
function summaryWarnings(statement: Statement, summary: StatementSummary, unread: number): FormatWarning[] {
  const out: FormatWarning[] = [];
  const present = statement.entries.length + unread;
  const statedTotal = summary.entries?.count;
  if (statedTotal !== undefined && statedTotal !== present) {
    out.push({
      code: 'SUMMARY_MISMATCH',
      message: `TxsSummry states ${statedTotal} entries; the statement holds ${present}`,
      data: { side: 'all', statedCount: statedTotal, count: present },
    });
  }
  for (const side of ['credits', 'debits'] as const) {
    const stated = summary[side];
    if (!stated) continue;
    const entries = statement.entries.filter((e) => (side === 'debits' ? e.direction === 'DEBIT' : e.direction === 'CREDIT'));
    const countOff = stated.count !== undefined && stated.count !== entries.length;
    const sumCurrency = stated.sum?.currency;
    const sum = entries.filter((e) => e.amount.currency === sumCurrency).reduce((acc, e) => acc + e.amount.minor, 0n);
    const sumOff = stated.sum !== undefined && unread === 0 && sum !== stated.sum.minor;
    if (countOff || sumOff) {
      out.push({
        code: 'SUMMARY_MISMATCH',
        message: `TxsSummry ${side}: stated ${stated.count ?? '?'} entries${stated.sum ? ` totalling ${formatMinor(stated.sum.minor, stated.sum.currency)}` : ''}, found ${entries.length}${stated.sum ? ` totalling ${formatMinor(sum, stated.sum.currency)}` : ''}`,
        data: {
          side,
          statedCount: stated.count ?? null,
          count: entries.length,
          ...(stated.sum && { statedSum: formatMinor(stated.sum.minor, stated.sum.currency), sum: formatMinor(sum, stated.sum.currency) }),
        },
      });
    }
  }
  return out;
}

/**
 * One `Stmt` / `Rpt` / `Ntfctn` as a {@link Statement}. Its `Ntry` elements were converted while the
 * XML was read (see `parseCamt`) and arrive in `collected`.
 */
export function buildCamtRecord(record: XmlElement, format: StatementFormat, collected: CollectedEntries, groupCreatedAt: string | undefined, text: string): Statement {
  const statement: Statement = {
    format,
    account: readAccount(record),
    balances: [],
    entries: collected.entries,
    information: [],
    extras: [],
    warnings: [],
    errors: [...collected.errors],
  };
  const id = textAt(record, 'Id');
  if (id) statement.id = id;
  const sequence = firstText(record, ['ElctrncSeqNb'], ['LglSeqNb'], ['RptPgntn', 'PgNb'], ['StmtPgntn', 'PgNb']);
  if (sequence) statement.sequence = sequence;
  // `CreDtTm` is optional on the record from v8 on; the group header's is the fallback.
  const created = textAt(record, 'CreDtTm') ?? groupCreatedAt;
  if (created) statement.createdAt = created;
  const from = firstText(record, ['FrToDt', 'FrDtTm'], ['FrToDt', 'FrDt']);
  const to = firstText(record, ['FrToDt', 'ToDtTm'], ['FrToDt', 'ToDt']);
  if (from || to) statement.period = { ...(from && { from }), ...(to && { to }) };
  const unsigned: string[] = [];
  for (const bal of childrenNamed(record, 'Bal')) {
    const balanceProblems: Problems = [];
    const balance = readBalance(bal, balanceProblems, unsigned);
    if (balanceProblems.length > 0) {
      statement.errors.push(recordError(FormatErrorCode.FIELD_INVALID, `Unreadable balance: ${balanceProblems.join('; ')}`, text.slice(bal.start, bal.end), { field: `${record.name}/Bal` }, balanceProblems));
    }
    if (!balance) continue;
    statement.balances.push(balance);
    if (balance.code === 'CLBD' && !statement.closingBalance) statement.closingBalance = balance;
  }
  if (unsigned.length > 0) {
    statement.warnings.push({ code: 'BALANCE_SIGN_MISSING', message: `Balance(s) ${unsigned.join(', ')} have no CdtDbtInd; read as credit balances`, data: { codes: unsigned } });
  }
  // OPBD is the opening balance; PRCD (previous closing) stands in when a bank sends only that.
  const opening = statement.balances.find((b) => b.code === 'OPBD') ?? statement.balances.find((b) => b.code === 'PRCD');
  if (opening) statement.openingBalance = opening;
  const currency = statement.account.currency ?? statement.balances[0]?.amount.currency ?? statement.entries[0]?.amount.currency;
  if (currency) statement.currency = currency;
  for (const name of ['AddtlStmtInf', 'AddtlRptInf', 'AddtlNtfctnInf']) {
    for (const info of childrenNamed(record, name)) if (info.text.trim() !== '') statement.information.push(info.text.trim());
  }
  const problems: Problems = [];
  const summary = readSummary(record, problems, currency);
  if (summary) {
    statement.summary = summary;
    statement.warnings.push(...summaryWarnings(statement, summary, collected.errors.filter((e) => e.code === FormatErrorCode.ENTRY_INVALID).length));
  }
  if (problems.length > 0) {
    const totals = child(record, 'TxsSummry') as XmlElement;
    statement.errors.push(recordError(FormatErrorCode.FIELD_INVALID, `Unreadable TxsSummry: ${problems.join('; ')}`, text.slice(totals.start, totals.end), { field: `${record.name}/TxsSummry` }, problems));
  }
  statement.warnings.push(...balanceWarnings(statement));
  return statement;
}
