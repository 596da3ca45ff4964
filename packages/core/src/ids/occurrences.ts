/**
 * A counter that numbers repeated keys in the order it sees them: the first `k` gets 0, the second
 * 1, ... For streaming readers that cannot hold a whole statement in memory; one counter per
 * statement (or file), never shared across statements.
 */
export function createOccurrenceCounter(): (key: string) => number {
  const seen = new Map<string, number>();
  return (key) => {
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return occurrence;
  };
}

/**
 * Number identical composites in input order: two byte-identical ₹50 coffees on the same day get
 * occurrences 0 and 1, so they stay two transactions. Run it over one whole statement in the
 * source's order; the same statement read again then yields the same numbers, and so the same ids.
 *
 * @param keyOf the row's composite without the occurrence, e.g. `(r) => txnIdComposite({ source, parts: partsOf(r) })`.
 */
export function assignOccurrences<T>(rows: Iterable<T>, keyOf: (row: T) => string): Array<{ row: T; occurrence: number }> {
  const next = createOccurrenceCounter();
  const out: Array<{ row: T; occurrence: number }> = [];
  for (const row of rows) out.push({ row, occurrence: next(keyOf(row)) });
  return out;
}
