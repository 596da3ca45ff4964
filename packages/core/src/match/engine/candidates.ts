import type { CompiledIdentifier } from '../config/compiled';
import type { PairChecker } from './checks';
import { GrowFloat64, GrowInt32, growColumn } from './grow';
import type { KeyColumn, KeyValue, RecordTable } from './record-table';
import { hash32 } from './string-table';
import type { Units } from './units';

/** Candidate pairs of one pass, in columns. `failed` is the failed-check mask (0 = acceptable). */
export interface Edges<T> {
  count: number;
  l: Int32Array;
  r: Int32Array;
  failed: Int32Array;
  delta: ArrayLike<T>;
  dateDelta: Float64Array;
  /** The left and right key values that met (read back from the records). */
  lkey(e: number): string | undefined;
  rkey(e: number): string | undefined;
}

/** The key values of a unit: its record's, or the union over a group's members (sorted). */
export function unitKeys(col: KeyColumn, units: Units, u: number): KeyValue {
  const s = units.start[u]!;
  const size = units.size[u]!;
  if (size === 1) return col.get(units.members[s]!);
  const set = new Set<string>();
  for (let k = s; k < s + size; k++) {
    const v = col.get(units.members[k]!);
    if (typeof v === 'string') set.add(v);
    else if (v) for (const x of v) set.add(x);
  }
  return set.size === 0 ? undefined : set.size === 1 ? set.values().next().value : [...set].sort();
}

/**
 * Key values of units, per pass: single-record units read their record (the column has the hash),
 * groups compute their union once and keep it (groups are few).
 */
class UnitKeyReader {
  private readonly cache: (KeyValue | null)[] | undefined;

  /** `keep`: remember every unit's keys (the indexed side: its keys are compared on every hit). */
  constructor(
    private readonly col: KeyColumn,
    private readonly units: Units,
    keep: boolean,
  ) {
    this.cache = units.groupKey || keep ? new Array<KeyValue | null>(units.count).fill(null) : undefined;
  }

  keys(u: number): KeyValue {
    if (!this.cache) return this.col.get(this.units.members[this.units.start[u]!]!);
    let v = this.cache[u];
    if (v === null) {
      v = this.units.size[u] === 1 ? this.col.get(this.units.members[this.units.start[u]!]!) : unitKeys(this.col, this.units, u);
      this.cache[u] = v;
    }
    return v;
  }

  /** The `k`-th key value of unit `u`. */
  key(u: number, k: number): string | undefined {
    const v = this.keys(u);
    return typeof v === 'string' ? v : v?.[k];
  }

}

/**
 * Hash join of open left units against open right units on one identifier: the right keys go into
 * an open-addressing table on typed arrays (entries chained, so a key may name many units), each
 * left key probes it, and every candidate pair is checked. A left unit with more than
 * `maxCandidates` candidates gets no edges and is flagged in `tooMany`. Pairs that share no key
 * are never compared.
 *
 * `windowed` (a rule with a date check whose failures are not reported as mismatches): the date
 * window is part of the blocking. Each key's entries are sorted by date and a probe reads only the
 * window (binary search), so a weak key shared by thousands of records (an amount) costs
 * O(log n + window) per probe, not O(bucket), and `maxCandidates` counts only candidates in the
 * window.
 */
