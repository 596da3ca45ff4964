import type { ScratchPool } from './scratch';

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

/**
 * Positions `0 … n−1` ordered by `keys[position]` as unsigned 32-bit values, stable (equal keys keep
 * position order): three 11-bit counting passes.
 *
 * Why not a hash table: finding equal keys among a million records by probing a table twice the
 * size of the cache costs a cache miss per record; after this sort, equal keys sit next to each
 * other and one sequential scan finds them. Arrays come from `pool` (the result too; give it back).
 */
export function orderByKey(keys: Uint32Array, n: number, pool: ScratchPool): Int32Array {
  let from = pool.takeRaw('i32', n); // every slot is written before it is read
  let to = pool.takeRaw('i32', n);
  for (let k = 0; k < n; k++) from[k] = k;
  const count = new Int32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += BITS) {
    count.fill(0);
    for (let k = 0; k < n; k++) {
      const b = (keys[k]! >>> shift) & MASK;
      count[b] = count[b]! + 1;
    }
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const p = from[k]!;
      const b = (keys[p]! >>> shift) & MASK;
      const at = count[b]!;
      count[b] = at + 1;
      to[at] = p;
    }
    const t = from;
    from = to;
    to = t;
  }
  pool.give(to);
  return from;
}
