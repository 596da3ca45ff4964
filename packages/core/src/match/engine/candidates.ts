import type { CompiledIdentifier } from '../config/compiled';
import type { PairChecker } from './checks';
import { GrowFloat64, GrowInt32, growColumn } from './grow';
import type { KeyColumn, KeySpec, KeyValue, RecordTable } from './record-table';
import { groupByHash } from './hash-groups';
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
  // Members of a settlement group nearly always carry the same single key (its UTR): no set
  // until a second value or a multi-valued member shows up.
  let only: string | undefined;
  let k = s;
  for (; k < s + size; k++) {
    const v = col.get(units.members[k]!);
    if (v === undefined || v === only) continue;
    if (only === undefined && typeof v === 'string') only = v;
    else break;
  }
  if (k === s + size) return only;
  const set = new Set<string>();
  if (only !== undefined) set.add(only);
  for (; k < s + size; k++) {
    const v = col.get(units.members[k]!);
    if (typeof v === 'string') set.add(v);
    else if (v) for (const x of v) set.add(x);
  }
  return set.size === 0 ? undefined : set.size === 1 ? set.values().next().value : [...set].sort();
}

/**
 * Group units' key values per key reader, shared by every identifier pass of a rule (a rule with
 * three UTR identifiers would otherwise read every member of every group three times).
 */
const groupKeyCache = new WeakMap<Units, Map<string, (KeyValue | null)[]>>();

function cachedGroupKeys(units: Units, readerId: string): (KeyValue | null)[] {
  let byReader = groupKeyCache.get(units);
  if (byReader === undefined) {
    byReader = new Map();
    groupKeyCache.set(units, byReader);
  }
  let cache = byReader.get(readerId);
  if (cache === undefined) {
    cache = new Array<KeyValue | null>(units.count).fill(null);
    byReader.set(readerId, cache);
  }
  return cache;
}

/**
 * Key values of units, per pass: single-record units read their record (the column has the hash),
 * groups compute their union once and keep it (groups are few).
 */
class UnitKeyReader {
  private readonly cache: (KeyValue | null)[] | undefined;
  private readonly col: KeyColumn;
  private readonly read: KeySpec['read'];
  private readonly members: Int32Array;
  private readonly start: Int32Array;

  constructor(
    private readonly table: RecordTable<unknown>,
    spec: KeySpec,
    private readonly units: Units,
  ) {
    this.col = table.keys(spec);
    // Single records read their key straight from the spec: this runs once per unit per pass.
    this.read = spec.read;
    this.members = units.members;
    this.start = units.start;
    this.cache = units.groupKey ? cachedGroupKeys(units, spec.id) : undefined;
  }

