import type { NarrativeDetails } from '../../types';
import { freeTextDialect } from './free-text';
import { slashTagsDialect } from './slash-tags';
import { subfieldsDialect } from './subfields';
import type { NarrativeDialect } from './types';

export type { NarrativeDialect } from './types';
export { subfieldsDialect, slashTagsDialect, freeTextDialect };

/** The built-in dialects in the order they are tried. */
export const DEFAULT_NARRATIVE_DIALECTS: readonly NarrativeDialect[] = [subfieldsDialect, slashTagsDialect, freeTextDialect];

/**
 * Read a `:86:` text with the first matching dialect. Custom dialects go first, so a bank-specific
 * reader can override a built-in one; free text is the last resort.
 */
export function readNarrative(text: string, custom: readonly NarrativeDialect[] = []): NarrativeDetails {
  for (let i = 0; i < custom.length; i++) {
    const dialect = custom[i] as NarrativeDialect;
    if (dialect.matches(text)) return dialect.read(text);
  }
  // The built-in ones called directly, in DEFAULT_NARRATIVE_DIALECTS order: one call site per
  // dialect stays monomorphic, where a loop over the list made every call polymorphic.
  if (subfieldsDialect.matches(text)) return subfieldsDialect.read(text);
  if (slashTagsDialect.matches(text)) return slashTagsDialect.read(text);
  return freeTextDialect.read(text);
}
