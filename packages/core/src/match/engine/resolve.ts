import type { AmbiguityPolicy } from '../types';
import type { Arith } from './arith';
import type { Edges } from './candidates';
import { optimalAssignment, type ClusterEdge } from './optimal';
import type { RecordTable } from './record-table';
import { GrowInt32 } from './grow';
import { UnionFind } from './union-find';
import { compareUnits, type Units } from './units';

/** A cluster of units for review. */
export interface SuggestedCluster {
  left: number[];
  right: number[];
  /** Acceptable edges inside the cluster. */
  edges: number[];
  reason: 'ambiguous' | 'cluster-too-large';
}

/** What a pass decided. Units not mentioned stay open. */
export interface Resolution {
  /** Edge indices of accepted pairs (typed: at a million pairs, JS arrays are GC load). */
  matched: GrowInt32;
  /** For each matched edge, how many acceptable candidates its left unit had. */
  candidates: GrowInt32;
  /** For each matched edge, 1 when it won against other acceptable candidates (`best`/`optimal`). */
  contested: GrowInt32;
  suggested: SuggestedCluster[];
  /** Edge indices of unique pairs that failed a check. */
  mismatched: GrowInt32;
}

export interface ResolveOptions {
  policy: AmbiguityPolicy;
  mismatchOnFailure: boolean;
  maxCandidates: number;
  optimalCap: number;
}

/**
 * Decide a pass, set-wise (so the input order cannot matter):
 *
 * 1. a pair whose both units have exactly one acceptable candidate (each other) is matched;
 * 2. the other acceptable pairs form clusters (connected components). `unique-or-review` sends
 *    each cluster to review; `best` takes pairs greedily in a total order (|Δamount|, |Δdate|,
 *    left unit, right unit); `optimal` solves clusters up to `optimalCap` units per side exactly;
 * 3. a pair whose both units had no acceptable candidate and exactly one candidate at all (each
 *    other) is a mismatch, when the rule reports mismatches.
 *
 * A right unit with more than `maxCandidates` acceptable candidates is too ambiguous to review
 * usefully: its edges are dropped and both sides stay open.
 */
export function resolve<T>(table: RecordTable<T>, ar: Arith<T>, L: Units, R: Units, edges: Edges<T>, options: ResolveOptions, tooManyR: Uint8Array): Resolution {
  const n = edges.count;
  const pool = table.scratch;
  const out: Resolution = { matched: new GrowInt32(n, pool), candidates: new GrowInt32(n, pool), contested: new GrowInt32(n, pool), suggested: [], mismatched: new GrowInt32(16) };
  if (n === 0) return out;
  const accL = pool.take('i32', L.count);
  const accR = pool.take('i32', R.count);
  const allL = pool.take('i32', L.count);
  const allR = pool.take('i32', R.count);
  for (let e = 0; e < n; e++) {
    allL[edges.l[e]!]!++;
    allR[edges.r[e]!]!++;
    if (edges.failed[e] === 0) {
      accL[edges.l[e]!]!++;
      accR[edges.r[e]!]!++;
    }
  }
  const alive = (e: number) => edges.failed[e] === 0 && accR[edges.r[e]!]! <= options.maxCandidates;
  for (let r = 0; r < R.count; r++) if (accR[r]! > options.maxCandidates) tooManyR[r] = 1;

  const contestedEdges: number[] = [];
  for (let e = 0; e < n; e++) {
    if (!alive(e)) continue;
    if (accL[edges.l[e]!] === 1 && accR[edges.r[e]!] === 1) {
      out.matched.push(e);
      out.candidates.push(1);
      out.contested.push(0);
    } else {
      contestedEdges.push(e);
    }
  }

  if (contestedEdges.length > 0) {
    if (options.policy === 'best') greedy(table, ar, L, R, edges, contestedEdges, accL, out);
    else clusters(table, ar, L, R, edges, contestedEdges, accL, options, out);
  }

  if (options.mismatchOnFailure) {
    for (let e = 0; e < n; e++) {
      if (edges.failed[e] === 0) continue;
      const l = edges.l[e]!;
      const r = edges.r[e]!;
      if (accL[l] === 0 && accR[r] === 0 && allL[l] === 1 && allR[r] === 1) out.mismatched.push(e);
    }
  }
  pool.give(accL, accR, allL, allR);
  return out;
}

function edgeOrder<T>(table: RecordTable<T>, ar: Arith<T>, L: Units, R: Units, edges: Edges<T>) {
  return (a: number, b: number): number => {
    const c = ar.cmp(ar.abs(edges.delta[a]!), ar.abs(edges.delta[b]!));
    if (c !== 0) return c;
    const da = Math.abs(edges.dateDelta[a]!);
    const db = Math.abs(edges.dateDelta[b]!);
    if (da !== db) return da < db ? -1 : 1;
    const l = compareUnits(table, L, edges.l[a]!, edges.l[b]!);
    if (l !== 0) return l;
    return compareUnits(table, R, edges.r[a]!, edges.r[b]!);
  };
}

function greedy<T>(table: RecordTable<T>, ar: Arith<T>, L: Units, R: Units, edges: Edges<T>, list: number[], accL: Int32Array, out: Resolution): void {
  list.sort(edgeOrder(table, ar, L, R, edges));
  const takenL = new Uint8Array(L.count);
  const takenR = new Uint8Array(R.count);
  for (const e of list) {
    const l = edges.l[e]!;
    const r = edges.r[e]!;
    if (takenL[l] || takenR[r]) continue;
    takenL[l] = 1;
    takenR[r] = 1;
    out.matched.push(e);
    out.candidates.push(accL[l]!);
    out.contested.push(1);
  }
}

function clusters<T>(
  table: RecordTable<T>,
  ar: Arith<T>,
  L: Units,
  R: Units,
  edges: Edges<T>,
  list: number[],
  accL: Int32Array,
  options: ResolveOptions,
  out: Resolution,
): void {
  const uf = new UnionFind(L.count + R.count);
  for (const e of list) uf.union(edges.l[e]!, L.count + edges.r[e]!);
  const byRoot = new Map<number, number[]>();
  for (const e of list) {
    const root = uf.find(edges.l[e]!);
    let c = byRoot.get(root);
    if (!c) {
      c = [];
      byRoot.set(root, c);
    }
    c.push(e);
  }
  for (const clusterEdges of byRoot.values()) {
    const left = [...new Set(clusterEdges.map((e) => edges.l[e]!))].sort((a, b) => compareUnits(table, L, a, b));
    const right = [...new Set(clusterEdges.map((e) => edges.r[e]!))].sort((a, b) => compareUnits(table, R, a, b));
    if (options.policy === 'optimal' && left.length <= options.optimalCap && right.length <= options.optimalCap) {
      const li = new Map(left.map((u, k) => [u, k]));
      const ri = new Map(right.map((u, k) => [u, k]));
      const cluster: ClusterEdge<T>[] = clusterEdges.map((e) => ({
        edge: e,
        l: li.get(edges.l[e]!)!,
        r: ri.get(edges.r[e]!)!,
        absDelta: ar.abs(edges.delta[e]!),
        absDate: Math.abs(edges.dateDelta[e]!),
      }));
      const chosen = optimalAssignment(ar, left.length, right.length, cluster, 1_000_000);
      if (chosen) {
        for (const e of chosen) {
          out.matched.push(e);
          out.candidates.push(accL[edges.l[e]!]!);
          out.contested.push(1);
        }
        continue;
      }
    }
    const reason = options.policy === 'optimal' ? 'cluster-too-large' : 'ambiguous';
    out.suggested.push({ left, right, edges: clusterEdges, reason });
  }
}
