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
 * closure calls whose non-integer results are boxed (garbage the GC then walks). Instead: a
 * counting pass by kind, a counting pass by the top 16 bits of the hash, then an insertion sort
 * of each bucket by (hi, lo) (hashes are uniform: ~n / 65 536 outcomes per bucket). `kinds`
 * (each outcome's {@link KIND_RANK}, when the caller has it) saves reading every outcome's `kind`.
 */
export function orderOutcomes(
  outcomes: readonly Outcome[],
  hi: ArrayLike<number>,
  lo: ArrayLike<number>,
  pool?: ScratchPool,
  kinds?: ArrayLike<number>,
): Outcome[] {
  const n = outcomes.length;
  const a = pool ? pool.take('u32', n) : new Uint32Array(n);
  const b = pool ? pool.take('u32', n) : new Uint32Array(n);
  const kind = pool ? pool.take('u8', n) : new Uint8Array(n);
  const kindStart = new Uint32Array(8);
  for (let i = 0; i < n; i++) {
    const k = kinds ? kinds[i]! : KIND_RANK[outcomes[i]!.kind];
    kind[i] = k;
    kindStart[k + 1]!++;
  }
  for (let k = 1; k < kindStart.length; k++) kindStart[k]! += kindStart[k - 1]!;
  const fill = kindStart.slice();
  for (let i = 0; i < n; i++) a[fill[kind[i]!]!++] = i;
  const count = new Uint32Array(0x10001);
  for (let k = 0; k + 1 < kindStart.length; k++) {
    const from = kindStart[k]!;
    const to = kindStart[k + 1]!;
    if (to - from < 2) {
      if (to > from) b[from] = a[from]!;
      continue;
    }
    count.fill(0);
    for (let i = from; i < to; i++) count[(hi[a[i]!]! >>> 16) + 1]!++;
    count[0] = from;
    for (let d = 1; d < count.length; d++) count[d]! += count[d - 1]!;
    for (let i = from; i < to; i++) {
      const x = a[i]!;
      b[count[hi[x]! >>> 16]!++] = x;
    }
    // count[d] is now the end of bucket d (the start of d + 1).
    let s = from;
    for (let d = 0; d < 0x10000; d++) {
      const e = count[d]!;
      if (e - s > 1) sortBucket(b, s, e, hi, lo);
      s = e;
    }
  }
  const out = new Array<Outcome>(n);
  for (let i = 0; i < n; i++) out[i] = outcomes[b[i]!]!;
  // Runs of equal (kind, hi, lo): order by content (a 64-bit hash collision; practically never).
  for (let i = 0; i < n; ) {
    const x = b[i]!;
    let j = i + 1;
    while (j < n && kind[b[j]!] === kind[x] && hi[b[j]!] === hi[x] && lo[b[j]!] === lo[x]) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(compareTied);
      for (let k = i; k < j; k++) out[k] = run[k - i]!;
    }
    i = j;
  }
  pool?.give(a, b, kind);
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
