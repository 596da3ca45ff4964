import type { CsvDateFormat } from './csv-dates';
import type { CsvDelimiter } from './read-csv';

/**
 * Which column holds a field: a 0-based index, a header name, or several header names any of
 * which may match. Header names match ignoring case, spaces and punctuation, so
 * `Withdrawal Amount (INR )` matches `withdrawal amount (inr)`.
 */
export type CsvColumn = number | string | readonly string[];

/**
 * How a CSV export maps to statement entries. Amounts come either from separate withdrawal and
 * deposit columns (`debit` + `credit`, the Indian netbanking layout) or from one `amount` column,
 * signed or paired with a `direction` column (`Dr`/`Cr`).
 */
export interface CsvMapping {
  /** Name for messages (`hdfc`). */
  name?: string;
  columns: {
    /** Transaction / booking date. Required. */
    date: CsvColumn;
    valueDate?: CsvColumn;
    /** Narration; several columns are joined with a space. */
    description?: CsvColumn;
    /** Cheque or reference number. */
    reference?: CsvColumn;
    /** The bank's transaction id, when the export has one. */
    transactionId?: CsvColumn;
    debit?: CsvColumn;
    credit?: CsvColumn;
    amount?: CsvColumn;
    /** `Dr`/`Cr` (or the markers below) for `amount`. */
    direction?: CsvColumn;
    /** Running balance after the row. */
    balance?: CsvColumn;
    /** `Dr`/`Cr` of the balance (a second `Dr / Cr` column after `balance`). */
    balanceDirection?: CsvColumn;
    /** Per-row currency, when the export has one. */
    currency?: CsvColumn;
  };
  /** Date layouts, tried in order. */
  dateFormats: readonly CsvDateFormat[];
  /** Delimiter; detected when absent. */
  delimiter?: CsvDelimiter;
  /** Currency of the amounts (default `INR`). */
  currency?: string;
  /** Decimal separator, when the export is known to use one (see core `parseAmount`). */
  decimalSeparator?: '.' | ',';
  /** Values of the direction column that mean a debit (default `DR`, `D`, `DEBIT`, `W`). */
  debitMarkers?: readonly string[];
  /** Values that mean a credit (default `CR`, `C`, `CREDIT`, `D`eposit → `DEP`). */
  creditMarkers?: readonly string[];
  /** Rows searched for the header (default 60). Ignored when every column is an index. */
  headerSearchRows?: number;
  /** With index-only columns: how many leading rows to skip (default 0). */
  skipRows?: number;
}

/** Normalise a header cell for matching: lower case, letters and digits only. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The resolved 0-based column index of every mapped field. */
export type ResolvedColumns = { [K in keyof CsvMapping['columns']]?: number };

function candidates(column: CsvColumn): string[] {
  return (typeof column === 'string' ? [column] : (column as readonly string[])).map(headerKey);
}

/** Find the column of one field in a header row, starting at `from`; -1 if absent. */
function find(header: readonly string[], column: CsvColumn, from = 0, taken: ReadonlySet<number> = new Set()): number {
  if (typeof column === 'number') return column;
  const wanted = candidates(column);
  // Earlier aliases are preferred: `Debit` must not grab a `Debit Card No.` column before `Withdrawal`.
  for (const key of wanted) {
    for (let i = from; i < header.length; i++) if (!taken.has(i) && headerKey(header[i] as string) === key) return i;
  }
  return -1;
}

/**
 * Resolve the mapping's columns against a header row, or undefined when the row cannot be the
 * header (date missing, or neither debit+credit nor amount found).
 */
export function resolveColumns(mapping: CsvMapping, header: readonly string[]): ResolvedColumns | undefined {
  const c = mapping.columns;
  const taken = new Set<number>();
  const resolved: ResolvedColumns = {};
  const take = (field: keyof CsvMapping['columns'], from = 0) => {
    const spec = c[field];
    if (spec === undefined) return;
    const index = find(header, spec, from, taken);
    if (index >= 0) {
      resolved[field] = index;
      taken.add(index);
    }
  };
  for (const field of ['date', 'valueDate', 'debit', 'credit', 'amount', 'balance', 'reference', 'transactionId', 'description', 'currency'] as const) take(field);
  // Direction columns come in pairs (`Amount, Dr / Cr, Balance, Dr / Cr`): each is the first one after its amount.
  if (c.direction !== undefined) take('direction', resolved.amount ?? 0);
  if (c.balanceDirection !== undefined) take('balanceDirection', resolved.balance ?? 0);
  if (resolved.date === undefined) return undefined;
  const split = resolved.debit !== undefined && resolved.credit !== undefined;
  if (!split && resolved.amount === undefined) return undefined;
  if (split) {
    delete resolved.amount;
    delete resolved.direction;
  }
  return resolved;
}

/** True when every mapped column is a number: there is no header to look for. */
export function isIndexOnly(mapping: CsvMapping): boolean {
  return Object.values(mapping.columns).every((c) => c === undefined || typeof c === 'number');
}
