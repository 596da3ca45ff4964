import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits } from '@recon/core';
import { parseCsvStatement } from './parse-csv';

const HDFC = [
  'HDFC BANK Ltd.,,,,,,',
  'Account No :50100012345678,,,,,,',
  'Statement From : 01/04/2024 To : 30/04/2024,,,,,,',
  ',,,,,,',
  'Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance',
  '01/04/24,NEFT CR-AXIS0000001-RAZORPAY SOFTWARE-AXISCN0118376057,0000AXISCN0118376057,01/04/24,,"1,23,456.78","2,23,456.78"',
  '02/04/24,UPI-CAFE COFFEE DAY-cafe@okaxis-UTIB0000001-410214567890-PAYMENT,0000410214567890,02/04/24,250.00,,"2,23,206.78"',
  '03/04/24,CHQ PAID-MICR CLG-ACME,000123,04/04/24,"10,000.00",,"2,13,206.78"',
  ',,,,,,',
  'STATEMENT SUMMARY :-,,,,,,',
  'Opening Balance,Dr Count,Cr Count,Debits,Credits,Closing Bal,',
  '"1,00,000.00",2,1,"10,250.00","1,23,456.78","2,13,206.78",',
].join('\n');

const ICICI = [
  'DETAILED STATEMENT,,,,,,,',
  'Transactions List - ACME PRIVATE LIMITED (INR) - 000405001234,,,,,,,',
  'S No.,Value Date,Transaction Date,Cheque Number,Transaction Remarks,Withdrawal Amount (INR ),Deposit Amount (INR ),Balance (INR )',
  '1,01/04/2024,01/04/2024,-,MMT/IMPS/104910349740/Payment/ACME/HDFC0000001,0.00,5000.00,15000.00',
  '2,02/04/2024,02/04/2024,-,UPI/365744674436/chai/x@okicici/ICICI Bank,20.00,0.00,14980.00',
  'Legends Used in Account Statement,,,,,,,',
].join('\r\n');

const SBI = [
  'Account Name\t:\tMr. RAM KUMAR',
  'Account Number\t:\t00000012345678901',
  '',
  'Txn Date\tValue Date\tDescription\tRef No./Cheque No.\tDebit\tCredit\tBalance',
  '1 Apr 2024\t1 Apr 2024\tBY TRANSFER-NEFT*HDFC0000001*N091240012345678*RAZORPAY\tTRANSFER FROM 123\t\t1,000.00\t11,000.00',
  '2 Apr 2024\t2 Apr 2024\tTO TRANSFER-UPI/DR/409312345678/SWIGGY/YESB/swiggy@yes\tTRANSFER TO 456\t250.00\t\t10,750.00',
  '**This is a computer generated statement and does not require a signature.**',
].join('\n');

const AXIS = [
  'Statement of Account No - 912020012345678 for the period (From : 01-04-2024 To : 30-04-2024)',
  'SRL NO,Tran Date,CHQNO,PARTICULARS,DR,CR,BAL,SOL',
  '1,01-04-2024,,OPENING BALANCE,,,"5,000.00",',
  '2,02-04-2024,,RTGS/UTIBR52024040112345678/ACME CORP,,"2,00,000.00","2,05,000.00",4123',
  '3,03-04-2024,456789,CLG/456789/SUPPLIER,"50,000.00",,"1,55,000.00",4123',
].join('\n');

const KOTAK_OLD = [
  'Account No.,1234567890',
  'Sl. No.,Date,Description,Chq / Ref number,Amount,Dr / Cr,Balance,Dr / Cr',
  '1,01-04-2024,IMPS-104910349740-ACME,IMPS-104910349740,"5,000.00",CR,"15,000.00",CR',
  '2,02-04-2024,UPI/DR/409312345678/ZOMATO,UPI-409312345678,350.00,DR,"14,650.00",CR',
  '3,03-04-2024,NACH DEBIT LOAN EMI,NACH-1,"20,000.00",DR,"5,350.00",DR',
].join('\n');

