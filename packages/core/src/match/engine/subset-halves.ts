import type { Arith } from './arith';

/** Every subset sum of one half of the values, sorted by sum. */
interface Half<T> {
  sums: T[];
  masks: number[];
}

/**
 * The values of a small set (at most 30) split in two halves, each with all its subset sums
 * sorted: "meet in the middle". Built once per set and queried for many intervals, each query
 * exhaustive (so a single answer is provably the only one) in about 2^(n/2) · log steps, where
 * a depth-first search may need 2^n for an exact target.
 */
export interface SubsetHalves<T> {
  readonly size: number;
  readonly low: Half<T>;
  readonly high: Half<T>;
}

/** Largest set {@link subsetHalves} takes (two halves of 2^15 sums). */
export const MAX_HALVES_SIZE = 30;

function half<T>(ar: Arith<T>, values: readonly T[], from: number, to: number): Half<T> {
  const n = to - from;
  const count = 1 << n;
  const sums = new Array<T>(count);
  sums[0] = ar.zero;
  // Sum of each mask from the mask without its highest bit.
  for (let mask = 1; mask < count; mask++) {
    const top = 31 - Math.clz32(mask);
    sums[mask] = ar.add(sums[mask ^ (1 << top)]!, values[from + top]!);
  }
  const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => ar.cmp(sums[a]!, sums[b]!) || a - b);
  return { sums: order.map((k) => sums[k]!), masks: order };
}

/** Index the subsets of `values` (at most {@link MAX_HALVES_SIZE}). */
export function subsetHalves<T>(ar: Arith<T>, values: readonly T[]): SubsetHalves<T> {
  if (values.length > MAX_HALVES_SIZE) throw new RangeError(`subsetHalves takes at most ${MAX_HALVES_SIZE} values`);
  const cut = values.length >> 1;
  return { size: values.length, low: half(ar, values, 0, cut), high: half(ar, values, cut, values.length) };
}

/**
 * Up to `max` non-empty subsets (as ascending positions) whose sum lies in [lo, hi], skipping
 * any subset that uses a position of `excluded` (a bit mask over positions). Exhaustive: fewer
 * than `max` results means there are no others. Deterministic order (low-half sum, then mask).
 */
export function subsetsInRange<T>(ar: Arith<T>, index: SubsetHalves<T>, lo: T, hi: T, max: number, excluded = 0): number[][] {
  const out: number[][] = [];
  const cut = index.size >> 1;
  const { low, high } = index;
  const n = high.sums.length;
  for (let a = 0; a < low.sums.length && out.length < max; a++) {
    const maskA = low.masks[a]!;
    if (maskA & excluded) continue;
    const from = ar.sub(lo, low.sums[a]!);
    const to = ar.sub(hi, low.sums[a]!);
    // First high-half sum ≥ from.
    let x = 0;
    let y = n;
    while (x < y) {
      const mid = (x + y) >>> 1;
      if (ar.cmp(high.sums[mid]!, from) < 0) x = mid + 1;
      else y = mid;
    }
    for (; x < n && ar.cmp(high.sums[x]!, to) <= 0 && out.length < max; x++) {
      const maskB = high.masks[x]!;
      if (maskA === 0 && maskB === 0) continue;
      if ((maskB << cut) & excluded) continue;
      const positions: number[] = [];
      for (let k = 0; k < cut; k++) if (maskA & (1 << k)) positions.push(k);
      for (let k = 0; k < index.size - cut; k++) if (maskB & (1 << k)) positions.push(cut + k);
      out.push(positions);
    }
  }
  return out;
}
