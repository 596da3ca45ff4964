import type { CompiledSubsetRuns } from '../config/compiled';
import { passes } from './filter';
import type { RecordTable } from './record-table';
import { ANY_CHANNEL, buildBlocks, UNSEEN, type Block } from './subset-blocks';
import { firstAtLeastBy } from './sorted';
import { MAX_HALVES_SIZE, subsetHalves, subsetsInRange, type SubsetHalves } from './subset-halves';

/** What the runs search asks of the rule about one target and its candidates. */
export interface RunChecks<T> {
  /** Whether pool record `m` may belong to target `t`'s solution (currency, status, date window). */
  isCandidate(t: number, m: number): boolean;
  /** The interval the (oriented) sum of a solution must lie in for target `t`. */
  interval(t: number): readonly [T, T];
  /** Oriented value of pool record `m`. */
  value(m: number): T;
  /** Calendar day of target `t` and of pool record `m`, for the netting window. */
  targetDay(t: number): number;
  poolDay(m: number): number;
}

/** Solutions found for one target: pool records (canonical order inside each), at most two. */
export interface RunSearchResult {
  target: number;
  solutions: number[][];
  /** True when every search it needed was exhausted, so one solution is provably the only one. */
  complete: boolean;
}

interface NettingDay<T> {
  day: number;
  values: T[];
  records: number[];
  /** Sums of the negative and of the positive values: the range any subset can add. */
  neg: T;
  pos: T;
}

/** A target's netted candidates for blocks of one channel. */
interface Netting<T> {
  days: NettingDay<T>[];
  /** Most negative and most positive sum one day can add. */
  minAdd: T;
  maxAdd: T;
  /** A day had more candidates than the search takes: solutions through it are unknown. */
  tooMany: boolean;
}

/** Options of {@link searchRuns} besides the records. */
export interface RunSearchLimits {
  /**
   * Netted candidates of one day (and channel) above which that day is not searched and the
   * target stays unproven. Each day's subsets are enumerated in full (meet in the middle).
   */
  maxNetted: number;
}

const MAX_SOLUTIONS = 2;

/**
 * Runs-mode subset search (see `SubsetRunsConfig`): for each target, every whole block whose
 * members all pass the target's checks and whose sum, plus a subset of the netted records of one
 * day of the netting window, lies in the target's interval; with `maxSkipped` 1, also a block less
 * one record (netting nothing or all of one day's candidates); and every split of one block into a
 * prefix for one target and the rest for another. Netted records join only blocks of their
 * parent's channel when `parentBy` is set. At most two solutions per target are kept (two mean
 * ambiguous). Deterministic: targets in canonical order, blocks in partition-name and time order,
 * netting days ascending, netted records in canonical order.
 */
