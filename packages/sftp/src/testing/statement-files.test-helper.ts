import type { StandardTransactionInput } from '@recon/core';

/** A statement file of the test dataset. */
export interface TestFile {
  name: string;
  content: string;
  /** mtime in seconds: files are written oldest first, a second apart, so the processing order is known. */
  mtime: number;
  /** `txn_id`s of the valid transactions in it. */
  ids: string[];
  /** Invalid records it yields (bad rows, or 1 for a file that cannot be parsed at all). */
  invalid: number;
}

const BASE_MTIME = 1_717_200_000; // 2024-06-01

/** One standard transaction of the dataset. `amount` varies so every row differs. */
export function testTransaction(id: string, index: number, source = 'sftp'): StandardTransactionInput {
  return {
    schema_version: 1,
    txn_id: id,
    source,
    account_id: '50200012345678',
    bank_code: 'KKBK',
    amount: `${1000 + index}.${String(index % 100).padStart(2, '0')}`,
    currency: 'INR',
    direction: index % 3 === 0 ? 'DEBIT' : 'CREDIT',
    status: 'SUCCESS',
    timestamp: `2024-06-01T${String(9 + (index % 10)).padStart(2, '0')}:00:00+05:30`,
    transaction_type: 'PAYMENT',
    reference_number: `UTR${String(index).padStart(10, '0')}`,
    raw: { line: index },
  };
}

/**
 * A day of statement files: `count` JSON files of `perFile` transactions; the second file has one
 * row with a float-style amount (invalid: wrong scale), and with `corrupt` one more file that is
 * no statement at all (a PDF). Ids are unique across files.
 */
export function statementFiles(options: { count?: number; perFile?: number; corrupt?: boolean; prefix?: string } = {}): TestFile[] {
  const { count = 3, perFile = 4, corrupt = false, prefix = 'KOTAK' } = options;
  const files: TestFile[] = [];
  let n = 0;
  for (let f = 0; f < count; f++) {
    const rows: unknown[] = [];
    const ids: string[] = [];
    for (let r = 0; r < perFile; r++) {
      const id = `${prefix.toLowerCase()}-${f}-${r}`;
      rows.push(testTransaction(id, n++));
      ids.push(id);
    }
    let invalid = 0;
    if (f === 1) {
      rows.push({ ...testTransaction(`${prefix.toLowerCase()}-${f}-bad`, n++), amount: '12.5' });
      invalid = 1;
    }
    files.push({ name: `${prefix}_2024060${f + 1}.json`, content: JSON.stringify(rows, null, 1), mtime: BASE_MTIME + f * 60, ids, invalid });
  }
  if (corrupt) {
    // A PDF where a data file should be: a mistake banks make. No parser can read it.
    files.push({ name: `${prefix}_corrupt.json`, content: '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n', mtime: BASE_MTIME + count * 60, ids: [], invalid: 1 });
  }
  return files;
}

/** Every valid id of a dataset, in processing order. */
export function allIds(files: readonly TestFile[]): string[] {
  return files.flatMap((f) => f.ids);
}

/** Every invalid record of a dataset. */
export function invalidCount(files: readonly TestFile[]): number {
  return files.reduce((sum, f) => sum + f.invalid, 0);
}
