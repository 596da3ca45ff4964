import type { ScratchPool } from './scratch';

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

/** {@link orderByKey}'s result: the order, and the keys read in that order. */
export interface KeyOrder {
  /** Positions ordered by their key. */
  order: Int32Array;
  /** `sorted[k] = keys[order[k]]`: scans for runs of equal keys read this, in sequence. */
  sorted: Uint32Array;
}

/**
 * Positions `0 … n−1` ordered by `keys[position]` as unsigned 32-bit values, stable (equal keys keep
 * position order): three 11-bit counting passes over (key, position) pairs.
 *
 * Why not a hash table: finding equal keys among a million records by probing a table twice the
 * size of the cache costs a cache miss per record; after this sort, equal keys sit next to each
 * other and one sequential scan finds them. The keys move with their positions, so every pass,
 * and the caller's scan of `sorted`, reads memory in sequence; looking each key up through its
 * position (`keys[order[k]]`) was a random read per record per pass. Arrays come from `pool`
 * (both results too; give them back).
 */
export function orderByKey(keys: Uint32Array, n: number, pool: ScratchPool): KeyOrder {
  // Every slot of these is written before it is read.
  let from = pool.takeRaw('i32', n);
  let to = pool.takeRaw('i32', n);
  let keysFrom = pool.takeRaw('u32', n);
  let keysTo = pool.takeRaw('u32', n);
  const count = new Int32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += BITS) {
    // The first pass reads the caller's keys in position order (positions are the identity).
    const first = shift === 0;
    const src = first ? keys : keysFrom;
    count.fill(0);
    for (let k = 0; k < n; k++) {
      const b = (src[k]! >>> shift) & MASK;
      count[b] = count[b]! + 1;
    }
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const key = src[k]!;
      const b = (key >>> shift) & MASK;
      const at = count[b]!;
      count[b] = at + 1;
      to[at] = first ? k : from[k]!;
      keysTo[at] = key;
    }
    const t = from;
    from = to;
    to = t;
    const u = keysFrom;
    keysFrom = keysTo;
    keysTo = u;
  }
  pool.give(to, keysTo);
  return { order: from, sorted: keysFrom };
}