export function findEdges<T>(
  table: RecordTable<T>,
  id: CompiledIdentifier,
  L: Units,
  R: Units,
  checker: PairChecker<T>,
  maxCandidates: number,
  tooMany: Uint8Array,
  windowed = false,
): Edges<T> {
  const prefix = id.prefix;
  const minLength = id.minLength;
  const lk = new UnitKeyReader(table.keys(id.left), L, false);
  const rk = new UnitKeyReader(table.keys(id.right), R, false);
  const indexKey = (key: string) => (prefix ? key.slice(0, minLength) : key);

  // Size everything by the units still open: later passes of a rule see only the leftovers.
  let openR = 0;
  for (let r = 0; r < R.count; r++) if (!R.closed[r]) openR++;
  let openL = 0;
  for (let l = 0; l < L.count; l++) if (!L.closed[l]) openL++;
  // Entries: (right unit, which of its keys); slots hold the first entry of each distinct key.
  const entUnit = new GrowInt32(openR);
  const entVal = new GrowInt32(openR);
  const entNext = new GrowInt32(openR);
  let cap = 16;
  while (cap < openR * 2) cap *= 2;
  const pool = table.scratch;
  let slots = pool.take('i32', cap, -1);
  let slotHash = pool.take('u32', cap);
  let distinct = 0;
  const entryKey = (e: number) => indexKey(rk.key(entUnit.view()[e]!, entVal.view()[e]!)!);
  const find = (key: string, h: number): number => {
    const mask = slots.length - 1;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = slots[p]!;
      if (e === -1) return -(p + 1);
      if (slotHash[p] === h && entryKey(e) === key) return p;
    }
  };
  const grow = () => {
    const next = pool.take('i32', slots.length * 2, -1);
    const nextHash = pool.take('u32', slots.length * 2);
    const mask = next.length - 1;
    for (let p = 0; p < slots.length; p++) {
      if (slots[p] === -1) continue;
      let q = slotHash[p]! & mask;
      while (next[q] !== -1) q = (q + 1) & mask;
      next[q] = slots[p]!;
      nextHash[q] = slotHash[p]!;
    }
    pool.give(slots, slotHash);
    slots = next;
    slotHash = nextHash;
  };
  const addEntry = (r: number, k: number, key: string) => {
    if (prefix && key.length < minLength) return;
    const ik = indexKey(key);
    const h = hash32(ik);
    const at = find(ik, h);
    const e = entUnit.length;
    entUnit.push(r);
    entVal.push(k);
    if (at >= 0) {
      entNext.push(slots[at]!);
      slots[at] = e;
    } else {
      entNext.push(-1);
      const p = -at - 1;
      slots[p] = e;
      slotHash[p] = h;
      if (++distinct * 2 > slots.length) grow();
    }
  };
  for (let r = 0; r < R.count; r++) {
    if (R.closed[r]) continue;
    const keys = rk.keys(r);
    if (keys === undefined) continue;
    if (typeof keys === 'string') addEntry(r, 0, keys);
    else keys.forEach((key, k) => addEntry(r, k, key));
  }

  const el = new GrowInt32(openL);
  const er = new GrowInt32(openL);
  const ef = new GrowInt32(openL);
  const ed = new GrowFloat64(openL);
  const lIdx = new GrowInt32(openL);
  const rIdx = new GrowInt32(openL);
  const delta = growColumn<T>(table.ar.kind, openL);
  const done = (): Edges<T> => {
    const l = el.view();
    const r = er.view();
    const li = lIdx.view();
    const ri = rIdx.view();
    return {
      count: el.length,
      l,
      r,
      failed: ef.view(),
      delta: delta.view(),
      dateDelta: ed.view(),
      lkey: (e) => lk.key(l[e]!, li[e]!),
      rkey: (e) => rk.key(r[e]!, ri[e]!),
    };
  };
  if (distinct === 0 || openL === 0) {
    pool.give(slots, slotHash);
    return done();
  }
  const units = entUnit.view();
  const vals = entVal.view();
  const next = entNext.view();

  // Windowed: per distinct key, its entries sorted by the right unit's date (CSR).
  let bucketOf: Int32Array | null = null;
  let bStart: Int32Array | null = null;
  let bEnt: Int32Array | null = null;
  let bDate: Float64Array | null = null;
  if (windowed) {
    bucketOf = pool.take('i32', slots.length, -1);
    bStart = new Int32Array(distinct + 1);
    bEnt = new Int32Array(units.length);
    bDate = new Float64Array(units.length);
    let nb = 0;
    let at = 0;
    for (let p = 0; p < slots.length; p++) {
      if (slots[p] === -1) continue;
      bucketOf[p] = nb;
      bStart[nb] = at;
      const from = at;
      for (let e = slots[p]!; e >= 0; e = next[e]!) bEnt[at++] = e;
      const sub = bEnt.subarray(from, at);
      sub.sort((a, b) => checker.rightDate(units[a]!) - checker.rightDate(units[b]!) || a - b);
      for (let k = from; k < at; k++) bDate[k] = checker.rightDate(units[bEnt[k]!]!);
      nb++;
    }
    bStart[nb] = at;
  }

  const stamp = pool.take('i32', R.count, -1);
  const found: number[] = [];
  const foundL: number[] = [];
  const foundR: number[] = [];
  const take = (l: number, k: number, key: string, e: number) => {
    const r = units[e]!;
    if (stamp[r] === l) return;
    // Prefix: the index met on the first minLength characters; one key must extend the other.
    if (prefix) {
      const rkey = rk.key(r, vals[e]!)!;
      if (!rkey.startsWith(key) && !key.startsWith(rkey)) return;
    }
    stamp[r] = l;
    found.push(r);
    foundL.push(k);
    foundR.push(vals[e]!);
  };
  const probe = (l: number, k: number, key: string) => {
    if (prefix && key.length < minLength) return;
    const ik = indexKey(key);
    const at = find(ik, hash32(ik));
    if (at < 0) return;
    if (bucketOf && bStart && bEnt && bDate && checker.window(l)) {
      const b = bucketOf[at]!;
      let lo = bStart[b]!;
      let hi = bStart[b + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (bDate[mid]! < checker.windowLo) lo = mid + 1;
        else hi = mid;
      }
      for (let x = lo; x < bStart[b + 1]! && bDate[x]! <= checker.windowHi && found.length <= maxCandidates; x++) take(l, k, key, bEnt[x]!);
      return;
    }
    // Past maxCandidates the record is given up anyway: stop walking a long chain.
    for (let e = slots[at]!; e >= 0 && found.length <= maxCandidates; e = next[e]!) take(l, k, key, e);
  };
  for (let l = 0; l < L.count; l++) {
    if (L.closed[l]) continue;
    const keys = lk.keys(l);
    if (keys === undefined) continue;
    found.length = 0;
    foundL.length = 0;
    foundR.length = 0;
    if (typeof keys === 'string') probe(l, 0, keys);
    else keys.forEach((key, k) => probe(l, k, key));
    if (found.length === 0) continue;
    if (found.length > maxCandidates) {
      tooMany[l] = 1;
      continue;
    }
    for (let k = 0; k < found.length; k++) {
      const r = found[k]!;
      el.push(l);
      er.push(r);
      ef.push(checker.check(l, r));
      delta.push(checker.delta);
      ed.push(checker.dateDelta);
      lIdx.push(foundL[k]!);
      rIdx.push(foundR[k]!);
    }
  }
  pool.give(slots, slotHash, stamp);
  if (bucketOf) pool.give(bucketOf);
  return done();
}
