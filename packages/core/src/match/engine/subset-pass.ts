import type { CompiledIdentifier, CompiledRule } from '../config/compiled';
import type { OutcomeBuilder } from '../outcomes/build';
import { PairChecker } from './checks';
import { computeFacts } from './facts';
import { REASON_NO_CANDIDATE, REASON_TOO_MANY, type LinkState } from './link-state';
import type { RecordTable } from './record-table';
import { firstAtLeast } from './sorted';
import { searchRuns } from './subset-runs';
import { subsetSearch } from './subset-sum';
import { UnionFind } from './union-find';
import { singleUnits, type Units } from './units';

interface TargetResult {
  target: number;
  candidates: number[];
  solutions: number[][];
  unique: boolean;
  identifier: CompiledIdentifier | null;
  key: string | undefined;
}

/** A one-unit group of `records` (sorted). */
function groupOf(records: number[]): Units {
  return {
    count: 1,
    start: Int32Array.of(0),
    size: Int32Array.of(records.length),
    members: Int32Array.from(records),
    groupKey: undefined,
    closed: new Uint8Array(1),
  };
}

function keysOf<T>(table: RecordTable<T>, read: CompiledIdentifier['left'], i: number): readonly string[] {
  const v = table.keys(read).get(i);
  return v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v;
}

/**
 * Subset-sum fallback of a grouped rule: for each open single record on the target side, look
 * for the unique combination of open records on the grouped side whose sum passes the amount
 * check. Candidates are blocked by the rule's identifiers (shared key) or, without identifiers,
 * by the date window; each candidate must also pass currency, status and date on its own.
 *
 * Decisions are set-wise: a target is matched only if its solution is provably unique and shares
 * no record with any other target's solutions; otherwise the overlapping targets and solutions
 * become one `suggested` outcome. Targets with too many candidates are left open.
 *
 * In runs mode (`subsetSum.runs`) the combinations searched are whole blocks of consecutive open
 * records of one partition, plus netted records (see `searchRuns`); the decisions are the same.
 */
