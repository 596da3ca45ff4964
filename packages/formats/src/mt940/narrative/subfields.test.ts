import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subfieldsDialect } from './subfields';

describe('subfields dialect (German GVC ?NN, Polish and Triodos >NN)', () => {
  it('reads GVC sub-fields, SEPA keys split across wrapped lines, and the counterparty', () => {
    const text = '109?00SEPA-LASTSCHR. RETOURE CORE?109075/629?20EREF+A1.200080779.\n400143254?21.4961336 KREF+SEPA-DA202006?2201221740-34972000-P1 MR\nEF+2?230852HW2723821 CRED+DE41EON0?240000129793 OAMT+11,85 SVWZ+?\n25SONSTIGE GRUENDE ENDABRECHN?26UNG NR. 500106875?30CSDBDE71XXX?31DE50712345600\n200691329?32TESTER?33EL';
    expect(subfieldsDialect.matches(text)).toBe(true);
    const details = subfieldsDialect.read(text);
    expect(details).toMatchObject({
      dialect: 'subfields',
      code: '109',
      bookingText: 'SEPA-LASTSCHR. RETOURE CORE',
      purpose: 'SONSTIGE GRUENDE ENDABRECHNUNG NR. 500106875',
      counterparty: { name: 'TESTEREL', account: 'DE50712345600200691329', bic: 'CSDBDE71XXX' },
      references: { endToEndId: 'A1.200080779.400143254.4961336', customerReferenceSepa: 'SEPA-DA20200601221740-34972000-P1', mandateId: '20852HW2723821', creditorId: 'DE41EON00000129793' },
    });
    expect(details.fields['?10']).toBe('9075/629');
    expect(details.fields.OAMT).toBe('11,85');
  });

  it('reads a bank code (not a BIC) in ?30 as a bank code, and purpose without SEPA keys', () => {
    const details = subfieldsDialect.read('051?00Gutschrift?10931?20PROJECT 3377?3076010020?310023334400?32HANS UND ERNA SCHNEIDER');
    expect(details.counterparty).toEqual({ name: 'HANS UND ERNA SCHNEIDER', account: '0023334400', bankCode: '76010020' });
    expect(details.purpose).toBe('PROJECT 3377');
    expect(details.references).toBeUndefined();
  });

  it('drops the SEPA placeholder NOTPROVIDED', () => {
    expect(subfieldsDialect.read('166?20EREF+NOTPROVIDED SVWZ+Rent').references).toBeUndefined();
  });

  it('reads > sub-fields without a code (Polish) and with one (Triodos)', () => {
    const polish = subfieldsDialect.read('>20Usługi księgowe - m-c grudzien 2016 rok.>31491050195310000\n0477656534>32BOOKING GROUP');
    expect(polish).toMatchObject({ purpose: 'Usługi księgowe - m-c grudzien 2016 rok.', counterparty: { account: '4910501953100000477656534', name: 'BOOKING GROUP' } });
    expect(polish.code).toBeUndefined();
    const triodos = subfieldsDialect.read('000>100555555555\n>20TENAAMSTELLING TEGENREKENIN>21G EN ADRES');
    expect(triodos).toMatchObject({ code: '000', purpose: 'TENAAMSTELLING TEGENREKENING EN ADRES' });
  });

  it('reads a text wrapped anywhere as the same text on one line', () => {
    // Line breaks inside values are cut from the text in place; breaks next to a separator make it
    // read a joined copy. Both must give what the joined text gives.
    const token = fc.constantFrom('?00', '?20', '?2', '?', '?31', '?32', '>20', '>', 'EREF+', 'SVWZ+', 'X', '0', '12', ' ', '\n');
    fc.assert(
      fc.property(fc.constantFrom('', '166', ' 051 '), fc.constantFrom('?20', '>20', '?00'), fc.array(token, { maxLength: 16 }), fc.constantFrom('\n', '\r\n'), (code, head, rest, eol) => {
        const text = `${code}${head}${rest.join('')}`.replace(/\n/g, eol);
        const joined = text.replace(/\r?\n/g, '');
        expect(subfieldsDialect.matches(joined)).toBe(true);
        expect(subfieldsDialect.read(text)).toEqual(subfieldsDialect.read(joined));
      }),
      { numRuns: 2000 },
    );
    const wrapped = '166?00GUTSCHRIFT?20EREF+AB\nC123?21SVWZ+Miete\n Mai?32HANS\n?33MUELLER';
    expect(subfieldsDialect.read(wrapped)).toMatchObject({ code: '166', purpose: 'Miete Mai', references: { endToEndId: 'ABC123' }, counterparty: { name: 'HANSMUELLER' } });
  });

  it('matches a head after blanks of any kind, and only a complete one', () => {
    expect(subfieldsDialect.matches('\u00a0\n 166 \t?00X')).toBe(true);
    expect(subfieldsDialect.read('\u00a0\n 166 \t?00X')).toMatchObject({ code: '166', bookingText: 'X' });
    expect(subfieldsDialect.matches('>31')).toBe(true);
    expect(subfieldsDialect.matches('16?00X')).toBe(false);
    expect(subfieldsDialect.matches('166?0X')).toBe(false);
    expect(subfieldsDialect.matches('166X?00')).toBe(false);
  });

  it('does not match free text or slash tags', () => {
    expect(subfieldsDialect.matches('999PN5477SCHECK-NR. 0000016703074')).toBe(false);
    expect(subfieldsDialect.matches('/TRTP/SEPA OVERBOEKING/IBAN/NL1')).toBe(false);
  });
});