const KOTAK_NEW = [
  'Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Withdrawal (Dr),Deposit (Cr),Balance',
  '1,01/04/2024,01/04/2024,NEFT AXISCN0118376057 RAZORPAY,NEFTINW-123,,"1,00,000.00","1,00,000.00"',
].join('\n');

describe('parseCsvStatement with the bank presets', () => {
  it('HDFC: two-digit years, separate columns, Indian grouping, junk rows reported', () => {
    const { statement, mapping, warnings } = parseCsvStatement(HDFC, { mapping: 'hdfc' });
    expect(mapping).toBe('hdfc');
    expect(statement.account.id).toBe('50100012345678');
    expect(statement.entries.map((e) => [e.bookingDate, e.valueDate, e.amount.minor, e.direction, e.balanceAfter?.minor])).toEqual([
      ['2024-04-01', '2024-04-01', 12345678n, 'CREDIT', 22345678n],
      ['2024-04-02', '2024-04-02', -25000n, 'DEBIT', 22320678n],
      ['2024-04-03', '2024-04-04', -1000000n, 'DEBIT', 21320678n],
    ]);
    expect(statement.entries[2]?.references).toEqual({ chequeNumber: '000123', customerReference: '000123' });
    expect(statement.entries[0]?.raw).toBe('01/04/24,NEFT CR-AXIS0000001-RAZORPAY SOFTWARE-AXISCN0118376057,0000AXISCN0118376057,01/04/24,,"1,23,456.78","2,23,456.78"');
    expect(warnings[0]).toMatchObject({ code: 'ROWS_SKIPPED', data: { count: 6 } });
    expect(statement.openingBalance).toMatchObject({ code: 'DERIVED', amount: { minor: 10000000n } });
    expect(statement.closingBalance?.amount.minor).toBe(21320678n);
    expect(statement.warnings).toEqual([]);
    expect(statement.errors).toEqual([]);
  });

  it('ICICI: zero in the other column, transaction remarks, auto-detected', () => {
    const { statement, mapping } = parseCsvStatement(ICICI);
    expect(mapping).toBe('icici');
    expect(statement.entries.map((e) => [e.amount.minor, e.description])).toEqual([
      [500000n, 'MMT/IMPS/104910349740/Payment/ACME/HDFC0000001'],
      [-2000n, 'UPI/365744674436/chai/x@okicici/ICICI Bank'],
    ]);
    expect(statement.warnings).toEqual([]);
  });

  it('SBI: tab separated, "1 Apr 2024" dates', () => {
    const { statement } = parseCsvStatement(SBI, { mapping: 'sbi' });
    expect(statement.account.id).toBe('00000012345678901');
    expect(statement.entries.map((e) => [e.bookingDate, e.amount.minor])).toEqual([
      ['2024-04-01', 100000n],
      ['2024-04-02', -25000n],
    ]);
  });

  it('Axis: the OPENING BALANCE row is the stated opening balance, not an entry', () => {
    const { statement } = parseCsvStatement(AXIS, { mapping: 'axis' });
    expect(statement.entries.map((e) => e.amount.minor)).toEqual([20000000n, -5000000n]);
    expect(statement.openingBalance).toMatchObject({ code: 'BALANCE_ROW', amount: { minor: 500000n }, date: '2024-04-01' });
    expect(statement.warnings).toEqual([]);
  });

  it('Kotak: the older Amount + Dr/Cr layout (a debit balance included) and the newer one', () => {
    const old = parseCsvStatement(KOTAK_OLD, { mapping: 'kotak' }).statement;
    expect(old.entries.map((e) => [e.amount.minor, e.balanceAfter?.minor])).toEqual([
      [500000n, 1500000n],
      [-35000n, 1465000n],
      [-2000000n, -535000n],
    ]);
    expect(old.warnings).toEqual([]);
    expect(parseCsvStatement(KOTAK_NEW, { mapping: 'kotak' }).statement.entries[0]?.amount.minor).toBe(10000000n);
  });

  it('auto-detects each preset', () => {
    expect([HDFC, ICICI, SBI, AXIS, KOTAK_OLD].map((text) => parseCsvStatement(text).mapping)).toEqual(['hdfc', 'icici', 'sbi', 'axis', 'kotak']);
  });
});

