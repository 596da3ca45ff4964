/** First position of `sorted` (ascending) whose value is ≥ `x`; `sorted.length` when none is. */
export function firstAtLeast(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** {@link firstAtLeast} under a comparison (exact amounts may be bigints). */
export function firstAtLeastBy<T>(sorted: readonly T[], x: T, cmp: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(sorted[mid]!, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
