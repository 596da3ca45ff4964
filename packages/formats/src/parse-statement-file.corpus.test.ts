import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidDataError } from '@recon/core';
import {
  CORPUS_DIR,
  CORPUS_PRESENT,
  canonicalDecimal,
  corpusBytes,
  loadManifest,
  moneyDecimal,
  parseExpectedBalance,
  scanBalanceDecimal,
  scanDate,
  type CorpusFile,
  type ScanMessage,
  type ScanRecord,
} from './corpus.test-helper';
import { parseStatementFile, safeParseStatementFile } from './parse-statement-file';
import { toStandardTransactions } from './statement/to-transactions';
import type { Statement, StatementFile } from './types';

/**
 * Every real statement file of the shared corpus, against the manifest's neutral raw scan (counts,
 * balances, every amount and sign) and the structured expectations of the source repositories'
 * own tests. Negative files must be rejected with a typed error.
 */
const manifest = loadManifest();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const tally = new Map<string, { files: number; passed: number }>();

if (!CORPUS_PRESENT) {
  if (inCi) {
    describe('statement corpus', () => {
      it('is present (CI must have ../shared beside the repository)', () => {
        expect.fail(`statement corpus not found at ${CORPUS_DIR}`);
      });
    });
  } else {
    console.warn(`\n*** SKIPPING the statement corpus test: ${CORPUS_DIR} not found. CI fails without it. ***\n`);
  }
}

