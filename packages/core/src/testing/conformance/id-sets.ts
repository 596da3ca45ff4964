/** Ids seen more than once, each listed once. */
export function duplicatesOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** How `actual` differs from `expected`, as sets plus duplicates; empty strings when they agree. */
export function compareIds(actual: readonly string[], expected: readonly string[]): { missing: string[]; unexpected: string[]; duplicated: string[] } {
  const have = new Set(actual);
  const want = new Set(expected);
  return {
    missing: [...want].filter((id) => !have.has(id)),
    unexpected: [...have].filter((id) => !want.has(id)),
    duplicated: duplicatesOf(actual),
  };
}

/** One line describing a difference, or `undefined` when there is none. */
export function describeIdDifference(actual: readonly string[], expected: readonly string[]): string | undefined {
  const { missing, unexpected, duplicated } = compareIds(actual, expected);
  if (!missing.length && !unexpected.length && !duplicated.length) return undefined;
  const list = (ids: string[]) => `${ids.length}${ids.length ? ` (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''})` : ''}`;
  return `got ${actual.length} records for ${expected.length} expected: missing ${list(missing)}, unexpected ${list(unexpected)}, duplicated ${list(duplicated)}`;
}
