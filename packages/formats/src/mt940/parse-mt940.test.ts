import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '@recon/core';
import { parseMt940 } from './parse-mt940';

const lines = (...rows: string[]) => rows.join('\r\n');

const TWO_PAGES = lines(
  '{1:F01BANKDEFFAXXX0000000000}{2:I940BANKDEFFXXXXN}{4:',
  ':20:STARTUMSE',
  ':25:DE89370400440532013000',
  ':28C:00001/001',
  ':60F:C240101EUR1000,00',
  ':61:2401020102D100,00NTRFNONREF//BANKREF1',
  ':86:166?00GUTSCHRIFT?20EREF+E2E-1 SVWZ+Invoice 1?32ACME GMBH',
  ':61:2401020102C50,NTRF4711//BANKREF2',
  '/OCMT/USD55,00//CHGS/EUR1,50/',
  ':86:/TRTP/SEPA OVERBOEKING/NAME/Someone/REMI/USTD//Thanks/',
  ':62M:C240102EUR950,00',
  '-}',
  '{1:F01BANKDEFFAXXX0000000000}{2:I940BANKDEFFXXXXN}{4:',
  ':20:STARTUMSE',
  ':25:DE89370400440532013000',
  ':28C:00001/002',
  ':60M:C240102EUR960,00',
  ':61:2401030103RD10,00NTRFNONREF',
  ':62F:C240103EUR970,00',
  ':64:C240103EUR970,00',
  ':65:C240104EUR970,00',
  ':86:/SUM/2/1/100,00/60,00/',
  '-}',
);

