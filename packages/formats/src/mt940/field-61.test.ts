import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseField61, type Field61 } from './field-61';

const parse = (value: string): Field61 => {
  const result = parseField61(value);
  if (!result.ok) throw new Error(result.problem);
  return result.field;
};

describe('parseField61', () => {
  it('reads the standard layout', () => {
    expect(parse('1405070507C500,NTRFNONREF//B4E07XM00J000023')).toEqual({
      valueDate: '140507',
      entryDate: '0507',
      mark: 'C',
      amount: '500,',
      typeCode: 'NTRF',
      customerReference: 'NONREF',
      bankReference: 'B4E07XM00J000023',
    });
  });

  it('reads reversal marks with a funds code letter (RD = reversal of a debit)', () => {
    expect(parse('2002010219RDR1027,25N068NONREF')).toMatchObject({ mark: 'RD', fundsCode: 'R', amount: '1027,25', typeCode: 'N068' });
    expect(parse('2002010219RCR1027,25N068NONREF')).toMatchObject({ mark: 'RC', fundsCode: 'R' });
  });

  it('tells a funds code from a mark (DD = debit in USD, CR = credit with funds code R)', () => {
    expect(parse('1203290329DD20000,00NTRF1004688128      //6128522200250001')).toMatchObject({ mark: 'D', fundsCode: 'D', customerReference: '1004688128', bankReference: '6128522200250001' });
    expect(parse('0709070904CR50990,05NTRFNONREF//0724710333343453')).toMatchObject({ mark: 'C', fundsCode: 'R' });
    expect(parse('0909290929DK829419,78NTRFDansken')).toMatchObject({ mark: 'D', fundsCode: 'K', customerReference: 'Dansken' });
  });

  it('accepts a blank or space-filled entry date and a space before the type code', () => {
    expect(parse('200101    D65,00NMSCNONREF')).toMatchObject({ valueDate: '200101', mark: 'D', amount: '65,00' });
    expect(parse('200101    D65,00NMSCNONREF').entryDate).toBeUndefined();
    expect(parse('2006080608D12,35 NRTIKREF+//2016021783252833')).toMatchObject({ typeCode: 'NRTI', customerReference: 'KREF+' });
  });

  it('reads dot decimals with zero padding (Rabobank 2003)', () => {
    expect(parse('030109C000000000300.00NMSC170059286')).toMatchObject({ amount: '000000000300.00', typeCode: 'NMSC', customerReference: '170059286' });
  });

  it('reads four-character types with a space, and no type at all', () => {
    expect(parse('100722D25,03NOV NONREF')).toMatchObject({ typeCode: 'NOV', customerReference: 'NONREF' });
    expect(parse('2011301130CN220000,00//19239782213')).toMatchObject({ fundsCode: 'N', bankReference: '19239782213' });
    expect(parse('2011301130CN220000,00//19239782213').typeCode).toBeUndefined();
    expect(parse('2009020902D20,00NONREF')).toMatchObject({ customerReference: 'NONREF' });
    expect(parse('2009020902D20,00NONREF').typeCode).toBeUndefined();
  });

  it('keeps long references whole and splits a fixed-width padded one', () => {
    expect(parse('2301010101D5,00NTRFTRANSFER-1234567890-ABCDEFGH').customerReference).toBe('TRANSFER-1234567890-ABCDEFGH');
    expect(parse('030111D000000000500.00NMSC1173113681      ROBECO')).toMatchObject({ customerReference: '1173113681', supplementary: 'ROBECO' });
  });

  it('takes the second line as supplementary details', () => {
    expect(parse('1501260125DR52,58NTRFITM1234567890123\nVisa')).toMatchObject({ customerReference: 'ITM1234567890123', supplementary: 'Visa' });
    expect(parse('2006080608D12,35 NRTIKREF+//2016021783252833\n/OCMT/EUR11,85//CHGS/EUR0,50/').supplementary).toBe('/OCMT/EUR11,85//CHGS/EUR0,50/');
  });

  it('says what is wrong with a line it cannot read', () => {
    expect(parseField61('ABC')).toEqual({ ok: false, problem: 'a :61: line must start with a YYMMDD value date' });
    expect(parseField61('200101X5,00')).toEqual({ ok: false, problem: 'missing debit/credit mark (C, D, RC, RD) after the dates' });
    expect(parseField61('200101DX')).toEqual({ ok: false, problem: 'missing or malformed amount after the debit/credit mark' });
  });

  it('round-trips generated lines: amount, mark and references survive (property)', () => {
    const ref = fc.stringMatching(/^[A-Z0-9][A-Z0-9 .-]{0,14}[A-Z0-9]$/).filter((r) => !r.includes('  ') && !r.startsWith('NONREF'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('C', 'D', 'RC', 'RD'),
        fc.option(fc.constantFrom('R', 'K', 'N'), { nil: undefined }),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.constantFrom('NTRF', 'NMSC', 'N051', 'FCHG'),
        ref,
        fc.option(fc.stringMatching(/^[A-Z0-9]{1,16}$/), { nil: undefined }),
        (yy, mm, dd, mark, funds, minor, type, customer, bank) => {
          const date = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}`;
          const amount = `${minor / 100n},${String(minor % 100n).padStart(2, '0')}`;
          const line = `${date}${date.slice(2)}${mark}${funds ?? ''}${amount}${type}${customer}${bank ? `//${bank}` : ''}`;
          const field = parse(line);
          expect(field).toMatchObject({ valueDate: date, mark, amount, typeCode: type, customerReference: customer });
          expect(field.fundsCode).toBe(funds);
          expect(field.bankReference).toBe(bank);
        },
      ),
    );
  });
});
