import type { Outcome } from '../types';
import { KIND_RANK } from './build';

function compareMembers(a: Outcome, b: Outcome): number {
  const key = (o: Outcome) => [...o.left, ...o.right].map((t) => `${t.source}\u0000${t.txn_id}`).join('\u0001');
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The export order of one link's outcomes: kind (matched, mismatched, suggested, unmatched,
 * duplicate), then the outcome's 64-bit hash, then — only for the astronomically rare equal
 * hashes — the member keys. Every part is a function of content, so any input order gives the
 * same sequence. Numeric keys first keep the sort fast at a million outcomes.
 */
export function orderOutcomes(outcomes: readonly Outcome[], hi: ArrayLike<number>, lo: ArrayLike<number>): Outcome[] {
  const n = outcomes.length;
  const idx = new Uint32Array(n);
  // kind rank (0..4) × 2^32 + hi: an exact integer below 2^35.
  const major = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    idx[i] = i;
    major[i] = KIND_RANK[outcomes[i]!.kind] * 4294967296 + hi[i]!;
  }
  idx.sort((a, b) => major[a]! - major[b]! || lo[a]! - lo[b]! || compareMembers(outcomes[a]!, outcomes[b]!) || (outcomes[a]!.id < outcomes[b]!.id ? -1 : outcomes[a]!.id > outcomes[b]!.id ? 1 : 0));
  const out = new Array<Outcome>(n);
  for (let i = 0; i < n; i++) out[i] = outcomes[idx[i]!]!;
  return out;
}
