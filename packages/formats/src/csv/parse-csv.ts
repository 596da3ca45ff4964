import { parseAmount, type Money } from '@recon/core';
import { FormatErrorCode, fileError, recordError } from '../errors';
import { formatMinor } from '../money/decimal';
import { balanceWarnings } from '../statement/balance-check';
import type { Balance, FormatWarning, Statement, StatementEntry } from '../types';
import { readCsvDate } from './csv-dates';
import { headerKey, isIndexOnly, resolveColumns, type CsvMapping, type ResolvedColumns } from './mapping';
import { CSV_PRESETS, type CsvPresetName } from './presets';
import { detectDelimiter, readCsv, type CsvRow } from './read-csv';

/** Options of {@link parseCsvStatement}. */
export interface CsvOptions {
  /** A preset name, `auto` (the preset whose header matches best; the default), or a mapping. */
  mapping?: CsvPresetName | 'auto' | CsvMapping;
  /** The account the export is for; otherwise looked for in the rows above the header. */
  accountId?: string;
}

/** Result of {@link parseCsvStatement}. */
export interface CsvResult {
  statement: Statement;
  /** The mapping used (the preset's name for presets). */
  mapping: string;
  warnings: FormatWarning[];
}

const DEBIT_MARKERS = ['DR', 'D', 'DEBIT', 'W', 'WITHDRAWAL'];
/** A cell that tries to be a date (`32/04/24`, `01-Foo-2024`): unreadable is an error, not junk. */
const DATE_LIKE = /^[0-9]{1,4}[/\-. ][0-9A-Za-z]{1,9}[/\-. ][0-9]{2,4}\b/;
const CREDIT_MARKERS = ['CR', 'C', 'CREDIT', 'DEP', 'DEPOSIT'];

/** Cells that mean "no amount" in a withdrawal/deposit column. */
function isBlankAmount(cell: string | undefined): boolean {
  const value = (cell ?? '').trim();
  return value === '' || value === '-' || /^0+(\.0+)?$/.test(value);
}

function cellAt(row: CsvRow, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = row.cells[index];
  return value === undefined ? undefined : value.trim();
}

/** The header row and its columns, for a mapping. */
function findHeader(rows: readonly CsvRow[], mapping: CsvMapping): { index: number; columns: ResolvedColumns; score: number } | undefined {
  if (isIndexOnly(mapping)) {
    const columns = resolveColumns(mapping, []);
    return columns ? { index: (mapping.skipRows ?? 0) - 1, columns, score: 0 } : undefined;
  }
  const limit = Math.min(rows.length, mapping.headerSearchRows ?? 60);
  for (let i = 0; i < limit; i++) {
    const columns = resolveColumns(mapping, (rows[i] as CsvRow).cells);
    if (!columns) continue;
    // Headers alone can tie (SBI and HDFC both have "Debit"); the dates of the rows below decide.
    let dates = 0;
    for (const row of rows.slice(i + 1, i + 21)) if (readCsvDate(cellAt(row, columns.date) ?? '', mapping.dateFormats)) dates++;
    return { index: i, columns, score: Object.keys(columns).length * 100 + dates };
  }
  return undefined;
}