  keys(u: number): KeyValue {
    if (!this.cache) return this.read(this.table, this.members[this.start[u]!]!) ?? undefined;
    let v = this.cache[u];
    if (v === null) {
      v = this.units.size[u] === 1 ? this.col.get(this.members[this.start[u]!]!) : unitKeys(this.col, this.units, u);
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

/** The result of a pass in which no pair can meet. */
function noEdges<T>(delta: ArrayLike<T>): Edges<T> {
  const none = new Int32Array(0);
  return { count: 0, l: none, r: none, failed: none, delta, dateDelta: new Float64Array(0), lkey: () => undefined, rkey: () => undefined };
}

/**
 * Sort entries `ent[from..to)` by `date` (the parallel array, moved along), ties by entry number:
 * insertion sort for the short runs most keys have, a sort of packed indices for long ones. No
 * method calls per comparison: the dates were read once.
 */
function sortByDate(ent: Int32Array, date: Float64Array, from: number, to: number): void {
  const n = to - from;
  if (n <= 32) {
    for (let i = from + 1; i < to; i++) {
      const e = ent[i]!;
      const d = date[i]!;
      let j = i - 1;
      while (j >= from && (date[j]! > d || (date[j] === d && ent[j]! > e))) {
        ent[j + 1] = ent[j]!;
        date[j + 1] = date[j]!;
        j--;
      }
      ent[j + 1] = e;
      date[j + 1] = d;
    }
    return;
  }
  const order = Array.from({ length: n }, (_, k) => from + k);
  order.sort((a, b) => date[a]! - date[b]! || ent[a]! - ent[b]!);
  const e2 = order.map((k) => ent[k]!);
  const d2 = order.map((k) => date[k]!);
  for (let k = 0; k < n; k++) {
    ent[from + k] = e2[k]!;
    date[from + k] = d2[k]!;
  }
}

/** The keys of one side's open units, in unit order: unit, which of its keys, index key, hash. */
interface KeyList {
  unit: GrowInt32;
  val: GrowInt32;
  hash: GrowInt32;
  key: string[];
}

/**
 * Every key of the open units of `U` (none when `open` is 0): a prefix identifier indexes the first
 * `minLength` characters and skips shorter keys.
 */
function collectKeys(reader: UnitKeyReader, U: Units, open: number, prefix: boolean, minLength: number, pool: RecordTable<unknown>['scratch']): KeyList {
  const list: KeyList = { unit: new GrowInt32(open, pool), val: new GrowInt32(open, pool), hash: new GrowInt32(open, pool), key: new Array<string>(open) };
  if (open === 0) return list;
  for (let u = 0; u < U.count; u++) {
    if (U.closed[u]) continue;
    const keys = reader.keys(u);
    if (keys === undefined) continue;
    const many = typeof keys !== 'string';
    const n = many ? keys.length : 1;
    for (let k = 0; k < n; k++) {
      const key = many ? keys[k]! : keys;
      if (prefix && key.length < minLength) continue;
      const ik = prefix ? key.slice(0, minLength) : key;
      list.key[list.unit.length] = ik;
      list.unit.push(u);
      list.val.push(k);
      list.hash.push(hash32(ik) | 0);
    }
  }
  return list;
}

/** A left unit's candidates: right unit, and which key of each side met (grown by doubling). */
class CandidateList {
  n = 0;
  unit: Int32Array = new Int32Array(16);
  left: Int32Array = new Int32Array(16);
  right: Int32Array = new Int32Array(16);

  add(r: number, kl: number, kr: number): void {
    if (this.n === this.unit.length) {
      this.unit = doubled(this.unit);
      this.left = doubled(this.left);
      this.right = doubled(this.right);
    }
    this.unit[this.n] = r;
    this.left[this.n] = kl;
    this.right[this.n] = kr;
    this.n++;
  }
}

function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Hash join of open left units against open right units on one identifier: the right keys become
 * entries and the left keys probes, both are grouped by hash ({@link groupByHash}: partitioned, so
 * the tables fit in cache), then each left unit in turn reads its groups' entries, keeps those
 * whose key equals its own (a key may name many units), and every candidate pair is checked.
 * Edges come out in left-unit order, then key order, then newest entry first. A left unit with
 * more than `maxCandidates` candidates gets no edges and is flagged in `tooMany`. Pairs that share
 * no key are never compared.
 *
 * `windowed` (a rule with a date check whose failures are not reported as mismatches): the date
 * window is part of the blocking. Each hash group's entries (one key's, unless hashes collide)
 * are sorted by date and a probe reads only the window (binary search), so a weak key shared by
 * thousands of records (an amount) costs O(log n + window) per probe, not O(bucket), and
 * `maxCandidates` counts only candidates in the window.
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
  const lk = new UnitKeyReader(table as RecordTable<unknown>, id.left, L);
  const rk = new UnitKeyReader(table as RecordTable<unknown>, id.right, R);

  // Size everything by the units still open: later passes of a rule see only the leftovers.
  let openR = 0;
  for (let r = 0; r < R.count; r++) if (!R.closed[r]) openR++;
  let openL = 0;
  for (let l = 0; l < L.count; l++) if (!L.closed[l]) openL++;
  // No open left unit has this key (the ledger has no payment id): nothing can meet, so skip
  // indexing a million right keys. Field keys only, and the scan stops at the first key found
  // (a key function would be called twice per record).
  if (id.left.computed !== true) {
    let anyLeft = false;
    for (let l = 0; l < L.count && !anyLeft; l++) if (!L.closed[l] && lk.keys(l) !== undefined) anyLeft = true;
    if (!anyLeft) openL = 0;
  }
  // Nothing can meet: return before sizing a table for the right side's keys (a million-slot
  // table and key array, filled for nothing).
  if (openL === 0 || openR === 0) return noEdges(growColumn<T>(table.ar.kind, 0).view());
  const pool = table.scratch;
  // Entries (right keys) and probes (left keys). The index key of each is kept for this join (a
  // pointer: field keys are the record's own strings): reading it again from the record costs a
  // cache miss per object on the way (record, its references, the string), a computed key a call.
  const ent = collectKeys(rk, R, openR, prefix, minLength, pool);
  // No entries: nothing to probe for (and no left key is read).
  const pr = collectKeys(lk, L, ent.unit.length > 0 ? openL : 0, prefix, minLength, pool);
  // Windowed probes read their group's date index; the others start at the group's newest entry.
  const groups = groupByHash(ent.hash.view(), ent.unit.length, pr.hash.view(), pr.unit.length, pool, windowed ? 'group' : 'head');
  ent.hash.release();
  pr.hash.release();

  const el = new GrowInt32(openL, pool);
  const er = new GrowInt32(openL, pool);
  const ef = new GrowInt32(openL, pool);
  const ed = new GrowFloat64(openL, pool);
  const lIdx = new GrowInt32(openL, pool);
  const rIdx = new GrowInt32(openL, pool);
  const delta = growColumn<T>(table.ar.kind, openL, pool);
  const release = () => {
    // The edges' closures share this scope: drop the strings, not just the arrays.
    ent.key = [];
    pr.key = [];
    ent.unit.release();
    ent.val.release();
    pr.unit.release();
    pr.val.release();
    groups.release();
  };
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
  if (groups.count === 0 || pr.unit.length === 0) {
    release();
    return done();
  }
  const units = ent.unit.view();
  const vals = ent.val.view();
  const entKey = ent.key;
  const { head, next } = groups;

  // Windowed: per hash group, its entries sorted by the right unit's date (CSR).
  let bStart: Int32Array | null = null;
  let bEnt: Int32Array | null = null;
  let bDate: Float64Array | null = null;
  if (windowed) {
    bStart = pool.take('i32', groups.count + 1);
    bEnt = pool.take('i32', units.length);
    bDate = pool.take('f64', units.length);
    let at = 0;
    for (let g = 0; g < groups.count; g++) {
      bStart[g] = at;
      const from = at;
      for (let e = head[g]!; e >= 0; e = next[e]!) {
        bEnt[at] = e;
        bDate[at] = checker.rightDate(units[e]!);
        at++;
      }
      sortByDate(bEnt, bDate, from, at);
    }
    bStart[groups.count] = at;
  }

  const stamp = pool.take('i32', R.count, -1);
  // The current left unit's candidates (typed and reused: one allocation per join, not per unit).
  const found = new CandidateList();
  // Probes in unit order (a unit's keys in order), so edges come out as if each left unit had
  // probed a single table in turn; keys are compared here, where the records are read in order.
  // No closures in this loop: a closure made per call is a new call target to V8 on every join.
  const pUnits = pr.unit.view();
  const pVals = pr.val.view();
  const pKeys = pr.key;
  let current = pUnits.length > 0 ? pUnits[0]! : -1;
  for (let x = 0; x <= pUnits.length; x++) {
    const l = x < pUnits.length ? pUnits[x]! : -1;
    if (l !== current) {
      // The end of unit `current`: too many candidates gives it none, else one edge per candidate.
      if (found.n > maxCandidates) tooMany[current] = 1;
      else {
        for (let c = 0; c < found.n; c++) {
          const r = found.unit[c]!;
          el.push(current);
          er.push(r);
          ef.push(checker.check(current, r));
          delta.push(checker.delta);
          ed.push(checker.dateDelta);
          lIdx.push(found.left[c]!);
          rIdx.push(found.right[c]!);
        }
      }
      found.n = 0;
      current = l;
      if (l < 0) break;
    }
    const g = groups.ofProbe[x]!; // windowed: the group; else its newest entry
    if (g < 0) continue;
    const k = pVals[x]!;
    const key = pKeys[x]!;
    // Windowed: the entries of the window only (binary search by date); else the whole group,
    // newest first. Past maxCandidates the record is given up anyway: stop reading.
    let from = 0;
    let to = 0;
    let e = -1;
    const inWindow = bStart !== null && checker.window(l);
    if (inWindow) {
      let lo = bStart![g]!;
      let hi = bStart![g + 1]!;
      to = hi;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (bDate![mid]! < checker.windowLo) lo = mid + 1;
        else hi = mid;
      }
      from = lo;
    } else e = windowed ? head[g]! : g;
    for (;;) {
      if (found.n > maxCandidates) break;
      if (inWindow) {
        if (from >= to || bDate![from]! > checker.windowHi) break;
        e = bEnt![from++]!;
      } else if (e < 0) break;
      const entry = e;
      if (!inWindow) e = next[e]!;
      // A group holds every key with this hash: only entries of the probe's own key count.
      if (entKey[entry] !== key) continue;
      const r = units[entry]!;
      if (stamp[r] === l) continue;
      // Prefix: the index met on the first minLength characters; one key must extend the other.
      if (prefix) {
        const rkey = rk.key(r, vals[entry]!)!;
        const lkey = lk.key(l, k)!;
        if (!rkey.startsWith(lkey) && !lkey.startsWith(rkey)) continue;
      }
      stamp[r] = l;
      found.add(r, k, vals[entry]!);
    }
  }
  pool.give(stamp);
  if (bStart && bEnt && bDate) pool.give(bStart, bEnt, bDate);
  release();
  return done();
}
