import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Money } from '@recon/core';
import { formatMinor } from './money/decimal';

/**
 * The shared corpus of real statement files (`../shared/corpora/statements/` beside the repository;
 * CI always has it). Resolved from the repository root, never from the working directory;
 * `RECON_STATEMENT_CORPUS` points elsewhere (a copy, or a missing path to see the CI failure).
 */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const CORPUS_DIR = process.env.RECON_STATEMENT_CORPUS ?? resolve(REPO_ROOT, '../shared/corpora/statements');
export const CORPUS_PRESENT = existsSync(resolve(CORPUS_DIR, 'manifest.json'));

/** A balance as the neutral raw scan read it. */
export interface ScanBalance {
  tag?: string;
  type?: string;
  dc?: 'C' | 'D';
  ind?: 'CRDT' | 'DBIT' | null;
  date: string | null;
  ccy: string | null;
  amount: string;
}

/** One MT94x message of the raw scan. */
export interface ScanMessage {
  ref20: string | null;
  account25: string | null;
  stmt28: string | null;
  opening: ScanBalance | null;
  closing: ScanBalance | null;
  n61: number;
  sum61: string;
  amounts: string[];
  closing_available: { dc: 'C' | 'D'; amount: string } | null;
  forward_available: { dc: 'C' | 'D'; amount: string } | null;
  is_mt942: boolean;
  tags: string[];
  balance_check: string;
}

/** One camt `Stmt`/`Rpt`/`Ntfctn` of the raw scan. */
export interface ScanRecord {
  kind: string;
  id: string | null;
  account: string | null;
  account_ccy: string | null;
  balances: ScanBalance[];
  n_entries: number;
  entry_sum: string;
  entry_ccys: string[];
  entry_status: string[];
  n_txdtls: number;
  n_batch_entries: number;
  n_entries_with_charges: number;
  n_reversals: number;
  amounts: string[];
  balance_check: string;
}

/** One manifest entry. */
export interface CorpusFile {
  file: string;
  format: 'mt940' | 'mt942' | 'camt052' | 'camt053' | 'camt054';
  kind: string;
  raw_scan: { encoding: string; messages?: ScanMessage[]; records?: ScanRecord[]; message?: string };
  expected_from_source_tests: Array<Record<string, unknown>>;
}

/** The manifest, or an empty list when the corpus is absent. */
export function loadManifest(): CorpusFile[] {
  if (!CORPUS_PRESENT) return [];
  return JSON.parse(readFileSync(resolve(CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusFile[];
}

/** The file's bytes. */
export function corpusBytes(file: string): Uint8Array {
  return readFileSync(resolve(CORPUS_DIR, file));
}

/**
 * A decimal string in canonical form, exactly (no floats): no `+`, no leading zeros, no trailing
 * fraction zeros, `-0` → `0`. `"-9.0"`, `"-9.00"` and `"-09"` all become `"-9"`.
 */
export function canonicalDecimal(text: string): string {
  // The benchmark calls this once per entry for every library, so the usual shape is read by
  // character codes; anything else (blanks, stray characters) goes to the pattern below.
  return canonicalDecimalFast(text) ?? canonicalDecimalByPattern(text);
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** {@link canonicalDecimal} of `[+-]?[0-9]*([.,][0-9]*)?` exactly as the pattern reads it, or undefined for any other text. */
function canonicalDecimalFast(text: string): string | undefined {
  const n = text.length;
  let i = 0;
  const sign = text.charCodeAt(0);
  if (sign === 45 || sign === 43) i = 1;
  while (i < n && text.charCodeAt(i) === 48) i++;
  const integerAt = i;
  while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  const integerEnd = i;
  let fractionAt = i;
  let fractionEnd = i;
  if (i < n) {
    const separator = text.charCodeAt(i);
    if (separator !== 46 && separator !== 44) return undefined;
    fractionAt = ++i;
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    if (i !== n) return undefined;
    fractionEnd = n;
    while (fractionEnd > fractionAt && text.charCodeAt(fractionEnd - 1) === 48) fractionEnd--;
  }
  const integer = integerEnd > integerAt ? text.slice(integerAt, integerEnd) : '0';
  const body = fractionEnd > fractionAt ? `${integer}.${text.slice(fractionAt, fractionEnd)}` : integer;
  return sign === 45 && body !== '0' ? `-${body}` : body;
}

function canonicalDecimalByPattern(text: string): string {
  const match = /^([+-]?)([0-9]*)(?:[.,]([0-9]*))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  const integer = (match[2] ?? '').replace(/^0+/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${integer}.${fraction}` : integer;
  return match[1] === '-' && body !== '0' ? `-${body}` : body;
}

/** A {@link Money} as a canonical signed decimal. */
export function moneyDecimal(m: Money): string {
  return canonicalDecimal(formatMinor(m.minor, m.currency));
}

/** A raw-scan balance as a canonical signed decimal. */
export function scanBalanceDecimal(b: ScanBalance | { dc: 'C' | 'D'; amount: string }): string {
  const negative = ('dc' in b && b.dc === 'D') || ('ind' in b && b.ind === 'DBIT');
  return canonicalDecimal(`${negative ? '-' : ''}${b.amount}`);
}

/** `YYMMDD` (raw scan of MT940) as `YYYY-MM-DD`, with the parser's century rule. */
export function scanDate(yymmdd: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  return `${yy >= 80 ? 1900 + yy : 2000 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** `C 3148.49 EUR 2011-07-13` (mt940-js / mt940-rs expectations) → its parts. */
export function parseExpectedBalance(text: string): { decimal: string; currency: string; date: string } {
  const [mark, amount, currency, date] = text.split(' ') as [string, string, string, string];
  return { decimal: canonicalDecimal(`${mark === 'D' ? '-' : ''}${amount}`), currency, date };
}
