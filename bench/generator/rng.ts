/**
 * A seeded pseudo-random generator for the benchmark data. sfc32: four 32-bit words of state,
 * fast in V8 (only int32 maths), and good enough statistically for test data. The same seed always
 * yields the same stream, which is what makes a benchmark run replayable byte for byte.
 */
export interface BenchRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** A uniform unsigned 32-bit integer. */
  u32(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A standard normal deviate (Box–Muller); used for timestamps only, never for money. */
  normal(): number;
}

/** Creates a {@link BenchRng} from an integer seed; `stream` separates independent streams of one seed. */
export function createBenchRng(seed: number, stream = 0): BenchRng {
  // SplitMix32-style seeding so that nearby seeds (1, 2, 3) give unrelated streams.
  let s = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;

  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 are correlated with the seed.
  for (let i = 0; i < 12; i++) u32();

  const next = (): number => u32() / 4294967296;
  let spare = Number.NaN;
  return {
    next,
    u32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: () => {
      if (!Number.isNaN(spare)) {
        const out = spare;
        spare = Number.NaN;
        return out;
      }
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}