describe('parseCsvStatement: problems and custom mappings', () => {
  it('reports a bad row with its text and line, and keeps the others', () => {
    const text = `${HDFC.split('\n').slice(0, 6).join('\n')}\n02/04/24,BAD,1,02/04/24,12a.00,,"2,23,206.78"\n32/04/24,BAD DATE,1,,1.00,,\n03/04/24,BOTH,1,,1.00,2.00,`;
    const { statement } = parseCsvStatement(text, { mapping: 'hdfc' });
    expect(statement.entries).toHaveLength(1);
    expect(statement.errors.map((e) => [e.code, (e.details as { line: number }).line])).toEqual([
      ['ENTRY_INVALID', 7],
      ['ENTRY_INVALID', 8],
      ['ENTRY_INVALID', 9],
    ]);
    expect(statement.errors[2]?.message).toContain('both withdrawal (1.00) and deposit (2.00) are filled');
    expect(statement.errors[0]?.raw).toBe('02/04/24,BAD,1,02/04/24,12a.00,,"2,23,206.78"');
  });

  it('warns about a row whose running balance does not follow, newest-first order included', () => {
    const rows = ['Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance', '04/04/24,D,,1.00,140.00', '03/04/24,C,,10.00,135.00', '02/04/24,B,5.00,,125.00', '01/04/24,A,,30.00,130.00'];
    const { statement } = parseCsvStatement(rows.join('\n'), { mapping: 'hdfc' });
    expect(statement.warnings.map((w) => w.code)).toEqual(['ROW_BALANCE_MISMATCH', 'BALANCE_MISMATCH']);
    expect(statement.warnings[0]).toMatchObject({ line: 2, data: { expected: '136.00', balance: '140.00', order: 'newest-first' } });
    expect(statement.openingBalance?.amount.minor).toBe(10000n);
  });

  it('reads a custom mapping by column index, with decimal commas and a signed amount column', () => {
    const text = '2024-04-01;Miete;-1.250,00\n2024-04-02;Gehalt;3.000,50\n';
    const { statement, mapping } = parseCsvStatement(text, {
      mapping: { name: 'my-bank', columns: { date: 0, description: 1, amount: 2 }, dateFormats: ['yyyy-mm-dd'], currency: 'EUR', decimalSeparator: ',', delimiter: ';' },
      accountId: 'DE1',
    });
    expect(mapping).toBe('my-bank');
    expect(statement.account.id).toBe('DE1');
    expect(statement.entries.map((e) => [e.amount.minor, e.amount.currency])).toEqual([
      [-125000n, 'EUR'],
      [300050n, 'EUR'],
    ]);
  });

  it('rejects a file without a matching header, naming what it looked for', () => {
    expect(() => parseCsvStatement('a,b,c\n1,2,3\n')).toThrow(expect.objectContaining({ code: 'NOT_A_STATEMENT', message: expect.stringContaining('hdfc, icici, sbi, axis, kotak') }));
  });

  it('reads any amount written with Indian digit grouping exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 13n }), fc.boolean()), { minLength: 1, maxLength: 20 }), (rows) => {
        const rupees = (paise: bigint) => `${groupDigits((paise / 100n).toString(), 'indian')}.${String(paise % 100n).padStart(2, '0')}`;
        let balance = 0n;
        const lines = ['Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance'];
        for (const [paise, credit] of rows) {
          balance += credit ? paise : -paise;
          const abs = balance < 0n ? -balance : balance;
          lines.push(`01/04/24,X,,01/04/24,${credit ? '' : `"${rupees(paise)}"`},${credit ? `"${rupees(paise)}"` : ''},"${balance < 0n ? '-' : ''}${rupees(abs)}"`);
        }
        const { statement } = parseCsvStatement(lines.join('\n'), { mapping: 'hdfc' });
        expect(statement.entries.map((e) => e.amount.minor)).toEqual(rows.map(([p, c]) => (c ? p : -p)));
        expect(statement.closingBalance?.amount.minor).toBe(balance);
        expect(statement.warnings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
