import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidDataError } from '@recon/core';
import { CORPUS_PRESENT, corpusBytes, loadManifest } from './corpus.test-helper';
import { iterateStatementFile, iterateTransactions, type StatementTransactions } from './iterate-statement-file';
import { iterateMt940, parseMt940 } from './mt940/parse-mt940';
import { parseStatementFile, readTransactions, type StatementInput } from './parse-statement-file';

/** JSON with bigints and errors spelled out, so "equal" means byte-identical output. */
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Error ? Object.assign({ name: v.name, message: v.message }, v) : v));

/** The outcome of a call as JSON: its result, or the error it threw. */
function outcome(run: () => unknown): string {
  try {
    return json({ ok: run() });
  } catch (error) {
    return json({ threw: error });
  }
}

/** The streaming readers, collected back into the batch readers' shapes. */
function streamedFile(input: StatementInput) {
  const iteration = iterateStatementFile(input);
  const statements = [...iteration];
  const { format, encoding, messageName, messageId, createdAt, warnings } = iteration;
  return { format, encoding, ...(messageName && { messageName }), ...(messageId && { messageId }), ...(createdAt && { createdAt }), statements, warnings };
}

function streamedTransactions(input: StatementInput) {
  const iteration = iterateTransactions(input, { source: 'sftp:test' });
  const chunks: StatementTransactions[] = [...iteration];
  const statements = chunks.flatMap((c) => (c.statement ? [c.statement] : []));
  const { format, encoding, messageName, messageId, createdAt } = iteration;
  const file = format === 'json' ? undefined : { format, encoding, ...(messageName && { messageName }), ...(messageId && { messageId }), ...(createdAt && { createdAt }), statements, warnings: iteration.warnings };
  return {
    format: iteration.format,
    ...(file && { file }),
    transactions: chunks.flatMap((c) => c.transactions),
    errors: [...statements.flatMap((s) => s.errors), ...chunks.flatMap((c) => c.errors)],
    warnings: [...(file ? iteration.warnings : []), ...statements.flatMap((s) => s.warnings), ...chunks.flatMap((c) => c.warnings)],
  };
}

function expectSameAsBatch(input: StatementInput): void {
  const batch = outcome(() => parseStatementFile(input));
  expect(outcome(() => streamedFile(input))).toBe(batch);
  expect(outcome(() => streamedTransactions(input))).toBe(outcome(() => readTransactions(input, { source: 'sftp:test' })));
}

const statement = (n: number, opening: string, closing: string, extra = '') =>
  `:20:REF${n}\r\n:25:NL91ABNA0417164300/EUR\r\n:28C:${n}/1\r\n:60F:C240101EUR${opening}\r\n:61:2401020102D1,00NTRFNONREF//B${n}\r\n:86:?20SVWZ+payment ${n}?32Someone\r\n${extra}:62F:C240102EUR${closing}\r\n-\r\n`;

describe('iterateMt940', () => {
  it('yields the statements of parseMt940 one by one, with the same file warnings at the end', () => {
    const text = `BANK HEADER\r\n${statement(1, '10,00', '9,00')}${statement(2, '9,00', '8,00')}${statement(3, '7,00', '6,00')}`;
    const iteration = iterateMt940(text);
    expect(iteration.warnings).toEqual([]);
    const first = iteration.next();
    expect(first.done).toBe(false);
    expect(first.value?.id).toBe('REF1');
    const rest = [...iteration];
    expect(json([first.value, ...rest])).toBe(json(parseMt940(text).statements));
    // The third statement opens at 7,00 after a close at 8,00: the continuity warning is there too.
    expect(rest[1]?.warnings.map((w) => w.code)).toContain('BALANCE_DISCONTINUITY');
    expect(iteration.warnings.map((w) => w.code)).toEqual(['LINES_SKIPPED']);
    expect(json(iteration.warnings)).toBe(json(parseMt940(text).warnings));
    expect(iteration.next().done).toBe(true);
  });

  it('throws NOT_A_STATEMENT at the end of a text without a message, as parseMt940 does', () => {
    const iteration = iterateMt940('no tags here\n');
    expect(() => iteration.next()).toThrow(InvalidDataError);
    expect(() => parseMt940('no tags here\n')).toThrow(InvalidDataError);
  });

  it('counts every skipped line but keeps only the first 20 as examples', () => {
    const junk = Array.from({ length: 50 }, (_, i) => `junk ${i}`).join('\n');
    const [warning] = parseMt940(`${junk}\n${statement(1, '1,00', '0,00')}`).warnings;
    expect(warning?.data).toMatchObject({ count: 50 });
    expect((warning?.data as { lines: unknown[] }).lines).toHaveLength(20);
  });
});

describe('iterateStatementFile and iterateTransactions equal the batch readers', () => {
  it('on MT940 with envelopes, skipped lines, MT942 and discontinuities', () => {
    const mt942 = '{1:F01BANKXXXX0000000000}{2:I942BANKXXXXN}{4:\r\n:20:X\r\n:25:ACC1\r\n:28C:1\r\n:34F:EUR0,\r\n:13D:2401021200+0100\r\n:61:2401020102C5,00NTRFNONREF\r\n:86:hello\r\n:90C:1EUR5,00\r\n-}\r\n';
    for (const input of [statement(1, '1,00', '0,00'), `HEADER\r\n${statement(1, '1,00', '0,00')}${statement(2, '5,00', '4,00')}`, mt942, mt942 + mt942, `${mt942}${statement(1, '1,00', '0,00')}`]) {
      expectSameAsBatch(input);
      expectSameAsBatch(Buffer.from(input, 'latin1'));
    }
  });

  it('on other formats and on rejected input', () => {
    expectSameAsBatch('Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n01/04/24,UPI-123,10.00,,90.00\n');
    expectSameAsBatch('[]');
    expectSameAsBatch('hello');
    expectSameAsBatch('');
  });

  it('on MT940-shaped token soup', () => {
    const tokens = [':20:', ':25:', ':28C:', ':60F:', ':61:', ':62F:', ':86:', ':NS:', ':13D:', ':90D:', '{2:I942X}', '{4:', '-}', '-', '\n', '\r\n', 'C', 'D', 'EUR', '240101', '12,34', 'NTRF', '//', '?20', 'x', ' '];
    fc.assert(fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 150 }), (parts) => expectSameAsBatch(parts.join(''))), { numRuns: 300 });
  });

  it.runIf(CORPUS_PRESENT)('on every corpus file', () => {
    const files = loadManifest();
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) expectSameAsBatch(corpusBytes(entry.file));
    // And on the MT files concatenated, where continuity runs across files.
    const mt = files.filter((e) => e.format === 'mt940' || e.format === 'mt942').map((e) => Buffer.from(corpusBytes(e.file)));
    expectSameAsBatch(Buffer.concat(mt.flatMap((b) => [b, Buffer.from('\r\n')])));
  });
});
