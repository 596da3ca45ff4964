import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidDataError } from '@recon/core';
import { CORPUS_PRESENT, corpusBytes, loadManifest } from './corpus.test-helper';
import { parseStatementFile } from './parse-statement-file';
import { toStandardTransactions } from './statement/to-transactions';

/**
 * Whatever the input, the parsers answer with a result or an InvalidDataError: never a TypeError,
 * a RangeError or a hang. (A hang would fail on the test runner's timeout; every scanner is linear.)
 */
function expectOnlyTypedErrors(input: string | Uint8Array): void {
  let file;
  try {
    file = parseStatementFile(input, { currency: 'EUR' });
  } catch (error) {
    if (!(error instanceof InvalidDataError)) throw error;
    return;
  }
  for (const statement of file.statements) for (const e of statement.errors) expect(e).toBeInstanceOf(InvalidDataError);
  const converted = toStandardTransactions(file, { source: 'fuzz', accountId: 'FUZZ' });
  for (const e of converted.errors) expect(e).toBeInstanceOf(InvalidDataError);
}

const MT_TOKENS = [':20:', ':25:', ':28C:', ':60F:', ':60M:', ':61:', ':62F:', ':62M:', ':64:', ':65:', ':86:', ':NS:', ':13D:', ':34F:', ':90D:', '{1:F01X}', '{2:I942X}', '{4:', '-}', '-', '\n', '\r\n', '\r', 'C', 'D', 'RC', 'RD', 'EUR', 'DEM', 'XXX', '240101', '0101', '12,34', '1.5', ',', 'NTRF', 'NONREF', '//', '?20', '?32', '>20', 'EREF+', 'SVWZ+', '/TRTP/', '/REMI/', '/OCMT/EUR1,00/', ' ', '@@', '\u001a', 'é', '\u0000'];
const XML_TOKENS = ['<Document>', '</Document>', '<BkToCstmrStmt>', '</BkToCstmrStmt>', '<Stmt>', '</Stmt>', '<Ntry>', '</Ntry>', '<Amt Ccy="EUR">', '<Amt>', '</Amt>', '<CdtDbtInd>', '</CdtDbtInd>', 'CRDT', 'DBIT', '<Bal>', '</Bal>', '<Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>', '<NtryDtls><TxDtls>', '</TxDtls></NtryDtls>', '<Btch><NbOfTxs>2</NbOfTxs></Btch>', '<Chrgs><Rcrd>', '</Rcrd></Chrgs>', '12.50', '-1', '&amp;', '&lol;', '<![CDATA[x]]>', '<!-- c -->', '<!DOCTYPE x>', '__proto__', ' ', '\n', '"'];
const CSV_TOKENS = ['Date', 'Narration', 'Withdrawal Amt.', 'Deposit Amt.', 'Closing Balance', ',', ';', '\t', '\n', '"', '01/04/24', '32/13/24', '1,23,456.78', '(5.00)', '5 Dr', '-', '0.00', 'x'];

describe('fuzzing: only typed errors, never a crash', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), expectOnlyTypedErrors), { numRuns: 500 });
  });

  it('MT940-shaped token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...MT_TOKENS), { maxLength: 200 }), (tokens) => expectOnlyTypedErrors(tokens.join(''))), { numRuns: 1000 });
  });

  it('camt-shaped token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...XML_TOKENS), { maxLength: 120 }), (tokens) => expectOnlyTypedErrors(tokens.join(''))), { numRuns: 1000 });
  });

  it('CSV-shaped token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...CSV_TOKENS), { maxLength: 200 }), (tokens) => expectOnlyTypedErrors(tokens.join(''))), { numRuns: 500 });
  });

  it('pathological shapes: one huge line, deep nesting, endless sub-fields', () => {
    expectOnlyTypedErrors(`:20:X\n:86:${'A'.repeat(2_000_000)}`);
    expectOnlyTypedErrors(`<Document><BkToCstmrStmt>${'<Stmt>'.repeat(100_000)}`);
    expectOnlyTypedErrors(`:20:X\n:25:1\n:60F:C240101EUR0,\n:61:240101C1,\n:86:166${'?20x'.repeat(200_000)}`);
    expectOnlyTypedErrors(`:20:X\n:61:240101C1,NTRF${'/'.repeat(500_000)}`);
    expectOnlyTypedErrors(`Date,Narration,Withdrawal Amt.,Deposit Amt.\n${'"'.repeat(300_000)}`);
  });
});

const corpus = loadManifest().filter((entry) => !entry.file.includes('subite') || entry.format !== 'camt053');

describe.runIf(CORPUS_PRESENT)('fuzzing mutated corpus files', () => {
  const mutation = fc.record({
    file: fc.integer({ min: 0, max: Math.max(0, corpus.length - 1) }),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('flip', 'delete', 'duplicate', 'insert', 'truncate'),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.integer({ min: 1, max: 64 }),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  });

  it('stay typed errors or results after byte flips, cuts, duplicates and insertions', () => {
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        let bytes = Array.from(corpusBytes((corpus[file] as { file: string }).file));
        for (const edit of edits) {
          const at = Math.floor(edit.at * bytes.length);
          if (edit.kind === 'flip' && bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = edit.byte;
          else if (edit.kind === 'delete') bytes.splice(at, edit.length);
          else if (edit.kind === 'duplicate') bytes.splice(at, 0, ...bytes.slice(at, at + edit.length));
          else if (edit.kind === 'insert') bytes.splice(at, 0, ...Array.from({ length: edit.length }, (_, i) => (edit.byte + i * 37) % 256));
          else bytes = bytes.slice(0, at);
        }
        expectOnlyTypedErrors(new Uint8Array(bytes));
      }),
      { numRuns: 600 },
    );
  });
});
