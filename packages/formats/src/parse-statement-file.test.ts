import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '@recon/core';
import { parseStatementFile, readTransactions, safeParseStatementFile } from './parse-statement-file';

const MT940 = ':20:STARTUMS\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR100,00\r\n:61:2401020102D10,00NTRFNONREF\r\n:86:166?20SVWZ+M\xfcller Miete?32M\xdcLLER\r\n:61:2401020102XD1,00\r\n:62F:C240102EUR89,00\r\n-';
const CAMT = '<?xml version="1.0" encoding="ISO-8859-1"?><Document><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>CH0309000000250090342</IBAN></Id></Acct><Ntry><Amt Ccy="CHF">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt><AddtlNtryInf>Z\xfcrich</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>';
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('parseStatementFile', () => {
  it('decodes bytes (windows-1252 here), detects MT940 and parses it', () => {
    const file = parseStatementFile(latin1(MT940));
    expect(file).toMatchObject({ format: 'mt940', encoding: 'windows-1252' });
    expect(file.warnings.map((w) => w.code)).toEqual(['ENCODING_FALLBACK']);
    expect(file.statements[0]?.entries[0]?.description).toBe('Müller Miete');
    expect(file.statements[0]?.entries[0]?.counterparty?.name).toBe('MÜLLER');
    // The bad line is reported, and the file still parses.
    expect(file.statements[0]?.errors.map((e) => e.code)).toEqual(['ENTRY_INVALID']);
  });

  it('follows the XML declaration for camt and reports the message', () => {
    const file = parseStatementFile(latin1(CAMT));
    expect(file).toMatchObject({ format: 'camt.053', encoding: 'latin1', messageId: 'M' });
    expect(file.statements[0]?.entries[0]?.information).toBe('Zürich');
  });

  it('takes a string as is (BOM removed) and honours a requested format', () => {
    expect(parseStatementFile(`\uFEFF${MT940}`).encoding).toBe('string');
    const file = parseStatementFile(CAMT, { format: 'camt.052' });
    expect(file.format).toBe('camt.053');
    expect(file.warnings).toContainEqual(expect.objectContaining({ code: 'FORMAT_DIFFERS' }));
  });

  it('reads CSV through the presets', () => {
    const file = parseStatementFile('Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n01/04/24,X,,01/04/24,,"1,00,000.00","1,00,000.00"\n', { csv: { accountId: 'A1' } });
    expect(file).toMatchObject({ format: 'csv', statements: [{ account: { id: 'A1' }, entries: [{ amount: { minor: 10000000n, currency: 'INR' } }] }] });
  });

  it('decodes cp852 when asked', () => {
    const bytes = new Uint8Array([...Buffer.from(':20:X\n:25:1\n:60F:C240101PLN0,00\n:61:240102C1,00NTRF\n:86:>20', 'latin1'), 0x9d, 0xa2, 0x64, 0xab, ...Buffer.from('\n:62F:C240102PLN1,00\n', 'latin1')]);
    expect(parseStatementFile(bytes, { encoding: 'cp852' }).statements[0]?.entries[0]?.description).toBe('Łódź');
  });

  it('rejects what is not a statement with a typed error that says why', () => {
    for (const [input, code, why] of [
      ['', 'FORMAT_UNKNOWN', /empty/],
      ['hello world', 'FORMAT_UNKNOWN', /no SWIFT tags/],
      ['<x><y/></x>', 'FORMAT_UNKNOWN', /root <x>/],
      ['[{"a":1}]', 'FORMAT_UNKNOWN', /readTransactions/],
      ['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"/>', 'NOT_A_STATEMENT', /camt.054/],
    ] as const) {
      const result = safeParseStatementFile(input);
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error).toBeInstanceOf(InvalidDataError);
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(why);
      }
    }
    expect(() => parseStatementFile(new Uint8Array([0xff, 0xfe, 0x00]), { encoding: 'utf-8' })).toThrow(expect.objectContaining({ code: 'ENCODING_INVALID' }));
  });
});

describe('readTransactions', () => {
  it('goes from an MT940 file to standard transactions, with the statement errors alongside', () => {
    const result = readTransactions(latin1(MT940), { source: 'sftp:demo' });
    expect(result.format).toBe('mt940');
    expect(result.transactions.map((t) => [t.amount, t.direction, t.account_id])).toEqual([['10.00', 'DEBIT', 'DE89370400440532013000']]);
    expect(result.errors.map((e) => e.code)).toEqual(['ENTRY_INVALID']);
    // The unreadable line is why the balance does not add up, and the warning says so.
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'BALANCE_MISMATCH', data: expect.objectContaining({ difference: '-1.00', unreadEntries: 1 }) }));
  });

  it('validates a JSON array of standard transactions element by element', () => {
    const txn = { schema_version: 1, txn_id: 't1', source: 'ledger', account_id: 'A', amount: '1.00', currency: 'INR', direction: 'CREDIT', status: 'SUCCESS', timestamp: '2024-01-01T00:00:00Z', transaction_type: 'OTHER', raw: null };
    const result = readTransactions(JSON.stringify([txn, { ...txn, amount: 1 }]), { source: 'ignored' });
    expect(result.format).toBe('json');
    expect(result.transactions).toHaveLength(1);
    expect(result.errors[0]?.code).toBe('TXN_INVALID');
  });
});
