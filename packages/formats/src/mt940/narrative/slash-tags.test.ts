import { describe, expect, it } from 'vitest';
import { slashTagsDialect } from './slash-tags';

describe('slash-tags dialect (ING, ABN AMRO, Rabobank, bunq)', () => {
  it('reads /TAG/value/ pairs with values that contain slashes', () => {
    const text = '/TRTP/SEPA OVERBOEKING/IBAN/NL46ABNA0499998748/BIC/ABNANL2A/NAME/NAAM\n/REMI/USTD//Factuur 2023-001/EREF/E2E-123';
    expect(slashTagsDialect.matches(text)).toBe(true);
    expect(slashTagsDialect.read(text)).toMatchObject({
      dialect: 'slash-tags',
      bookingText: 'SEPA OVERBOEKING',
      purpose: 'Factuur 2023-001',
      counterparty: { name: 'NAAM', account: 'NL46ABNA0499998748', bic: 'ABNANL2A' },
      references: { endToEndId: 'E2E-123' },
    });
  });

  it('reads the ING /CNTP/ composite and mandate ids', () => {
    const details = slashTagsDialect.read('/EREF/NOTPROVIDED//MARF/MANDATE-9//CSID/NL12ZZZ1234//CNTP/NL50INGB0001234567/INGBNL2A/ING Bank NV/AMSTERDAM//REMI/STRD/CUR/RF18539007547034/');
    expect(details.counterparty).toEqual({ name: 'ING Bank NV', account: 'NL50INGB0001234567', bic: 'INGBNL2A' });
    expect(details.references).toEqual({ mandateId: 'MANDATE-9', creditorId: 'NL12ZZZ1234' });
    expect(details.purpose).toBe('RF18539007547034');
  });

  it('reads bunq lines with an empty remittance', () => {
    const details = slashTagsDialect.read('/IBAN/NL65BUNQ2206724936/NAME/P.C. Wacki/REMI/');
    expect(details.counterparty).toEqual({ name: 'P.C. Wacki', account: 'NL65BUNQ2206724936' });
    expect(details.purpose).toBeUndefined();
  });

  it('does not match text that merely contains a slash', () => {
    expect(slashTagsDialect.matches('FACTUUR 201403110 REK: NL65INGB0123456789/NAAM: PICQER')).toBe(false);
  });
});