export function subsetPass<T>(
  table: RecordTable<T>,
  rule: CompiledRule,
  targets: Int32Array,
  pool: Int32Array,
  state: LinkState,
  builder: OutcomeBuilder<T>,
): void {
  const subset = rule.subset;
  if (!subset || targets.length === 0 || pool.length === 0) return;
  const ar = table.ar;
  const checks = rule.checks;
  const manyToOne = rule.cardinality === 'many-to-one';
  const poolSide = manyToOne ? 'left' : 'right';
  const targetSide = manyToOne ? 'right' : 'left';
  const date = checks.date;
  const dateOf = (i: number, side: 'left' | 'right') =>
    !date ? 0 : date.unitMs === 0 ? table.day(i, side === 'left' ? date.leftField : date.rightField) : table.instant(i);

  // Blocking structures.
  const indexes = (subset.runs ? [] : rule.identifiers).map((id) => {
    const map = new Map<string, number[]>();
    for (const i of pool) {
      for (const k of keysOf(table, manyToOne ? id.left : id.right, i)) {
        let list = map.get(k);
        if (!list) {
          list = [];
          map.set(k, list);
        }
        list.push(i);
      }
    }
    return map;
  });
  // Runs mode blocks by partition instead; it needs neither the identifier indexes nor this order.
  const byDate = subset.runs ? [] : Array.from(pool).sort((a, b) => dateOf(a, poolSide) - dateOf(b, poolSide) || table.compare(a, b));
  const dates = Float64Array.from(byDate, (i) => dateOf(i, poolSide));
  const lowerBound = (x: number) => firstAtLeast(dates, x);
  const scale = date && date.unitMs > 0 ? date.unitMs : 1;

  // Whether pool member m may join target t's combination: open, same currency, status, date.
  const isCandidate = (t: number, m: number): boolean => {
    if (!state.open[m]) return false;
    // The table's columns, not the records: no record is read (or, from a store, rebuilt) here.
    if (table.currencyId[m] !== table.currencyId[t]) return false;
    if (checks.status) {
      const tStatus = table.status[t]!;
      const ms = table.status[m]!;
      const ok = manyToOne ? (checks.status[ms]! & (1 << tStatus)) !== 0 : (checks.status[tStatus]! & (1 << ms)) !== 0;
      if (!ok) return false;
    }
    if (date) {
      const td = dateOf(t, targetSide);
      const delta = manyToOne ? td - dateOf(m, poolSide) : dateOf(m, poolSide) - td;
      if (delta < -date.before * scale || delta > date.after * scale) return false;
    }
    return true;
  };
  // Interval for the sum of (oriented) candidate values, from the amount check.
  const o = checks.direction === 'opposite' ? -1 : 1;
  const interval = (t: number): readonly [T, T] => {
    const tv = table.value(t, checks.amount.netFee, checks.amount.netTax);
    const target = o < 0 ? ar.neg(tv) : tv;
    const facts = computeFacts(table, singleUnits(Int32Array.of(t)), checks, targetSide, rule.groupDate);
    const tmpChecker = new PairChecker(ar, checks, facts, facts);
    const allowed = tmpChecker.allowance(target, target);
    const under = checks.amount.allowUnder ? allowed : ar.zero;
    const over = checks.amount.allowOver ? allowed : ar.zero;
    // many-to-one: Δ = S − target ∈ [−under, over]. one-to-many: Δ = tv − o·S, so with
    // oriented values S' = o·S: S' ∈ [tv − over, tv + under].
    return manyToOne ? [ar.sub(target, under), ar.add(target, over)] : [ar.sub(tv, over), ar.add(tv, under)];
  };
  const valueOf = (m: number): T => {
    const v = table.value(m, checks.amount.netFee, checks.amount.netTax);
    return !manyToOne && o < 0 ? ar.neg(v) : v;
  };

  const results: TargetResult[] = [];
  if (subset.runs) {
    const dayField = (side: 'left' | 'right') => (date ? (side === 'left' ? date.leftField : date.rightField) : side === poolSide ? 'timestamp' : 'value_date');
    const runChecks = {
      isCandidate,
      interval,
      value: valueOf,
      targetDay: (t: number) => table.day(t, dayField(targetSide)),
      poolDay: (m: number) => table.day(m, dayField(poolSide)),
    };
    for (const r of searchRuns(table, subset.runs, targets, pool, runChecks, { maxNetted: subset.maxCandidates })) {
      state.note(r.target, REASON_NO_CANDIDATE);
      results.push({
        target: r.target,
        candidates: [],
        solutions: r.solutions.map((s) => s.sort((a, b) => table.compare(a, b))),
        unique: r.solutions.length === 1 && r.complete,
        identifier: null,
        key: undefined,
      });
    }
  }
  for (const t of subset.runs ? [] : targets) {
    let candidates: number[] = [];
    let identifier: CompiledIdentifier | null = null;
    let key: string | undefined;
    if (rule.identifiers.length > 0) {
      const seen = new Set<number>();
      rule.identifiers.forEach((id, k) => {
        for (const tk of keysOf(table, manyToOne ? id.right : id.left, t)) {
          for (const i of indexes[k]!.get(tk) ?? []) {
            if (seen.has(i)) continue;
            seen.add(i);
            candidates.push(i);
            if (!identifier) {
              identifier = id;
              key = tk;
            }
          }
        }
      });
    } else if (date) {
      // Pool member m passes when (right date − left date) ∈ [−before, after].
      const td = dateOf(t, targetSide);
      const [from, to] = manyToOne ? [td - date.after * scale, td + date.before * scale] : [td - date.before * scale, td + date.after * scale];
      const end = lowerBound(to + 1); // dates are integers (days or ms): inclusive upper bound
      for (let k = lowerBound(from); k < end; k++) candidates.push(byDate[k]!);
    }
    candidates = candidates.filter((m) => isCandidate(t, m));
    state.note(t, REASON_NO_CANDIDATE);
    if (candidates.length === 0) continue;
    if (candidates.length > subset.maxCandidates) {
      state.note(t, REASON_TOO_MANY);
      continue;
    }
    candidates.sort((a, b) => table.compare(a, b));
    const values = candidates.map(valueOf);
    const [lo, hi] = interval(t);
    const search = subsetSearch(ar, values, lo, hi, subset.maxIterations);
    if (search.solutions.length === 0) continue;
    results.push({
      target: t,
      candidates,
      solutions: search.solutions.map((s) => s.map((k) => candidates[k]!)),
      unique: search.solutions.length === 1 && search.complete,
      identifier,
      key,
    });
  }
  if (results.length === 0) return;

  // Conflicts: targets whose solutions share a record are decided together.
  const ids = new Map<number, number>();
  const idOf = (i: number) => {
    let k = ids.get(i);
    if (k === undefined) {
      k = ids.size;
      ids.set(i, k);
    }
    return k;
  };
  for (const r of results) {
    idOf(r.target);
    for (const s of r.solutions) for (const m of s) idOf(m);
  }
  const uf = new UnionFind(ids.size);
  for (const r of results) for (const s of r.solutions) for (const m of s) uf.union(idOf(r.target), idOf(m));
  const byRoot = new Map<number, TargetResult[]>();
  for (const r of results) {
    const root = uf.find(idOf(r.target));
    const list = byRoot.get(root) ?? [];
    list.push(r);
    byRoot.set(root, list);
  }
  const clusters = [...byRoot.values()];
  for (const cluster of clusters) {
    cluster.sort((a, b) => table.compare(a.target, b.target));
    const only = cluster[0]!;
    if (cluster.length === 1 && only.unique) {
      const members = only.solutions[0]!;
      const group = groupOf(members);
      const single = singleUnits(Int32Array.of(only.target));
      const [L, R] = manyToOne ? [group, single] : [single, group];
      const LF = computeFacts(table, L, checks, 'left', rule.groupDate);
      const RF = computeFacts(table, R, checks, 'right', rule.groupDate);
      const checker = new PairChecker(ar, checks, LF, RF);
      const failed = checker.check(0, 0);
      const key = only.key;
      const one = { l: [0], r: [0], lkey: () => key, rkey: () => key, delta: [checker.delta], dateDelta: [checker.dateDelta], failed: [failed] };
      builder.pairs('matched', { rule, L, R, LF, RF, checker, method: 'subset-sum', identifier: only.identifier }, one, Int32Array.of(0), Int32Array.of(1), Uint8Array.of(0));
      state.close(only.target);
      for (const m of members) state.close(m);
      continue;
    }
    // Review: every target of the cluster and every record of any of its solutions.
    const targetsHere = cluster.map((r) => r.target);
    const poolHere = [...new Set(cluster.flatMap((r) => r.solutions.flat()))].sort((a, b) => table.compare(a, b));
    const tUnits = singleUnits(Int32Array.from(targetsHere));
    const pUnits = singleUnits(Int32Array.from(poolHere));
    const pIndex = new Map(poolHere.map((m, k) => [m, k]));
    const pairs = cluster.flatMap((r, tk) =>
      r.solutions.map((s) => {
        const sum = s.reduce((acc, m) => ar.add(acc, table.value(m, checks.amount.netFee, checks.amount.netTax)), ar.zero);
        const tv = table.value(r.target, checks.amount.netFee, checks.amount.netTax);
        const opposite = checks.direction === 'opposite';
        const members = s.map((m) => pIndex.get(m)!);
        // Δ = left − oriented right, as for every pair.
        return manyToOne
          ? { l: members, r: [tk], difference: ar.sub(sum, opposite ? ar.neg(tv) : tv) }
          : { l: [tk], r: members, difference: ar.sub(tv, opposite ? ar.neg(sum) : sum) };
      }),
    );
    const all = (n: number) => Array.from({ length: n }, (_, k) => k);
    if (manyToOne) builder.suggested(rule.name, 'subset-ambiguous', pUnits, all(poolHere.length), tUnits, all(targetsHere.length), pairs);
    else builder.suggested(rule.name, 'subset-ambiguous', tUnits, all(targetsHere.length), pUnits, all(poolHere.length), pairs);
    for (const t of targetsHere) state.close(t);
    for (const m of poolHere) state.close(m);
  }
}
