import type { ScratchPool } from '../engine/scratch';
import type { Outcome } from '../types';
import { KIND_RANK } from './build';

function compareMembers(a: Outcome, b: Outcome): number {
  const key = (o: Outcome) => [...o.left, ...o.right].map((t) => `${t.source}\u0000${t.txn_id}`).join('\u0001');
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Content order of two outcomes with equal kind and 64-bit hash: member keys, then id. */
function compareTied(a: Outcome, b: Outcome): number {
  return compareMembers(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The export order of one link's outcomes: kind (matched, mismatched, suggested, unmatched,
 * duplicate), then the outcome's 64-bit hash, then — only for the astronomically rare equal
 * hashes — the member keys. Every part is a function of content, so any input order gives the
 * same sequence.
 *
 * Why not `Array.prototype.sort` with a comparator: at a million outcomes that is ~20 million
 * closure calls whose non-integer results are boxed (garbage the GC then walks). Instead: one
 * counting pass by kind and the top 16 bits of the hash, then an insertion sort of each bucket by
 * (hi, lo) (hashes are uniform: ~n / 65 536 outcomes per bucket). `kinds`
 * (each outcome's {@link KIND_RANK}, when the caller has it) saves reading every outcome's `kind`.
 */
export function orderOutcomes(
  outcomes: readonly Outcome[],
  hi: Uint32Array,
  lo: Uint32Array,
  pool?: ScratchPool,
  kinds?: ArrayLike<number>,
): Outcome[] {
  return orderMade(outcomes.length, (i) => outcomes[i]!, hi, lo, kinds ?? outcomes.map((o) => KIND_RANK[o.kind]), pool);
}

/**
 * {@link orderOutcomes} for outcomes not made yet: `make(i)` builds outcome `i` (creation order),
 * called once per outcome, in export order, straight into the result. No list of the outcomes in
 * creation order is ever held: at a million outcomes that list, and the copies a growing array
 * leaves behind, were tens of megabytes that lived until the next full GC.
 * `kinds`: each outcome's {@link KIND_RANK} in its low 3 bits (higher bits are ignored).
 */
export function orderMade(
  n: number,
  make: (i: number) => Outcome,
  hi: Uint32Array,
  lo: Uint32Array,
  kinds: ArrayLike<number>,
  pool?: ScratchPool,
): Outcome[] {
  // One stable counting pass by (kind, top 16 bits of hi), then each bucket sorted by (hi, lo).
  // The hash words and kind move with each outcome's number, so sorting a bucket and finding ties
  // read memory in sequence (through the numbers, each read was a cache miss at a million).
  // Every slot of these is written before it is read (no zero fill).
  const u32 = (m: number) => (pool ? pool.takeRaw('u32', m) : new Uint32Array(m));
  const b = u32(n);
  const bHi = u32(n);
  const bLo = u32(n);
  const bKind = pool ? pool.takeRaw('u8', n) : new Uint8Array(n);
  const buckets = 8 << 16;
  const count = pool ? pool.take('u32', buckets + 1) : new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) count[(((kinds[i]! & 7) << 16) | (hi[i]! >>> 16)) + 1]!++;
  for (let d = 1; d <= buckets; d++) count[d]! += count[d - 1]!;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i]! & 7;
    const h = hi[i]!;
    const at = count[(kind << 16) | (h >>> 16)]!++;
    b[at] = i;
    bHi[at] = h;
    bLo[at] = lo[i]!;
    bKind[at] = kind;
  }
  // count[d] is now the end of bucket d (the start of d + 1).
  let s = 0;
  for (let d = 0; d < buckets; d++) {
    const e = count[d]!;
    if (e - s > 1) sortBucket(b, bHi, bLo, s, e);
    s = e;
  }
  const out = new Array<Outcome>(n);
  for (let i = 0; i < n; i++) out[i] = make(b[i]!);
  // Runs of equal (kind, hi, lo): order by content (a 64-bit hash collision; practically never).
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && bKind[j] === bKind[i] && bHi[j] === bHi[i] && bLo[j] === bLo[i]) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(compareTied);
      for (let k = i; k < j; k++) out[k] = run[k - i]!;
    }
    i = j;
  }
  pool?.give(b, bHi, bLo, bKind, count);
  return out;
}

/**
 * Sort the entries `[from, to)` of the parallel arrays (outcome number, hi, lo) by (hi, lo),
 * stable: insertion sort (buckets hold a few outcomes), or a comparator sort for a long bucket.
 */
function sortBucket(idx: Uint32Array, hi: Uint32Array, lo: Uint32Array, from: number, to: number): void {
  if (to - from > 64) {
    const at = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => hi[x]! - hi[y]! || lo[x]! - lo[y]!);
    const moved = at.map((k) => [idx[k]!, hi[k]!, lo[k]!] as const);
    for (let k = 0; k < moved.length; k++) [idx[from + k], hi[from + k], lo[from + k]] = moved[k]!;
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = idx[i]!;
    const h = hi[i]!;
    const l = lo[i]!;
    let j = i - 1;
    while (j >= from && (h < hi[j]! || (h === hi[j] && l < lo[j]!))) {
      idx[j + 1] = idx[j]!;
      hi[j + 1] = hi[j]!;
      lo[j + 1] = lo[j]!;
      j--;
    }
    idx[j + 1] = x;
    hi[j + 1] = h;
    lo[j + 1] = l;
  }
}