function sum(decimals: string[]): string {
  // Exact: scale every decimal to 5 places as a bigint.
  const total = decimals.reduce((acc, d) => {
    const [whole = '0', fraction = ''] = d.replace('-', '').split('.');
    const minor = BigInt(whole) * 100000n + BigInt(fraction.padEnd(5, '0'));
    return acc + (d.startsWith('-') ? -minor : minor);
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(6, '0');
  return canonicalDecimal(`${negative ? '-' : ''}${digits.slice(0, -5)}.${digits.slice(-5)}`);
}

function expectBalanceVerdict(statement: Statement, verdict: string): void {
  const codes = statement.warnings.map((w) => w.code);
  if (verdict === 'ok' || verdict === 'n/a') {
    expect(codes, 'balance warning although the raw scan balances').not.toContain('BALANCE_MISMATCH');
  } else {
    expect(verdict).toMatch(/^MISMATCH/);
    // Balances (or entries) in different currencies cannot be added; saying so is the correct answer.
    expect(codes.some((c) => c === 'BALANCE_MISMATCH' || c === 'BALANCE_NOT_CHECKED'), `no balance warning for: ${verdict}`).toBe(true);
  }
}

function checkMtMessage(s: Statement, m: ScanMessage, withCurrency: Statement): void {
  expect(s.id ?? null).toBe(m.ref20);
  expect(s.account.id ?? null).toBe(m.account25);
  expect(s.sequence ?? null).toBe(m.stmt28);
  expect(s.format === 'mt942').toBe(m.is_mt942);
  for (const [balance, scan] of [
    [s.openingBalance, m.opening],
    [s.closingBalance, m.closing],
  ] as const) {
    if (!scan) {
      expect(balance).toBeUndefined();
      continue;
    }
    expect(balance, `balance ${scan.tag}`).toBeDefined();
    expect(balance?.code).toBe(scan.tag);
    expect(moneyDecimal(balance!.amount)).toBe(scanBalanceDecimal(scan));
    expect(balance?.amount.currency).toBe(scan.ccy);
    expect(balance?.date).toBe(scanDate(scan.date as string));
  }
  if (m.closing_available) {
    expect(s.balances.filter((b) => b.kind === 'closing-available').map((b) => moneyDecimal(b.amount))).toContain(scanBalanceDecimal(m.closing_available));
  }
  if (m.forward_available) {
    expect(s.balances.filter((b) => b.kind === 'forward-available').map((b) => moneyDecimal(b.amount))).toContain(scanBalanceDecimal(m.forward_available));
  }
  // Fragments without any currency: every :61: is reported, and reads with options.currency.
  if (s.currency === undefined) {
    const unread = s.errors.filter((e) => e.code === 'ENTRY_INVALID');
    expect(unread).toHaveLength(m.n61);
    for (const e of unread) expect(e.message).toMatch(/currency/);
  }
  const entries = withCurrency.entries;
  expect(entries.map((e) => moneyDecimal(e.amount))).toEqual(m.amounts.map(canonicalDecimal));
  expect(sum(entries.map((e) => moneyDecimal(e.amount)))).toBe(canonicalDecimal(m.sum61));
  // Zero amounts keep their D/C mark (`D0,00`); every other amount's sign is its direction.
  for (const e of entries) if (e.amount.minor !== 0n) expect(e.direction).toBe(e.amount.minor < 0n ? 'DEBIT' : 'CREDIT');
  expect(withCurrency.errors.filter((e) => e.code === 'ENTRY_INVALID')).toEqual([]);
  // A field error must be one the raw scan also could not read (e.g. `EURO0,00`, `:65:Dnullnull…`).
  for (const error of s.errors.filter((e) => e.code === 'FIELD_INVALID')) {
    const tag = (error.details as { field?: string }).field ?? '';
    const unreadInScan =
      (tag.startsWith('60') && m.opening === null) ||
      (tag.startsWith('62') && m.closing === null) ||
      (tag === '64' && m.closing_available === null) ||
      (tag === '65' && m.forward_available === null);
    expect(unreadInScan, `unexpected field error: ${error.message}`).toBe(true);
  }
  expectBalanceVerdict(s, m.balance_check);
}

function checkCamtRecord(s: Statement, r: ScanRecord, sourceAccount: string | undefined): void {
  expect(s.id ?? null).toBe(r.id);
  // The raw scan knows IBAN and Othr/Id only; version 1's PrtryAcct comes from the source's own test.
  expect(s.account.id ?? null).toBe(r.account ?? sourceAccount ?? null);
  expect(s.account.currency ?? null).toBe(r.account_ccy);
  expect(s.balances.map((b) => [b.code, moneyDecimal(b.amount), b.amount.currency])).toEqual(r.balances.map((b) => [b.type, scanBalanceDecimal(b), b.ccy]));
  r.balances.forEach((b, i) => {
    if (b.date) expect(s.balances[i]?.date).toBe(b.date.slice(0, 10));
  });
  expect(s.entries.map((e) => moneyDecimal(e.amount))).toEqual(r.amounts.map(canonicalDecimal));
  expect(sum(s.entries.map((e) => moneyDecimal(e.amount)))).toBe(canonicalDecimal(r.entry_sum));
  expect([...new Set(s.entries.map((e) => e.amount.currency))].sort()).toEqual([...r.entry_ccys].sort());
  expect([...new Set(s.entries.flatMap((e) => (e.rawStatus ? [e.rawStatus] : [])))].sort()).toEqual([...r.entry_status].sort());
  expect(s.entries.reduce((n, e) => n + e.transactions.length, 0)).toBe(r.n_txdtls);
  expect(s.entries.filter((e) => e.batch).length).toBe(r.n_batch_entries);
  expect(s.entries.filter((e) => e.charges?.length || e.transactions.some((t) => t.charges?.length)).length).toBe(r.n_entries_with_charges);
  expect(s.entries.filter((e) => e.reversal).length).toBe(r.n_reversals);
  expect(s.errors).toEqual([]);
  expectBalanceVerdict(s, r.balance_check);
}

/** The source repositories' own expectations, where they are structured (not heuristic excerpts). */
function checkSourceExpectations(file: StatementFile, entry: CorpusFile, withCurrency: StatementFile): void {
  for (const expected of entry.expected_from_source_tests) {
    const kind = String(expected.kind ?? '');
    if (kind.startsWith('full JSON dump of decoded DTOs')) {
      // The dump lists records by id, not necessarily all of them.
      const records = expected.records as Array<{ record_id: string; account: string; n_entries: number; 'entry_amounts(minor units)': string[]; 'balances(minor units, signed)': string[] }>;
      records.forEach((rec) => {
        const s = file.statements.find((st) => st.id === rec.record_id) as Statement;
        expect(s, `record ${rec.record_id}`).toBeDefined();
        expect(s.account.id).toBe(rec.account);
        expect(s.entries).toHaveLength(rec.n_entries);
        expect(s.entries.map((e) => `${e.amount.minor} ${e.amount.currency} ${e.direction === 'DEBIT' ? 'DBIT' : 'CRDT'}`)).toEqual(rec['entry_amounts(minor units)']);
        const balances = rec['balances(minor units, signed)'].map((b) => b.split(' ').slice(1).join(' ')).sort();
        expect(s.balances.map((b) => `${b.amount.minor} ${b.amount.currency}`).sort()).toEqual(balances);
      });
    } else if (kind.startsWith('jest snapshot') || kind.startsWith('full JSON output') || kind.startsWith('full JSON parse')) {
      // Long files are excerpted: the first statements, and the first amounts of each.
      const statements = expected.statements as Array<Record<string, unknown>>;
      expect(withCurrency.statements).toHaveLength(expected.n_statements as number);
      statements.forEach((st, i) => {
        const s = withCurrency.statements[i] as Statement;
        expect(s.account.id).toBe(st.account);
        const amounts = (st.amounts as string[]).map(canonicalDecimal);
        // mt940-rs and mt940-js give an RC (reversal of a credit) a credit sign; SWIFT and the raw
        // scan say it is a debit. For reversals only the magnitude is compared with them.
        const reversalSafe = (e: Statement['entries'][number], want: string | undefined) => (e.reversal && want !== undefined ? moneyDecimal(e.amount).replace('-', '') === want.replace('-', '') ? want : moneyDecimal(e.amount) : moneyDecimal(e.amount));
        expect(s.entries.slice(0, amounts.length).map((e, k) => reversalSafe(e, amounts[k]))).toEqual(amounts);
        expect(s.entries).toHaveLength((st.n_tx ?? st.n_lines) as number);
        if (st.opening === 'undefined') {
          // MT942: no balances.
          expect(s.openingBalance).toBeUndefined();
          expect(s.closingBalance).toBeUndefined();
        } else if (typeof st.opening === 'string' && st.opening.includes(' ')) {
          for (const [balance, text] of [
            [s.openingBalance, st.opening],
            [s.closingBalance, st.closing as string],
          ] as const) {
            const want = parseExpectedBalance(text);
            expect(moneyDecimal(balance!.amount)).toBe(want.decimal);
            expect(balance?.amount.currency).toBe(want.currency);
            expect(balance?.date).toBe(want.date);
          }
        } else {
          expect(moneyDecimal(s.openingBalance!.amount)).toBe(canonicalDecimal(st.opening as string));
          expect(moneyDecimal(s.closingBalance!.amount)).toBe(canonicalDecimal(st.closing as string));
          expect(s.currency).toBe(st.currency);
        }
        const number = (st.number ?? st.stmt_no) as string | undefined;
        if (number !== undefined) expect(s.sequence?.split('/')[0]).toBe(number);
      });
    } else if (kind.startsWith('full JSON of parsed tags')) {
      // my-flow compares parsed tags: its amounts are unsigned (the mark is a separate tag field).
      const messages = expected.messages as Array<{ n61: number; amounts: string[] }>;
      messages.forEach((msg, i) => {
        const s = withCurrency.statements[i] as Statement;
        const amounts = msg.amounts.map(canonicalDecimal);
        expect(s.entries.slice(0, amounts.length).map((e) => moneyDecimal(e.amount).replace('-', ''))).toEqual(amounts);
        expect(s.entries).toHaveLength(msg.n61);
      });
    }
  }
}

/** Every entry becomes a valid standard transaction with a unique id, or an error that says why. */
function checkTransactions(file: StatementFile): void {
  const result = toStandardTransactions(file, { source: 'corpus', accountId: 'UNNAMED', splitBatches: 'never' });
  const entries = file.statements.reduce((n, s) => n + s.entries.length, 0);
  expect(result.transactions.length + result.errors.length).toBe(entries);
  for (const error of result.errors) {
    // The only accepted reason: a withdrawn currency (DEM) the standard schema does not take.
    expect(error.message).toMatch(/currency/i);
  }
  const ids = result.transactions.map((t) => t.txn_id);
  expect(new Set(ids).size, 'duplicate txn_id within one file').toBe(ids.length);
  const again = toStandardTransactions(file, { source: 'corpus', accountId: 'UNNAMED', splitBatches: 'never' });
  expect(again.transactions.map((t) => t.txn_id)).toEqual(ids);
}

describe.runIf(CORPUS_PRESENT)('statement corpus (../shared/corpora/statements)', () => {
  afterAll(() => {
    const lines = [...tally.entries()].sort().map(([format, t]) => `  ${format}: ${t.passed} of ${t.files} files`);
    console.log(`\nStatement corpus results:\n${lines.join('\n')}\n`);
  });

  it('lists files, every one of which exists', () => {
    expect(manifest.length).toBeGreaterThan(0);
    const missing = manifest.filter((entry) => !existsSync(resolve(CORPUS_DIR, entry.file))).map((entry) => entry.file);
    expect(missing).toEqual([]);
  });

  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', (_name, entry) => {
    const key = `${entry.format} (${entry.kind})`;
    const count = tally.get(key) ?? { files: 0, passed: 0 };
    count.files++;
    tally.set(key, count);
    const bytes = corpusBytes(entry.file);
    if (entry.kind.includes('negative')) {
      const result = safeParseStatementFile(bytes);
      expect(result.success, 'a negative file must be rejected').toBe(false);
      if (!result.success) {
        expect(result.error).toBeInstanceOf(InvalidDataError);
        expect(['NOT_A_STATEMENT', 'FORMAT_UNKNOWN']).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(30);
      }
      count.passed++;
      return;
    }
    const file = parseStatementFile(bytes);
    const needsCurrency = file.statements.some((s) => s.currency === undefined);
    const withCurrency = needsCurrency ? parseStatementFile(bytes, { currency: 'EUR' }) : file;
    if (entry.raw_scan.messages) {
      expect(file.statements).toHaveLength(entry.raw_scan.messages.length);
      entry.raw_scan.messages.forEach((m, i) => checkMtMessage(file.statements[i] as Statement, m, withCurrency.statements[i] as Statement));
    } else {
      const records = entry.raw_scan.records ?? [];
      expect(file.format).toBe(`camt.${entry.format.slice(4)}`);
      if (entry.raw_scan.message) expect(file.messageName).toBe(entry.raw_scan.message);
      expect(file.statements).toHaveLength(records.length);
      const sourceAccounts = new Map<string, string>();
      for (const expected of entry.expected_from_source_tests) {
        for (const rec of (expected.records ?? []) as Array<{ record_id: string; account: string }>) sourceAccounts.set(rec.record_id, rec.account);
      }
      records.forEach((r, i) => checkCamtRecord(file.statements[i] as Statement, r, sourceAccounts.get(r.id ?? '')));
    }
    checkSourceExpectations(file, entry, withCurrency);
    checkTransactions(withCurrency);
    count.passed++;
  });
});