export function searchRuns<T>(
  table: RecordTable<T>,
  runs: CompiledSubsetRuns,
  targets: Int32Array,
  pool: Int32Array,
  checks: RunChecks<T>,
  limits: RunSearchLimits,
): RunSearchResult[] {
  const ar = table.ar;
  const netting = runs.netting;
  const runMembers: number[] = [];
  const nettedByDay = new Map<number, number[]>();
  // Parent txn_id of each netted record, and per source id, the parent's channel once found.
  const parentOf = new Map<number, string>();
  const parents: (Map<string, number> | undefined)[] = [];
  for (const m of pool) {
    if (netting && passes(table, netting.filter, m)) {
      const day = checks.poolDay(m);
      const list = nettedByDay.get(day) ?? [];
      list.push(m);
      nettedByDay.set(day, list);
      const parent = netting.parentBy ? table.keys(netting.parentBy).get(m) : undefined;
      if (typeof parent === 'string') {
        parentOf.set(m, parent);
        (parents[table.sourceId[m]!] ??= new Map()).set(parent, UNSEEN);
      }
    } else runMembers.push(m);
  }
  for (const list of nettedByDay.values()) list.sort((a, b) => table.compare(a, b));
  const blocks = buildBlocks(table, runs, runMembers, checks.value, parents);
  const out: RunSearchResult[] = [];
  if (blocks.length === 0) return out;
  /** Whether netted record m may join a block of `channel`. */
  const joins = (m: number, channel: number): boolean => {
    const parent = parentOf.get(m);
    if (parent === undefined) return true;
    const c = parents[table.sourceId[m]!]!.get(parent)!;
    return c === UNSEEN || c === ANY_CHANNEL || c === channel;
  };

  // Targets in canonical order, so solutions are found (and capped) the same way for any input order.
  const ordered = Array.from(targets).sort((a, b) => table.compare(a, b));
  const intervals = new Map(ordered.map((t) => [t, checks.interval(t)] as const));
  const found = new Map<number, { solutions: number[][]; complete: boolean }>(ordered.map((t) => [t, { solutions: [], complete: true }]));
  // Overlapping candidate blocks (tied groups) can reach one solution twice: count it once.
  const seen = new Map<number, Set<string>>();
  const addSolution = (t: number, members: number[]) => {
    const f = found.get(t)!;
    if (f.solutions.length >= MAX_SOLUTIONS) return;
    const id = members.slice().sort((a, b) => a - b).join(',');
    const ids = seen.get(t) ?? new Set<string>();
    seen.set(t, ids);
    if (ids.has(id)) return;
    ids.add(id);
    f.solutions.push(members);
  };
  const full = (t: number) => found.get(t)!.solutions.length >= MAX_SOLUTIONS;

  // The netted candidates of a target, per day of its window and block channel (built when first asked).
  const nettingCache = new Map<number, Map<number, Netting<T>>>();
  const nettingFor = (t: number, channel: number): Netting<T> => {
    let perTarget = nettingCache.get(t);
    if (!perTarget) {
      perTarget = new Map();
      nettingCache.set(t, perTarget);
    }
    let entry = perTarget.get(channel);
    if (entry) return entry;
    entry = { days: [], minAdd: ar.zero, maxAdd: ar.zero, tooMany: false };
    if (netting) {
      const td = checks.targetDay(t);
      for (let d = td - netting.maxDays; d <= td - netting.minDays; d++) {
        const records = (nettedByDay.get(d) ?? []).filter((m) => checks.isCandidate(t, m) && joins(m, channel));
        if (records.length === 0) continue;
        if (records.length > Math.min(limits.maxNetted, MAX_HALVES_SIZE)) {
          entry.tooMany = true;
          continue;
        }
        const values = records.map(checks.value);
        let neg = ar.zero;
        let pos = ar.zero;
        for (const v of values) {
          if (ar.sign(v) < 0) neg = ar.add(neg, v);
          else pos = ar.add(pos, v);
        }
        if (ar.cmp(neg, entry.minAdd) < 0) entry.minAdd = neg;
        if (ar.cmp(pos, entry.maxAdd) > 0) entry.maxAdd = pos;
        entry.days.push({ day: d, values, records, neg, pos });
      }
    }
    perTarget.set(channel, entry);
    return entry;
  };
  /**
   * Subsets of the netted records (of one day, or of any day when `day` is null, each day on its
   * own) that add a value in [needLo, needHi], the empty one included; `without` are taken.
   */
  // Subset indexes of netted candidate lists, shared by every target that sees the same list.
  const halvesCache = new Map<string, SubsetHalves<T>>();
  const halvesOf = (d: NettingDay<T>) => {
    const id = d.records.join(',');
    let index = halvesCache.get(id);
    if (!index) {
      index = subsetHalves(ar, d.values);
      halvesCache.set(id, index);
    }
    return index;
  };
  const nettedSubsets = (net: Netting<T>, needLo: T, needHi: T, day: number | null, without: readonly number[]) => {
    const options: { day: number | null; records: number[] }[] = [];
    if (ar.sign(needLo) <= 0 && ar.sign(needHi) >= 0) options.push({ day: null, records: [] });
    if (ar.cmp(needHi, net.minAdd) < 0 || ar.cmp(needLo, net.maxAdd) > 0) return options;
    for (const d of net.days) {
      if (day !== null && d.day !== day) continue;
      if (ar.cmp(needHi, d.neg) < 0 || ar.cmp(needLo, d.pos) > 0) continue;
      let excluded = 0;
      d.records.forEach((m, k) => {
        if (without.includes(m)) excluded |= 1 << k;
      });
      for (const sol of subsetsInRange(ar, halvesOf(d), needLo, needHi, MAX_SOLUTIONS, excluded)) options.push({ day: d.day, records: sol.map((k) => d.records[k]!) });
    }
    return options;
  };

  const byValue = (block: Block<T>) => {
    const values = block.members.map(checks.value);
    const order = block.members.map((_, k) => k).sort((a, b) => ar.cmp(values[a]!, values[b]!) || table.compare(block.members[a]!, block.members[b]!));
    return { values: order.map((k) => values[k]!), members: order.map((k) => block.members[k]!) };
  };
  const firstAtLeastIn = (values: readonly T[], x: T) => firstAtLeastBy(values, x, ar.cmp);

  // Per target, the widest netting over the blocks' channels: [minAdd, maxAdd] bounds what any
  // day (searched or left out whole) can add, so the bounds below hold for every channel at once.
  const channels = [...new Set(blocks.map((b) => table.channel[b.members[0]!]!))];
  const widestNet = new Map<number, { minAdd: T; maxAdd: T; tooMany: number[] }>();
  for (const t of ordered) {
    const w = { minAdd: ar.zero, maxAdd: ar.zero, tooMany: [] as number[] };
    for (const c of channels) {
      const net = nettingFor(t, c);
      if (ar.cmp(net.minAdd, w.minAdd) < 0) w.minAdd = net.minAdd;
      if (ar.cmp(net.maxAdd, w.maxAdd) > 0) w.maxAdd = net.maxAdd;
      if (net.tooMany) w.tooMany.push(c);
    }
    widestNet.set(t, w);
  }
  const candidatesOf = wholeBlockIndex(ar, blocks);

  // Whole blocks (or all but one record of them). Only the blocks the index lets through are
  // visited, in block order, so the solutions found (and capped) are those of a visit of all.
  for (const t of ordered) {
    const [lo, hi] = intervals.get(t)!;
    const w = widestNet.get(t)!;
    const tooMany = w.tooMany.length === 0 ? null : blocks.flatMap((b, k) => (w.tooMany.includes(table.channel[b.members[0]!]!) ? [k] : []));
    for (const k of candidatesOf(ar.sub(lo, w.maxAdd), ar.sub(hi, w.minAdd), tooMany)) {
      const block = blocks[k]!;
      if (full(t)) break;
      const net = nettingFor(t, table.channel[block.members[0]!]!);
      // What the netted records must add: [lo − sum, hi − sum]; skip blocks no day can reach.
      const needLo = ar.sub(lo, block.sum);
      const needHi = ar.sub(hi, block.sum);
      const reachable = ar.cmp(needHi, net.minAdd) >= 0 && ar.cmp(needLo, net.maxAdd) <= 0;
      // Leaving one record out: nothing netted, or all of one day's candidates. The record left
      // out must then have a value in [sum + netted − hi, sum + netted − lo].
      const skips: { records: readonly number[]; from: T; to: T }[] = [];
      if (runs.maxSkipped > 0 && block.members.length > 1) {
        for (let o = -1; o < net.days.length; o++) {
          const day = o < 0 ? null : net.days[o]!;
          const total = day ? ar.add(block.sum, ar.add(day.neg, day.pos)) : block.sum;
          const from = ar.sub(total, hi);
          const to = ar.sub(total, lo);
          if (ar.cmp(to, block.min) >= 0 && ar.cmp(from, block.max) <= 0) skips.push({ records: day ? day.records : [], from, to });
        }
      }
      // A day left out for its size might reach what the searched days cannot.
      if (!reachable && skips.length === 0 && !net.tooMany) continue;
      if (!block.members.every((m) => checks.isCandidate(t, m))) continue;
      if (net.tooMany) found.get(t)!.complete = false;
      if (reachable) for (const option of nettedSubsets(net, needLo, needHi, null, [])) addSolution(t, [...block.members, ...option.records]);
      for (const skip of skips) {
        const index = (block.byValue ??= byValue(block));
        for (let x = firstAtLeastIn(index.values, skip.from); x < index.values.length && ar.cmp(index.values[x]!, skip.to) <= 0 && !full(t); x++) {
          const left = index.members[x]!;
          addSolution(t, [...block.members.filter((m) => m !== left), ...skip.records]);
        }
      }
    }
  }

  // Two payouts in one block (consecutive windows of one cycle, both withheld): a prefix for one
  // target and the rest for another, each with its own netted records. Both ends of each part are
  // still fixed (by the block's edges and by the other part), so chance solutions stay as rare.
  if (ordered.length >= 2) {
    // Targets by the upper end of their interval, and the widest netting and interval of any.
    const byHi = ordered.slice().sort((a, b) => ar.cmp(intervals.get(a)![1], intervals.get(b)![1]) || table.compare(a, b));
    const his = byHi.map((t) => intervals.get(t)![1]);
    const firstHiAtLeast = (x: T) => firstAtLeastBy(his, x, ar.cmp);
    const widest = { min: ar.zero, max: ar.zero, width: ar.zero };
    for (const t of ordered) {
      const [lo, hi] = intervals.get(t)!;
      if (ar.cmp(ar.sub(hi, lo), widest.width) > 0) widest.width = ar.sub(hi, lo);
      const w = widestNet.get(t)!;
      if (ar.cmp(w.minAdd, widest.min) < 0) widest.min = w.minAdd;
      if (ar.cmp(w.maxAdd, widest.max) > 0) widest.max = w.maxAdd;
    }
    for (const block of blocks) {
      const members = block.members;
      const m = members.length;
      if (m < 2) continue;
      const channel = table.channel[members[0]!]!;
      const prefix: T[] = [ar.zero];
      for (let k = 0; k < m; k++) prefix.push(ar.add(prefix[k]!, checks.value(members[k]!)));
      // With no negative member, prefix sums rise: the split points worth trying are a range.
      const rising = members.every((x) => ar.sign(checks.value(x)) >= 0);
      for (const t1 of ordered) {
        const [lo1, hi1] = intervals.get(t1)!;
        const net1 = nettingFor(t1, channel);
        // Both parts net to their targets: lo1 + lo2 − S ≤ maxAdd1 + maxAdd2 and
        // hi1 + hi2 − S ≥ minAdd1 + minAdd2. Bound the second target's interval with the widest
        // netting any target has, then look it up among the targets sorted by `hi`.
        const hiFrom = ar.add(ar.sub(ar.add(block.sum, net1.minAdd), hi1), widest.min);
        const loTo = ar.add(ar.sub(ar.add(block.sum, net1.maxAdd), lo1), widest.max);
        const partners: number[] = [];
        for (let x = firstHiAtLeast(hiFrom); x < byHi.length; x++) {
          const t2 = byHi[x]!;
          const [lo2, hi2] = intervals.get(t2)!;
          if (ar.cmp(hi2, ar.add(loTo, widest.width)) > 0) break;
          if (t2 !== t1 && ar.cmp(lo2, loTo) <= 0) partners.push(t2);
        }
        if (partners.length === 0) continue;
        // Prefix sum P[k] must satisfy lo1 − maxAdd ≤ P[k] ≤ hi1 − minAdd.
        const kFrom = rising ? Math.max(1, firstAtLeastIn(prefix, ar.sub(lo1, net1.maxAdd))) : 1;
        const kTo = rising ? Math.min(m - 1, firstAtLeastIn(prefix, ar.add(ar.sub(hi1, net1.minAdd), ar.fromInt(1))) - 1) : m - 1;
        if (kFrom > kTo) continue;
        let valid = true;
        for (let j = 0; j < kFrom - 1 && valid; j++) valid = checks.isCandidate(t1, members[j]!);
        if (!valid) continue;
        for (let k = kFrom; k <= kTo; k++) {
          if (!checks.isCandidate(t1, members[k - 1]!)) break;
          const needLo = ar.sub(lo1, prefix[k]!);
          const needHi = ar.sub(hi1, prefix[k]!);
          if (ar.cmp(needHi, net1.minAdd) < 0 || ar.cmp(needLo, net1.maxAdd) > 0) continue;
          const rest = ar.sub(block.sum, prefix[k]!);
          let r1s: { day: number | null; records: number[] }[] | null = null;
          for (const t2 of partners) {
            const [lo2, hi2] = intervals.get(t2)!;
            const net2 = nettingFor(t2, channel);
            const need2Lo = ar.sub(lo2, rest);
            const need2Hi = ar.sub(hi2, rest);
            if (ar.cmp(need2Hi, net2.minAdd) < 0 || ar.cmp(need2Lo, net2.maxAdd) > 0) continue;
            let ok = true;
            for (let j = k; j < m && ok; j++) ok = checks.isCandidate(t2, members[j]!);
            if (!ok) continue;
            if (net1.tooMany || net2.tooMany) {
              found.get(t1)!.complete = false;
              found.get(t2)!.complete = false;
            }
            r1s ??= nettedSubsets(net1, needLo, needHi, null, []);
            for (const r1 of r1s) {
              // Both payouts of one cycle net the refunds of the same day.
              for (const r2 of nettedSubsets(net2, need2Lo, need2Hi, r1.day, r1.records)) {
                addSolution(t1, [...members.slice(0, k), ...r1.records]);
                addSolution(t2, [...members.slice(k), ...r2.records]);
              }
            }
          }
        }
      }
    }
  }

  for (const t of ordered) {
    const f = found.get(t)!;
    if (f.solutions.length > 0) out.push({ target: t, solutions: f.solutions, complete: f.complete || f.solutions.length >= MAX_SOLUTIONS });
  }
  return out;
}

