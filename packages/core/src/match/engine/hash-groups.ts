import type { ScratchPool } from './scratch';

/**
 * Entries and probes grouped by equal 32-bit hash (see {@link groupByHash}). A group may hold
 * entries of different keys whose hashes collide: the caller compares keys when it reads a group.
 */
export interface HashGroups {
  /** Distinct hashes among the entries. */
  count: number;
  /** Per group: its newest entry (the highest entry number). */
  head: Int32Array;
  /** Per entry: the next older entry of its group, −1 after the oldest. */
  next: Int32Array;
  /**
   * Per probe: the group whose hash equals the probe's (`answer` 'group') or that group's newest
   * entry ('head'), −1 when no entry has that hash.
   */
  ofProbe: Int32Array;
  /** Give the arrays back to the pool (none of them may be read afterwards). */
  release(): void;
}

/** Entries per partition aimed at: its slots (8 bytes each, half full) stay within a few dozen KB. */
const PER_PARTITION = 2048;

/**
 * Group entries `0 … entries − 1` (hash `entryHash[e]`) by equal hash, and find each probe's group
 * (hash `probeHash[x]`).
 *
 * Why partitioned: one open-addressing table over a million keys is tens of megabytes, and every
 * insert and probe is a cache miss (measured at 1M × 1M on the generated data: ~200 ns per insert
 * or probe, ~400 ms per join; 165–215 ms partitioned, key reads and hashing included). So entries
 * and probes are first moved, in order, into partitions by the top bits of their hash (sequential
 * reads and a few hundred write streams), then each partition gets a table that fits in the
 * processor's cache.
 *
 * Hashes only, no keys: comparing two keys reads both strings, which sit wherever the records
 * put them, so a comparison here would bring back one or two cache misses per probe. The caller
 * compares keys while it walks its probes in order, when it reads the candidate records anyway.
 *
 * Entries of a group chain newest first, as if inserted one by one in entry order, whatever the
 * partitioning. Each probe gets its group, or (`answer` 'head') straight away the group's newest
 * entry.
 */
export function groupByHash(
  entryHash: Int32Array,
  entries: number,
  probeHash: Int32Array,
  probes: number,
  pool: ScratchPool,
  answer: 'group' | 'head' = 'group',
): HashGroups {
  const heads = answer === 'head';
  // The top `bits` bits of a hash pick its partition (at least one bit: `>>> 32` would not shift).
  let bits = 1;
  while (bits < 16 && entries >>> bits > PER_PARTITION) bits++;
  const parts = 1 << bits;
  const { start: eStart, num: eNum, hash: eHash } = partition(entryHash, entries, bits, pool);
  const { start: pStart, num: pNum, hash: pHash } = partition(probeHash, probes, bits, pool);

  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, eStart[p + 1]! - eStart[p]!);
  let cap = 16;
  while (cap < largest * 2) cap *= 2;
  // Slot q: tab[2q] the group (−1 empty), tab[2q + 1] its hash: one cache line per look-up.
  const tab = pool.takeRaw('i32', cap * 2);
  const head = pool.takeRaw('i32', Math.max(1, entries));
  const next = pool.takeRaw('i32', Math.max(1, entries));
  const ofProbe = pool.takeRaw('i32', Math.max(1, probes));
  let groups = 0;
  for (let p = 0; p < parts; p++) {
    const from = eStart[p]!;
    const to = eStart[p + 1]!;
    // Each partition's table sized by its own entries: clearing it costs what filling it does.
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    tab.fill(-1, 0, size * 2);
    for (let i = from; i < to; i++) {
      const h = eHash[i]!;
      const e = eNum[i]!;
      for (let q = h & mask; ; q = (q + 1) & mask) {
        const g = tab[2 * q]!;
        if (g === -1) {
          tab[2 * q] = groups;
          tab[2 * q + 1] = h;
          head[groups++] = e;
          next[e] = -1;
          break;
        }
        if (tab[2 * q + 1] === h) {
          next[e] = head[g]!;
          head[g] = e;
          break;
        }
      }
    }
    for (let i = pStart[p]!; i < pStart[p + 1]!; i++) {
      const h = pHash[i]!;
      let found = -1;
      for (let q = h & mask; ; q = (q + 1) & mask) {
        const g = tab[2 * q]!;
        if (g === -1) break;
        if (tab[2 * q + 1] === h) {
          // The head now, while the partition's groups are in cache: read later in probe order,
          // each would be a cache miss.
          found = heads ? head[g]! : g;
          break;
        }
      }
      ofProbe[pNum[i]!] = found;
    }
  }
  pool.give(eStart, eNum, eHash, pStart, pNum, pHash, tab);
  return {
    count: groups,
    head: head.subarray(0, groups),
    next: next.subarray(0, entries),
    ofProbe: ofProbe.subarray(0, probes),
    release: () => pool.give(head, next, ofProbe),
  };
}

/**
 * Items `0 … n − 1` moved into `2^bits` partitions by the top `bits` bits of their hash, stable,
 * each with its hash: `start[p]` … `start[p + 1]` is partition p. A plain function, not a
 * closure: a closure made per call is a new call target to V8 each time, and it threw away the
 * optimised loops on the next join (5 × slower).
 */
function partition(hash: Int32Array, n: number, bits: number, pool: ScratchPool): { start: Int32Array; num: Int32Array; hash: Int32Array } {
  const parts = 1 << bits;
  const shift = 32 - bits;
  const start = pool.take('i32', parts + 1);
  for (let i = 0; i < n; i++) start[(hash[i]! >>> shift) + 1]!++;
  for (let p = 0; p < parts; p++) start[p + 1]! += start[p]!;
  const at = pool.take('i32', parts);
  at.set(start.subarray(0, parts));
  const num = pool.takeRaw('i32', Math.max(1, n));
  const moved = pool.takeRaw('i32', Math.max(1, n));
  for (let i = 0; i < n; i++) {
    const h = hash[i]!;
    const k = at[h >>> shift]!++;
    num[k] = i;
    moved[k] = h;
  }
  pool.give(at);
  return { start, num, hash: moved };
}
