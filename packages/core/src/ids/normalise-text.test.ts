import { describe, expect, it } from 'vitest';
import { normaliseIdText } from './normalise-text';

describe('normaliseIdText', () => {
  it('trims, collapses whitespace of every kind and upper-cases', () => {
    expect(normaliseIdText('  neft   cr-\tHDFC\u00A0 ref ')).toBe('NEFT CR- HDFC REF');
    expect(normaliseIdText('upi/cafe\n\nbill')).toBe('UPI/CAFE BILL');
  });

  it('treats composed and decomposed accents, and full-width digits, as the same text', () => {
    expect(normaliseIdText('Cafe\u0301')).toBe(normaliseIdText('Caf\u00E9'));
    expect(normaliseIdText('ＲＥＦ１２３')).toBe('REF123');
  });

  it('maps empty and absent text to null', () => {
    expect(normaliseIdText(undefined)).toBeNull();
    expect(normaliseIdText(null)).toBeNull();
    expect(normaliseIdText('   ')).toBeNull();
  });
});