describe('parseMt940', () => {
  const { statements, warnings } = parseMt940(TWO_PAGES);
  const [first, second] = statements;

  it('reads each message as a statement with account, sequence, currency and balances', () => {
    expect(warnings).toEqual([]);
    expect(statements).toHaveLength(2);
    expect(first).toMatchObject({
      format: 'mt940',
      id: 'STARTUMSE',
      sequence: '00001/001',
      currency: 'EUR',
      account: { id: 'DE89370400440532013000', iban: 'DE89370400440532013000' },
      openingBalance: { kind: 'opening', code: '60F', amount: { minor: 100000n, currency: 'EUR' }, date: '2024-01-01' },
      closingBalance: { kind: 'interim-closing', code: '62M', amount: { minor: 95000n, currency: 'EUR' } },
    });
    expect(second?.balances.map((b) => [b.kind, b.code])).toEqual([
      ['interim-opening', '60M'],
      ['closing', '62F'],
      ['closing-available', '64'],
      ['forward-available', '65'],
    ]);
  });

  it('reads entries: signed amounts, dates, type, references, narrative dialect and raw text', () => {
    const [debit, credit] = first?.entries ?? [];
    expect(debit).toMatchObject({
      index: 0,
      amount: { minor: -10000n, currency: 'EUR' },
      direction: 'DEBIT',
      reversal: false,
      status: 'booked',
      valueDate: '2024-01-02',
      bookingDate: '2024-01-02',
      typeCode: 'NTRF',
      description: 'Invoice 1',
      counterparty: { name: 'ACME GMBH' },
      references: { accountServicerReference: 'BANKREF1', endToEndId: 'E2E-1' },
      line: 6,
    });
    expect(debit?.references.customerReference).toBeUndefined();
    expect(debit?.raw).toBe(':61:2401020102D100,00NTRFNONREF//BANKREF1\r\n:86:166?00GUTSCHRIFT?20EREF+E2E-1 SVWZ+Invoice 1?32ACME GMBH');
    expect(credit).toMatchObject({
      amount: { minor: 5000n },
      description: 'Thanks',
      references: { customerReference: '4711', accountServicerReference: 'BANKREF2' },
      supplementaryDetails: '/OCMT/USD55,00//CHGS/EUR1,50/',
      amountDetails: { instructed: { amount: { minor: 5500n, currency: 'USD' } } },
      charges: [{ amount: { minor: -150n, currency: 'EUR' } }],
      details: { dialect: 'slash-tags' },
    });
  });

  it('drops placeholder references in any ASCII case, and keeps look-alikes', () => {
    const refs = (customer: string) => {
      const text = lines(':20:X', ':25:1', ':60F:C240101EUR0,00', `:61:2401020102C1,00NTRF${customer}//${customer}`, ':62F:C240102EUR1,00', '-');
      return parseMt940(text).statements[0]?.entries[0]?.references;
    };
    for (const placeholder of ['NONREF', 'nonref', 'NoRef', 'NONE', 'NOTPROVIDED', 'notprovided', 'N', 'n', '-']) expect(refs(placeholder)).toEqual({});
    // Without the `u` flag the pattern folds ASCII letters only: a dotless ı is not an I.
    for (const reference of ['NOTPROVıDED', 'NONREF1', 'NN', '--', 'NONREFS']) {
      expect(refs(reference)).toEqual({ customerReference: reference, accountServicerReference: reference });
    }
  });

  it('gives a reversal of a debit (RD) a credit sign', () => {
    expect(second?.entries[0]).toMatchObject({ amount: { minor: 1000n }, direction: 'CREDIT', reversal: true, rawStatus: 'RD' });
  });

  it('keeps a :86: after the closing balance as statement information, not entry text', () => {
    expect(second?.information).toEqual(['/SUM/2/1/100,00/60,00/']);
    expect(second?.entries[0]?.information).toBeUndefined();
  });

  it('warns about a page break whose balances do not join, with both figures', () => {
    expect(first?.warnings).toEqual([]);
    const gap = second?.warnings.find((w) => w.code === 'BALANCE_DISCONTINUITY');
    expect(gap?.data).toMatchObject({ previousClosing: '950.00', previousClosingCode: '62M', opening: '960.00', openingCode: '60M', difference: '10.00' });
  });

  it('warns (never throws) when opening + entries ≠ closing, with the figures', () => {
    const { statements: [s] } = parseMt940(lines(':20:X', ':25:1', ':60F:C240101EUR100,00', ':61:240102C5,00NTRF', ':62F:C240102EUR200,00', '-'));
    expect(s?.warnings).toEqual([
      expect.objectContaining({
        code: 'BALANCE_MISMATCH',
        data: expect.objectContaining({ opening: '100.00', entriesSum: '5.00', expectedClosing: '105.00', closing: '200.00', difference: '95.00', currency: 'EUR' }),
      }),
    ]);
  });

  it('reports a bad line as an error with its raw text and keeps reading the rest', () => {
    const { statements: [s] } = parseMt940(lines(':20:X', ':60F:C240101EUR100,00', ':61:2401XXD5,00NTRF', ':86:broken line text', ':61:240102C5,00NTRF', ':62F:C240102EUR105,00', ':65:Dnullnull7414,3'));
    expect(s?.entries).toHaveLength(1);
    expect(s?.errors.map((e) => [e.code, e.raw])).toEqual([
      ['ENTRY_INVALID', ':61:2401XXD5,00NTRF\r\n:86:broken line text'],
      ['FIELD_INVALID', ':65:Dnullnull7414,3'],
    ]);
    expect(s?.errors[0]).toBeInstanceOf(InvalidDataError);
    expect(s?.errors[0]?.message).toContain('line 3');
  });

  it('reads MT942: date-time, floor limits, entry counts, and checks the counts', () => {
    const { statements: [s] } = parseMt940(
      lines(':20:TECHMIX', ':25:PL89106000760000321000006053', ':28C:00001/001', ':34F:PLND100,', ':34F:PLNC0,', ':13D:0506100744+0200', ':61:0506100610D93,17FMSCNONREF', ':61:0506100610D93,16FMSCNONREF', ':90D:2PLN186,33', ':90C:1PLN5,00'),
    );
    expect(s).toMatchObject({
      format: 'mt942',
      createdAt: '2005-06-10T07:44:00+02:00',
      currency: 'PLN',
      floorLimits: { debit: { minor: 10000n, currency: 'PLN' }, credit: { minor: 0n, currency: 'PLN' } },
      summary: { debits: { count: 2, sum: { minor: -18633n } }, credits: { count: 1, sum: { minor: 500n } } },
    });
    expect(s?.warnings.map((w) => w.code)).toEqual(['SUMMARY_MISMATCH']);
    expect(s?.warnings[0]?.data).toMatchObject({ side: 'credits', statedCount: 1, count: 0 });
  });

  it('carries :NS: and unknown tags through, on the entry when they sit inside one', () => {
    const { statements: [s] } = parseMt940(lines(':20:X', ':25:1', ':60F:C170101PLN0,00', ':61:170131DN25,00FCHGNONREF', ':NS:01My Street 17\r\n02City', ':86:>20Opłata', ':12:11', ':62F:D170131PLN25,00'));
    expect(s?.entries[0]?.extras).toEqual([{ tag: 'NS', value: '01My Street 17\n02City', line: 5 }]);
    expect(s?.entries[0]?.description).toBe('Opłata');
    expect(s?.extras).toEqual([{ tag: '12', value: '11', line: 8 }]);
  });

  it('reports currency-less fragments entry by entry, and reads them with options.currency', () => {
    const fragment = ':61:0712211220C4,N196NONREF';
    const bare = parseMt940(fragment);
    expect(bare.statements[0]?.errors[0]?.message).toMatch(/currency/);
    expect(parseMt940(fragment, { currency: 'EUR' }).statements[0]?.entries[0]?.amount).toEqual({ minor: 400n, currency: 'EUR' });
  });

  it('reports skipped header lines and one-line fields with junk after them', () => {
    const result = parseMt940(lines('BUNQNL2A', '940', ':20:BUNQ BV', ':62F:C190131EUR32,33', ':86 :D000001C000002'));
    expect(result.warnings[0]).toMatchObject({ code: 'LINES_SKIPPED', data: { count: 2 } });
    expect(result.statements[0]?.closingBalance?.amount.minor).toBe(3233n);
    expect(result.statements[0]?.warnings.map((w) => w.code)).toEqual(['FIELD_CONTINUATION_IGNORED']);
  });

  it('rejects text without MT940 tags, and explains @@ line breaks', () => {
    expect(() => parseMt940('hello\nworld')).toThrow(expect.objectContaining({ code: 'NOT_A_STATEMENT' }));
    expect(() => parseMt940('@@:20:STARTUMS@@:25:1')).toThrow(/atAtLineBreaks/);
    const read = parseMt940('@@:20:STARTUMS@@:25:72090900/1@@:60F:C160420EUR1,00@@:61:160421D0,02NMSCKREF+@@:62F:C160421EUR0,98', { atAtLineBreaks: true });
    expect(read.statements[0]?.entries[0]?.amount.minor).toBe(-2n);
    expect(read.statements[0]?.warnings).toEqual([]);
  });
});

