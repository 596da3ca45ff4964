import type { NarrativeDetails } from '../../types';

/**
 * A `:86:` dialect: how one family of banks structures the narrative. Dialects are tried in
 * order; the first whose `matches` returns true reads the text. The raw text is always kept on
 * the entry as well, so a dialect that reads too little loses nothing.
 */
export interface NarrativeDialect {
  /** Short name, reported as `NarrativeDetails.dialect`. */
  name: string;
  matches(text: string): boolean;
  read(text: string): NarrativeDetails;
}

/**
 * Add `value` under `key`, joining repeats (a dialect may see the same tag twice). The built-in
 * dialects only use keys from fixed vocabularies (two digits, known slash tags, SEPA keywords),
 * so a plain object is safe here: no key can be `__proto__`.
 */
export function addField(fields: { [key: string]: string }, key: string, value: string): void {
  const before = fields[key];
  fields[key] = before === undefined ? value : `${before} ${value}`;
}
