import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByHash } from './hash-groups';
import { ScratchPool } from './scratch';

/** What groupByHash must say, from a Map: each probe's entries with its hash, newest first. */
function expected(entries: Int32Array, probes: Int32Array): { count: number; perProbe: number[][] } {
  const byHash = new Map<number, number[]>();
  for (let e = 0; e < entries.length; e++) {
    const list = byHash.get(entries[e]!) ?? [];
    list.unshift(e);
    byHash.set(entries[e]!, list);
  }
  return { count: byHash.size, perProbe: Array.from(probes, (h) => byHash.get(h) ?? []) };
}

function actual(entries: Int32Array, probes: Int32Array, pool = new ScratchPool()): { count: number; perProbe: number[][] } {
  const g = groupByHash(entries, entries.length, probes, probes.length, pool);
  const perProbe = Array.from(probes, (_, x) => {
    const list: number[] = [];
    const group = g.ofProbe[x]!;
    if (group >= 0) for (let e = g.head[group]!; e >= 0; e = g.next[e]!) list.push(e);
    return list;
  });
  // Asked for heads instead, each probe gets its group's newest entry.
  const h = groupByHash(entries, entries.length, probes, probes.length, pool, 'head');
  expect(Array.from(h.ofProbe)).toEqual(perProbe.map((list) => list[0] ?? -1));
  h.release();
  g.release();
  return { count: g.count, perProbe };
}

/** A deterministic int32 stream (xorshift), for inputs too large for fast-check to shrink. */
function xorshift(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s | 0;
  };
}

/** `n` values drawn from `values` (so entries and probes can share hashes). */
function draw(n: number, values: Int32Array, seed: number): Int32Array {
  const next = xorshift(seed);
  return Int32Array.from({ length: n }, () => values[(next() >>> 0) % values.length]!);
}

function distinctValues(n: number, seed: number): Int32Array {
  const next = xorshift(seed);
  return Int32Array.from({ length: n }, next);
}

describe('groupByHash', () => {
  it('groups equal hashes, chains each group newest first, and finds every probe’s group (property)', () => {
    // Hashes from a small set, so groups repeat; negative values exercise the top bit.
    const hash = fc.constantFrom(0, 1, -1, 7, 0x7fffffff, -0x80000000, 123456789, -987654321);
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 60 }), fc.array(fc.oneof(hash, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { maxLength: 60 }), (e, p) => {
        const entries = Int32Array.from(e);
        const probes = Int32Array.from(p);
        expect(actual(entries, probes)).toEqual(expected(entries, probes));
      }),
    );
  });

  it('gives the same groups when the input spans hundreds of partitions', () => {
    for (const [n, distinct] of [
      [5_000, 4_000],
      [200_000, 150_000],
      [20_000, 300], // long chains
    ] as const) {
      // Probes: half of them drawn from the entries' hashes, half from hashes no entry has.
      const values = distinctValues(distinct * 2, n);
      const entries = draw(n, values.subarray(0, distinct), 7);
      const probes = draw(n / 2, values, 11);
      expect(actual(entries, probes)).toEqual(expected(entries, probes));
    }
  });

  it('no entries: every probe is without a group; no probes: the entries are still grouped', () => {
    const probes = Int32Array.of(1, 2, 3);
    expect(actual(new Int32Array(0), probes)).toEqual({ count: 0, perProbe: [[], [], []] });
    expect(actual(Int32Array.of(5, 5, 6), new Int32Array(0))).toEqual({ count: 2, perProbe: [] });
  });

  it('gives its arrays back to the pool, and what it gives back is reused', () => {
    const pool = new ScratchPool(8 << 20);
    const entries = draw(100_000, distinctValues(90_000, 3), 5);
    actual(entries, entries, pool);
    const carved = pool.carved;
    actual(entries, entries, pool);
    expect(pool.carved).toBe(carved);
  });
});