/** `Account No : 50100012345678` and similar, in the rows above the header. */
function accountFromPreamble(rows: readonly CsvRow[]): string | undefined {
  for (const row of rows) {
    const text = row.cells.join(' ');
    const match = /account\s*(?:no|number|num)\.?\s*[:-]?\s*([0-9Xx*]{6,24})/i.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

function chooseMapping(rows: readonly CsvRow[], option: CsvOptions['mapping']): { mapping: CsvMapping; header: { index: number; columns: ResolvedColumns } } | undefined {
  if (option !== undefined && option !== 'auto') {
    const mapping: CsvMapping = typeof option === 'string' ? (CSV_PRESETS[option] as CsvMapping) : option;
    const header = findHeader(rows, mapping);
    return header ? { mapping, header } : undefined;
  }
  let best: { mapping: CsvMapping; header: { index: number; columns: ResolvedColumns; score: number } } | undefined;
  for (const mapping of Object.values(CSV_PRESETS) as CsvMapping[]) {
    const header = findHeader(rows, mapping);
    if (header && (!best || header.score > best.header.score)) best = { mapping, header };
  }
  return best;
}

/**
 * Parse a bank's CSV statement export with a column mapping: a built-in preset (HDFC, ICICI, SBI,
 * Axis, Kotak), `auto` to pick the preset whose header matches, or your own {@link CsvMapping}.
 * Rows above the header and non-data rows below it (summaries, legends) are skipped and reported
 * as a warning; a data row that cannot be read (bad amount, bad date, both columns filled) becomes
 * an `InvalidDataError` with the row text, and the rest still parses. Amounts accept Indian digit
 * grouping (`1,23,456.78`). With a balance column, each row is checked against the previous one.
 *
 * @throws InvalidDataError `NOT_A_STATEMENT` when no header row matches the mapping.
 */
export function parseCsvStatement(text: string, options: CsvOptions = {}): CsvResult {
  const option = options.mapping;
  const delimiter = typeof option === 'object' && option.delimiter ? option.delimiter : detectDelimiter(text);
  const rows = readCsv(text, delimiter);
  const chosen = chooseMapping(rows, option);
  if (!chosen) {
    const wanted = typeof option === 'string' && option !== 'auto' ? `the ${option} preset's` : option && typeof option === 'object' ? "the mapping's" : "any preset's (hdfc, icici, sbi, axis, kotak)";
    throw fileError(FormatErrorCode.NOT_A_STATEMENT, `No header row matching ${wanted} columns was found in the first rows: expected a date column and either withdrawal and deposit columns or an amount column`, text);
  }
  const { mapping, header } = chosen;
  const columns = header.columns;
  const currency = mapping.currency ?? 'INR';
  const debitMarkers = new Set((mapping.debitMarkers ?? DEBIT_MARKERS).map((m) => m.toUpperCase()));
  const creditMarkers = new Set((mapping.creditMarkers ?? CREDIT_MARKERS).map((m) => m.toUpperCase()));
  const amountOptions = mapping.decimalSeparator ? { decimalSeparator: mapping.decimalSeparator } : {};
  const preamble = rows.slice(0, Math.max(0, header.index));
  const accountId = options.accountId ?? accountFromPreamble(preamble);
  const statement: Statement = {
    format: 'csv',
    account: accountId ? { id: accountId } : {},
    currency,
    balances: [],
    entries: [],
    information: [],
    extras: [],
    warnings: [],
    errors: [],
    line: rows[header.index + 1]?.line ?? 1,
  };
  const warnings: FormatWarning[] = [];
  const balanceRows: Array<{ row: CsvRow; raw: string; date: string }> = [];
  const skipped: Array<{ line: number; text: string }> = preamble.filter((r) => r.cells.some((c) => c.trim() !== '')).map((r) => ({ line: r.line, text: text.slice(r.start, r.end) }));

  for (let r = header.index + 1; r < rows.length; r++) {
    const row = rows[r] as CsvRow;
    if (row.cells.every((c) => c.trim() === '')) continue;
    const raw = text.slice(row.start, row.end);
    const dateCell = cellAt(row, columns.date) ?? '';
    const date = readCsvDate(dateCell, mapping.dateFormats);
    if (!date && !DATE_LIKE.test(dateCell)) {
      // Not a transaction: a repeated header, a summary or legend line, a separator. Reported, not read.
      skipped.push({ line: row.line, text: raw });
      continue;
    }
    const amountCells = [columns.debit, columns.credit, columns.amount].map((i) => cellAt(row, i) ?? '');
    if (date && amountCells.every((c) => c === '') && cellAt(row, columns.balance)) {
      // A dated row with a balance and no amount: "OPENING BALANCE" (Axis) or a balance carried forward.
      balanceRows.push({ row, raw, date });
      continue;
    }
    const problems: string[] = [];
    if (!date) problems.push(`date ${JSON.stringify(dateCell)} matches none of ${mapping.dateFormats.join(', ')}`);
    const amount = readRowAmount(row, columns, currency, amountOptions, debitMarkers, creditMarkers, problems);
    let balanceAfter: Money | undefined;
    const balanceCell = cellAt(row, columns.balance);
    if (balanceCell !== undefined && balanceCell !== '') {
      try {
        balanceAfter = parseAmount(balanceCell, currency, amountOptions);
        const marker = cellAt(row, columns.balanceDirection)?.toUpperCase();
        if (marker && debitMarkers.has(marker)) balanceAfter = { minor: -balanceAfter.minor, currency };
      } catch (error) {
        problems.push(`balance: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0 || !amount || !date) {
      statement.errors.push(recordError(FormatErrorCode.ENTRY_INVALID, `Unreadable CSV row: ${problems.join('; ')}`, raw, { line: row.line }, problems));
      continue;
    }
    const entry: StatementEntry = {
      index: statement.entries.length,
      amount,
      direction: amount.minor < 0n ? 'DEBIT' : 'CREDIT',
      reversal: false,
      status: 'booked',
      bookingDate: date,
      references: {},
      transactions: [],
      extras: [],
      line: row.line,
      raw,
    };
    const valueDate = readCsvDate(cellAt(row, columns.valueDate) ?? '', mapping.dateFormats);
    if (valueDate) entry.valueDate = valueDate;
    const description = cellAt(row, columns.description);
    if (description) {
      entry.description = description;
      entry.information = description;
    }
    const reference = cellAt(row, columns.reference);
    if (reference && !/^0+$/.test(reference)) {
      if (/^[0-9]{6}$/.test(reference)) entry.references.chequeNumber = reference;
      entry.references.customerReference = reference;
    }
    const id = cellAt(row, columns.transactionId);
    if (id) entry.references.accountServicerReference = id;
    if (balanceAfter) entry.balanceAfter = balanceAfter;
    statement.entries.push(entry);
  }
  for (const { row, raw, date } of balanceRows) {
    const cell = cellAt(row, columns.balance) as string;
    try {
      const amount = parseAmount(cell, currency, amountOptions);
      const first = statement.entries[0];
      // A balance row above every transaction is the opening balance the export states.
      const opening = first === undefined || (first.line ?? 0) > row.line;
      const balance: Balance = { kind: opening && !statement.openingBalance ? 'opening' : 'information', code: 'BALANCE_ROW', amount, date };
      statement.balances.push(balance);
      if (balance.kind === 'opening') statement.openingBalance = balance;
      statement.information.push(raw);
    } catch (error) {
      statement.errors.push(recordError(FormatErrorCode.ENTRY_INVALID, `Unreadable balance row: ${(error as Error).message}`, raw, { line: row.line }));
    }
  }
  if (skipped.length > 0) {
    warnings.push({
      code: 'ROWS_SKIPPED',
      message: `${skipped.length} row(s) outside the transaction table were skipped (account details, summaries, legends)`,
      data: { count: skipped.length, rows: skipped.slice(0, 30).map((s) => ({ line: s.line, text: s.text })) },
    });
  }
  addRunningBalances(statement);
  return { statement, mapping: mapping.name ?? 'custom', warnings };
}

function readRowAmount(
  row: CsvRow,
  columns: ResolvedColumns,
  currency: string,
  amountOptions: { decimalSeparator?: '.' | ',' },
  debitMarkers: ReadonlySet<string>,
  creditMarkers: ReadonlySet<string>,
  problems: string[],
): Money | undefined {
  const read = (cell: string, what: string): Money | undefined => {
    try {
      return parseAmount(cell, currency, amountOptions);
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const magnitude = (m: Money) => (m.minor < 0n ? -m.minor : m.minor);
  if (columns.debit !== undefined && columns.credit !== undefined) {
    const debit = cellAt(row, columns.debit);
    const credit = cellAt(row, columns.credit);
    const hasDebit = !isBlankAmount(debit);
    const hasCredit = !isBlankAmount(credit);
    if (hasDebit && hasCredit) {
      problems.push(`both withdrawal (${debit}) and deposit (${credit}) are filled`);
      return undefined;
    }
    if (!hasDebit && !hasCredit) {
      // A zero-amount line (some banks print reversed pairs as 0.00) is still a line.
      if ((debit ?? '') === '' && (credit ?? '') === '') {
        problems.push('neither withdrawal nor deposit has an amount');
        return undefined;
      }
      return { minor: 0n, currency };
    }
    // The column says the direction; a minus sign some exports add to withdrawals is redundant.
    const value = read((hasDebit ? debit : credit) as string, hasDebit ? 'withdrawal' : 'deposit');
    return value && { minor: hasDebit ? -magnitude(value) : magnitude(value), currency };
  }
  const cell = cellAt(row, columns.amount) ?? '';
  const value = read(cell, 'amount');
  if (!value) return undefined;
  const marker = cellAt(row, columns.direction)?.toUpperCase().replace(/\.$/, '');
  if (columns.direction === undefined || marker === undefined || marker === '') return value;
  if (debitMarkers.has(marker)) return { minor: -magnitude(value), currency };
  if (creditMarkers.has(marker)) return { minor: magnitude(value), currency };
  problems.push(`direction ${JSON.stringify(marker)} is neither a debit nor a credit marker`);
  return undefined;
}

/**
 * With a running balance column: each row's balance should be the previous balance plus the row's
 * amount. Exports list rows oldest-first or newest-first, so both orders are tried and the one
 * that fits is used; every row that fits neither is a warning with the figures. The first and last
 * balances become the statement's opening (derived) and closing balances.
 */
function addRunningBalances(statement: Statement): void {
  const rows = statement.entries.filter((e) => e.balanceAfter !== undefined);
  if (rows.length === 0 || rows.length !== statement.entries.length) return;
  const breaks = (ordered: StatementEntry[]) => {
    const out: Array<{ entry: StatementEntry; expected: bigint }> = [];
    for (let i = 1; i < ordered.length; i++) {
      const previous = (ordered[i - 1] as StatementEntry).balanceAfter as Money;
      const current = ordered[i] as StatementEntry;
      const expected = previous.minor + current.amount.minor;
      if (expected !== (current.balanceAfter as Money).minor) out.push({ entry: current, expected });
    }
    return out;
  };
  const forward = breaks(rows);
  const backward = breaks([...rows].reverse());
  const descending = backward.length < forward.length;
  const chosen = descending ? backward : forward;
  const ordered = descending ? [...rows].reverse() : rows;
  const first = ordered[0] as StatementEntry;
  const last = ordered[ordered.length - 1] as StatementEntry;
  const currency = first.amount.currency;
  if (!statement.openingBalance) {
    // No stated opening: the one the first row implies (its balance minus its amount).
    const openingMinor = (first.balanceAfter as Money).minor - first.amount.minor;
    statement.openingBalance = { kind: 'opening', code: 'DERIVED', amount: { minor: openingMinor, currency }, ...(first.bookingDate && { date: first.bookingDate }) };
    statement.balances.unshift(statement.openingBalance);
  }
  statement.closingBalance = { kind: 'closing', code: 'ROW_BALANCE', amount: last.balanceAfter as Money, ...(last.bookingDate && { date: last.bookingDate }) };
  statement.balances.push(statement.closingBalance);
  for (const { entry, expected } of chosen) {
    statement.warnings.push({
      code: 'ROW_BALANCE_MISMATCH',
      message: `Row at line ${entry.line}: previous balance + ${formatMinor(entry.amount.minor, currency)} = ${formatMinor(expected, currency)}, but the row's balance is ${formatMinor((entry.balanceAfter as Money).minor, currency)}`,
      ...(entry.line !== undefined && { line: entry.line }),
      data: { expected: formatMinor(expected, currency), balance: formatMinor((entry.balanceAfter as Money).minor, currency), amount: formatMinor(entry.amount.minor, currency), order: descending ? 'newest-first' : 'oldest-first' },
    });
  }
  statement.warnings.push(...balanceWarnings(statement));
}

/** Re-exported so callers can build their own header matching. */
export { headerKey };