/**
 * The blocks a target may take whole or less one record, as a function of the target's bounds
 * `[a, b]` = `[lo − maxAdd, hi − minAdd]`: taking a block whole needs `a ≤ sum ≤ b`, and leaving
 * out a record of value v needs `a ≤ sum − v ≤ b` (the netted days add at most maxAdd and at least
 * minAdd), so every such block has `sum − min(min, 0) ≥ a` and `sum − max(max, 0) ≤ b`. Blocks
 * sorted by the first bound are scanned from `a` up to `b` plus the widest `max − min` of any
 * block. `extra` (blocks of channels whose netting was too large to search) are always returned.
 * Block indexes come back ascending: the order a visit of every block would take.
 */
function wholeBlockIndex<T>(ar: RecordTable<T>['ar'], blocks: readonly Block<T>[]): (a: T, b: T, extra: readonly number[] | null) => number[] {
  const upper = blocks.map((b) => ar.sub(b.sum, ar.sign(b.min) < 0 ? b.min : ar.zero));
  const lower = blocks.map((b) => ar.sub(b.sum, ar.sign(b.max) > 0 ? b.max : ar.zero));
  const byUpper = blocks.map((_, k) => k).sort((x, y) => ar.cmp(upper[x]!, upper[y]!) || x - y);
  const sortedUpper = byUpper.map((k) => upper[k]!);
  let spread = ar.zero;
  for (let k = 0; k < blocks.length; k++) if (ar.cmp(ar.sub(upper[k]!, lower[k]!), spread) > 0) spread = ar.sub(upper[k]!, lower[k]!);
  return (a, b, extra) => {
    const lo = firstAtLeastBy(sortedUpper, a, ar.cmp);
    const end = ar.add(b, spread);
    const out: number[] = [];
    for (let x = lo; x < sortedUpper.length && ar.cmp(sortedUpper[x]!, end) <= 0; x++) {
      const k = byUpper[x]!;
      if (ar.cmp(lower[k]!, b) <= 0) out.push(k);
    }
    if (extra) {
      const seen = new Set(out);
      for (const k of extra) if (!seen.has(k)) out.push(k);
    }
    return out.sort((x, y) => x - y);
  };
}
