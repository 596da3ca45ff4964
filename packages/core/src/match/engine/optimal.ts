import type { Arith } from './arith';

/** One acceptable pair inside a cluster, with its cost. */
export interface ClusterEdge<T> {
  edge: number;
  /** Index of the left unit within the cluster (clusters list units in total order). */
  l: number;
  r: number;
  absDelta: T;
  absDate: number;
}

/**
 * The best assignment of a small cluster, by exhaustive search: the most pairs, then the least
 * total |Δamount|, then the least total |Δdate|. Left units are tried in total order and each
 * one's candidates in right-unit total order, "pair" before "leave open", and only a strictly
 * better solution replaces the incumbent, so among equal optima the first in that canonical order
 * wins: the result is a function of the cluster, not of the input order.
 *
 * Returns the chosen edge indices, or null when `budget` search nodes were not enough.
 */
export function optimalAssignment<T>(ar: Arith<T>, leftCount: number, rightCount: number, edges: readonly ClusterEdge<T>[], budget: number): number[] | null {
  const byLeft: ClusterEdge<T>[][] = Array.from({ length: leftCount }, () => []);
  for (const e of edges) byLeft[e.l]!.push(e);
  for (const list of byLeft) list.sort((a, b) => a.r - b.r);
  const used = new Uint8Array(rightCount);
  const chosen: ClusterEdge<T>[] = [];
  let best: ClusterEdge<T>[] = [];
  let bestDelta = ar.zero;
  let bestDate = 0;
  let nodes = 0;
  let exhausted = false;

  const better = (count: number, delta: T, date: number) => {
    if (count !== best.length) return count > best.length;
    const c = ar.cmp(delta, bestDelta);
    if (c !== 0) return c < 0;
    return date < bestDate;
  };

  const search = (l: number, count: number, delta: T, date: number) => {
    if (exhausted) return;
    if (++nodes > budget) {
      exhausted = true;
      return;
    }
    // Bound: even pairing every remaining left unit cannot beat the incumbent's count.
    if (count + (leftCount - l) < best.length) return;
    if (l === leftCount) {
      if (better(count, delta, date)) {
        best = chosen.slice();
        bestDelta = delta;
        bestDate = date;
      }
      return;
    }
    for (const e of byLeft[l]!) {
      if (used[e.r]) continue;
      used[e.r] = 1;
      chosen.push(e);
      search(l + 1, count + 1, ar.add(delta, e.absDelta), date + e.absDate);
      chosen.pop();
      used[e.r] = 0;
    }
    search(l + 1, count, delta, date);
  };
  search(0, 0, ar.zero, 0);
  if (exhausted) return null;
  return best.map((e) => e.edge);
}