describe('parseMt940 key order', () => {
  // Statements and entries are made in one piece at the end; their keys must still come in the
  // order the fields set them, which is what JSON output and Object.keys show.
  it('keeps the usual order of statement and entry keys', () => {
    const [statement] = parseMt940(TWO_PAGES).statements;
    expect(Object.keys(statement ?? {})).toEqual(['format', 'account', 'balances', 'entries', 'information', 'extras', 'warnings', 'errors', 'line', 'currency', 'id', 'sequence', 'openingBalance', 'closingBalance']);
    const [debit, credit] = statement?.entries ?? [];
    expect(Object.keys(debit ?? {})).toEqual(['index', 'amount', 'direction', 'reversal', 'status', 'rawStatus', 'valueDate', 'references', 'transactions', 'extras', 'line', 'raw', 'bookingDate', 'typeCode', 'information', 'details', 'counterparty', 'description']);
    expect(Object.keys(debit?.details ?? {})).toEqual(['dialect', 'fields', 'code', 'bookingText', 'references', 'purpose', 'counterparty']);
    expect(Object.keys(credit ?? {})).toEqual(['index', 'amount', 'direction', 'reversal', 'status', 'rawStatus', 'valueDate', 'references', 'transactions', 'extras', 'line', 'raw', 'bookingDate', 'typeCode', 'supplementaryDetails', 'information', 'details', 'counterparty', 'description', 'amountDetails', 'charges']);
  });

  it('orders statement keys by the first field that set each, whatever the field order', () => {
    // (A `:20:` after body fields would start a new message, so it comes early here.)
    const text = lines(':13D:2401031200+0100', ':34F:EURD1,00', ':20:REF', ':62F:C240103EUR5,00', ':28C:7/1', ':60F:C240102EUR5,00', ':28C:7/2', '-');
    const { statements } = parseMt940(text);
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(Object.keys(statement ?? {})).toEqual(['format', 'account', 'balances', 'entries', 'information', 'extras', 'warnings', 'errors', 'line', 'currency', 'createdAt', 'floorLimits', 'id', 'closingBalance', 'sequence', 'openingBalance']);
    expect(statement?.sequence).toBe('7/2');
    expect(Object.values(statement ?? {})).not.toContain(undefined);
  });
});
