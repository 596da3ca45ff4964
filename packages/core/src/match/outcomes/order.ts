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
  hi: ArrayLike<number>,
  lo: ArrayLike<number>,
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
  hi: ArrayLike<number>,
  lo: ArrayLike<number>,
  kinds: ArrayLike<number>,
  pool?: ScratchPool,
): Outcome[] {
  // One stable counting pass by (kind, top 16 bits of hi), then each bucket sorted by (hi, lo).
  // `b`: every slot is written before it is read (no zero fill).
  const b = pool ? pool.takeRaw('u32', n) : new Uint32Array(n);
  const buckets = 8 << 16;
  const count = pool ? pool.take('u32', buckets + 1) : new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) count[(((kinds[i]! & 7) << 16) | (hi[i]! >>> 16)) + 1]!++;
  for (let d = 1; d <= buckets; d++) count[d]! += count[d - 1]!;
  for (let i = 0; i < n; i++) b[count[((kinds[i]! & 7) << 16) | (hi[i]! >>> 16)]!++] = i;
  // count[d] is now the end of bucket d (the start of d + 1).
  let s = 0;
  for (let d = 0; d < buckets; d++) {
    const e = count[d]!;
    if (e - s > 1) sortBucket(b, s, e, hi, lo);
    s = e;
  }
  const out = new Array<Outcome>(n);
  for (let i = 0; i < n; i++) out[i] = make(b[i]!);
  // Runs of equal (kind, hi, lo): order by content (a 64-bit hash collision; practically never).
  for (let i = 0; i < n; ) {
    const x = b[i]!;
    let j = i + 1;
    while (j < n && (kinds[b[j]!]! & 7) === (kinds[x]! & 7) && hi[b[j]!] === hi[x] && lo[b[j]!] === lo[x]) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(compareTied);
      for (let k = i; k < j; k++) out[k] = run[k - i]!;
    }
    i = j;
  }
  pool?.give(b, count);
  return out;
}

/** (hi, lo) of outcome x below that of y, as unsigned words. Top-level: no closure per bucket. */
function less(x: number, y: number, hi: ArrayLike<number>, lo: ArrayLike<number>): boolean {
  return hi[x]! < hi[y]! || (hi[x] === hi[y] && lo[x]! < lo[y]!);
}

/** Sort `idx[from..to)` by (hi, lo) as unsigned words: insertion sort, or a comparator sort for a long bucket. */
function sortBucket(idx: Uint32Array, from: number, to: number, hi: ArrayLike<number>, lo: ArrayLike<number>): void {
  if (to - from > 64) {
    const run = Array.from(idx.subarray(from, to)).sort((x, y) => (less(x, y, hi, lo) ? -1 : less(y, x, hi, lo) ? 1 : 0));
    idx.set(run, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = idx[i]!;
    let j = i - 1;
    while (j >= from && less(x, idx[j]!, hi, lo)) {
      idx[j + 1] = idx[j]!;
      j--;
    }
    idx[j + 1] = x;
  }
}
