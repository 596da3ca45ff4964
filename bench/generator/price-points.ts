import type { BenchRng } from './rng';

/**
 * Price points in integer paise, drawn with Zipf weights. Real merchants sell at a few hundred
 * prices, and shared amounts are what make amount-based fallbacks ambiguous; uniform random
 * amounts would make every fallback look unambiguous.
 */
export interface PriceBook {
  /** Price of each point in paise (bigint: money never goes through floats). */
  readonly minor: readonly bigint[];
  /** Cumulative Zipf weights (last element 1), for sampling. */
  readonly cdf: Float64Array;
}

/** `count` distinct price points from ₹10 to about ₹50,000, with Zipf(1) popularity in random order. */
export function createPriceBook(rng: BenchRng, count: number): PriceBook {
  const seen = new Set<bigint>();
  const minor: bigint[] = [];
  while (minor.length < count) {
    // Log-uniform rupees (a float used only to choose a price, never to compute one).
    const rupees = Math.floor(Math.exp(Math.log(10) + rng.next() * (Math.log(50_000) - Math.log(10))));
    let paise: bigint;
    const style = rng.next();
    if (style < 0.5) paise = BigInt(Math.max(1, Math.floor(rupees / 10)) * 10 - 1) * 100n; // ₹499.00
    else if (style < 0.7) paise = BigInt(rupees) * 100n + 99n; // ₹499.99
    else paise = BigInt(rupees) * 100n + BigInt(rng.int(0, 99)); // GST-inclusive odd prices: ₹1,234.56
    if (paise <= 0n || seen.has(paise)) continue;
    seen.add(paise);
    minor.push(paise);
  }
  // Zipf weights 1/rank over a random permutation of ranks, so cheap is not always popular.
  const rank = Array.from({ length: count }, (_, i) => i + 1);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rank[i], rank[j]] = [rank[j] as number, rank[i] as number];
  }
  const cdf = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += 1 / (rank[i] as number);
    cdf[i] = total;
  }
  for (let i = 0; i < count; i++) cdf[i] = (cdf[i] as number) / total;
  cdf[count - 1] = 1;
  return { minor, cdf };
}

/** Index of a price point drawn from the book's Zipf distribution. */
export function samplePrice(book: PriceBook, rng: BenchRng): number {
  const u = rng.next();
  const { cdf } = book;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
