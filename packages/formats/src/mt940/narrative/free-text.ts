import type { NarrativeDialect } from './types';

/**
 * Free text (Danske, Standard Bank, most banks before SEPA): nothing to split. The purpose is the
 * non-blank lines joined with a space; the dialect always matches, so it goes last.
 */
export const freeTextDialect: NarrativeDialect = {
  name: 'free-text',
  matches: () => true,
  read(text) {
    // One pass over the lines, no arrays: this runs for every free-text entry.
    let purpose = '';
    for (let at = 0; at <= text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const line = text.slice(at, end).trim();
      if (line !== '') purpose = purpose === '' ? line : `${purpose} ${line}`;
      at = end + 1;
    }
    return purpose === '' ? { dialect: 'free-text', fields: {} } : { dialect: 'free-text', purpose, fields: {} };
  },
};
