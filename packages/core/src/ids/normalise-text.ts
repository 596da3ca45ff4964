/**
 * The form of a free-text field (reference, narration) that goes into a derived id: Unicode NFKC
 * (so NBSP, full-width digits and composed/decomposed accents compare equal), whitespace runs
 * collapsed to one space, trimmed, upper-cased. Empty or absent text becomes `null`, so "" and
 * a missing field derive the same id. Banks re-render narrations with different spacing and case
 * between an API call and a statement download; the id must not change when they do.
 */
export function normaliseIdText(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const normalised = text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toUpperCase();
  return normalised === '' ? null : normalised;
}
