import type { NarrativeDialect } from './types';

/**
 * Free text (Danske, Standard Bank, most banks before SEPA): nothing to split. The purpose is the
 * non-blank lines joined with a space; the dialect always matches, so it goes last.
 */
export const freeTextDialect: NarrativeDialect = {
  name: 'free-text',
  matches: () => true,
  read(text) {
    const purpose = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' ');
    return purpose === '' ? { dialect: 'free-text', fields: {} } : { dialect: 'free-text', purpose, fields: {} };
  },
};
