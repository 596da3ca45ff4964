import type { Arith } from './arith';

/** Result of {@link subsetSearch}. */
export interface SubsetSearchResult {
  /** Up to `maxSolutions` solutions, each a list of candidate positions (ascending). */
  solutions: number[][];
  /** True when the search space was exhausted (so the number of solutions is exact up to the cap). */
  complete: boolean;
}

/**
 * Non-empty subsets of `values` whose sum lies in [lo, hi], by depth-first search with bounds:
 * a branch is cut when even adding every remaining positive (or negative) value cannot reach
 * the interval. Stops at `maxSolutions` solutions or after `maxIterations` nodes. Subset-sum is
 * NP-complete, hence the budget: the caller accepts a solution only when it is provably unique
 * (one solution, search complete).
 *
 * Values may be negative (refunds netted into a batch). The search order is the order of
 * `values`, which the caller makes canonical, so the solutions found do not depend on input order.
 */
export function subsetSearch<T>(ar: Arith<T>, values: readonly T[], lo: T, hi: T, maxIterations: number, maxSolutions = 2): SubsetSearchResult {
  const n = values.length;
  // restPos[k] / restNeg[k]: sum of positive / negative values at positions ≥ k.
  const restPos = new Array<T>(n + 1);
  const restNeg = new Array<T>(n + 1);
  restPos[n] = ar.zero;
  restNeg[n] = ar.zero;
  for (let k = n - 1; k >= 0; k--) {
    const v = values[k]!;
    restPos[k] = ar.sign(v) > 0 ? ar.add(restPos[k + 1]!, v) : restPos[k + 1]!;
    restNeg[k] = ar.sign(v) < 0 ? ar.add(restNeg[k + 1]!, v) : restNeg[k + 1]!;
  }
  const solutions: number[][] = [];
  const chosen: number[] = [];
  let nodes = 0;
  let stopped = false;
  const search = (k: number, sum: T): void => {
    if (stopped) return;
    if (++nodes > maxIterations) {
      stopped = true;
      return;
    }
    if (chosen.length > 0 && ar.cmp(sum, lo) >= 0 && ar.cmp(sum, hi) <= 0) {
      solutions.push(chosen.slice());
      if (solutions.length >= maxSolutions) {
        stopped = true;
        return;
      }
    }
    if (k === n) return;
    // Reachable sums from here: [sum + restNeg[k], sum + restPos[k]].
    if (ar.cmp(ar.add(sum, restPos[k]!), lo) < 0 || ar.cmp(ar.add(sum, restNeg[k]!), hi) > 0) return;
    for (let j = k; j < n; j++) {
      chosen.push(j);
      search(j + 1, ar.add(sum, values[j]!));
      chosen.pop();
      if (stopped) return;
    }
  };
  search(0, ar.zero);
  const complete = !stopped || solutions.length >= maxSolutions;
  return { solutions, complete: complete && nodes <= maxIterations };
}
