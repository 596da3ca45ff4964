import { describe, expect, it } from 'vitest';
import { freeTextDialect } from './free-text';
import { readNarrative, type NarrativeDialect } from './index';

describe('readNarrative', () => {
  it('picks the dialect by content and falls back to free text', () => {
    expect(readNarrative('166?00GUTSCHRIFT').dialect).toBe('subfields');
    expect(readNarrative('/TRTP/SEPA/IBAN/X').dialect).toBe('slash-tags');
    expect(readNarrative('HIER EEN MOOIE OMSCHRIJVING\nWANT DAT IS ZO')).toMatchObject({ dialect: 'free-text', purpose: 'HIER EEN MOOIE OMSCHRIJVING WANT DAT IS ZO' });
  });

  it('tries custom dialects first, so a bank-specific reader can override a built-in one', () => {
    const mbank: NarrativeDialect = {
      name: 'mbank',
      matches: (text) => text.startsWith('999PN'),
      read: (text) => ({ dialect: 'mbank', code: text.slice(5, 9), purpose: text.slice(9), fields: {} }),
    };
    expect(readNarrative('999PN5477SCHECK-NR. 1', [mbank])).toEqual({ dialect: 'mbank', code: '5477', purpose: 'SCHECK-NR. 1', fields: {} });
    expect(readNarrative('166?00X', [mbank]).dialect).toBe('subfields');
  });

  it('free text joins non-blank lines and keeps nothing for blank text', () => {
    expect(freeTextDialect.read('  a  \n\n   \n b')).toMatchObject({ purpose: 'a b' });
    expect(freeTextDialect.read('   ').purpose).toBeUndefined();
  });
});
