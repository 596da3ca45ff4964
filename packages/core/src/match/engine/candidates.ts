import type { CompiledIdentifier } from '../config/compiled';
import type { PairChecker } from './checks';
import { GrowFloat64, GrowInt32, growColumn } from './grow';
import type { KeyColumn, KeySpec, KeyValue, RecordTable } from './record-table';
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

/** Keys hashed and their slots touched together before they are inserted or probed (see findEdges). */
const BLOCK = 64;

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
  const lk = new UnitKeyReader(table as RecordTable<unknown>, id.left, L);
  const rk = new UnitKeyReader(table as RecordTable<unknown>, id.right, R);
  const indexKey = (key: string) => (prefix ? key.slice(0, minLength) : key);

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
  // Entries: (right unit, which of its keys); slots hold the first entry of each distinct key.
  const pool = table.scratch;
  const entUnit = new GrowInt32(openR, pool);
  const entVal = new GrowInt32(openR, pool);
  const entNext = new GrowInt32(openR, pool);
  let cap = 16;
  while (cap < openR * 2) cap *= 2;
  // Slot p is tab[2p] (first entry of its key, −1 when empty) and tab[2p + 1] (the key's hash,
  // as int32): one cache line per probe instead of one per array.
  let tab = pool.take('i32', cap * 2, -1);
  let slotCount = cap;
  let distinct = 0;
  // The index key of each entry is kept for this join (a pointer: field keys are the record's own
  // strings), and a hash hit is confirmed against it: reading it again from the record costs a
  // cache miss per object on the way (record, its references, the string), a computed key a call.
  let entKey: string[] = new Array<string>(openR); // sized once: pushes regrow and copy it
  const entryKey = (e: number) => entKey[e]!;
  const find = (key: string, h: number): number => {
    const mask = slotCount - 1;
    const hs = h | 0;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = tab[2 * p]!;
      if (e === -1) return -(p + 1);
      if (tab[2 * p + 1] === hs && entryKey(e) === key) return p;
    }
  };
  const grow = () => {
    const next = pool.take('i32', slotCount * 4, -1);
    const mask = slotCount * 2 - 1;
    for (let p = 0; p < slotCount; p++) {
      if (tab[2 * p] === -1) continue;
      let q = tab[2 * p + 1]! & mask;
      while (next[2 * q] !== -1) q = (q + 1) & mask;
      next[2 * q] = tab[2 * p]!;
      next[2 * q + 1] = tab[2 * p + 1]!;
    }
    pool.give(tab);
    tab = next;
    slotCount *= 2;
  };
  const addEntry = (r: number, k: number, ik: string, h: number) => {
    const at = find(ik, h);
    const e = entUnit.length;
    entUnit.push(r);
    entVal.push(k);
    entKey[e] = ik;
    if (at >= 0) {
      entNext.push(tab[2 * at]!);
      tab[2 * at] = e;
    } else {
      entNext.push(-1);
      const p = -at - 1;
      tab[2 * p] = e;
      tab[2 * p + 1] = h | 0;
      if (++distinct * 2 > slotCount) grow();
    }
  };
  // Keys go in by blocks: hash a block and touch each key's slot first, then insert. The touches
  // are independent loads, so the processor overlaps their cache misses (the table is many times
  // the cache at a million keys); inserting one key at a time waits for each miss in turn. The
  // same below for probes. Order of insertion is unchanged.
  const bUnit = new Int32Array(BLOCK);
  const bVal = new Int32Array(BLOCK);
  const bHash = new Int32Array(BLOCK);
  const bKey: string[] = new Array<string>(BLOCK).fill('');
  let fill = 0;
  let touched = 0;
  const flushEntries = () => {
    const mask = slotCount - 1;
    for (let x = 0; x < fill; x++) touched ^= tab[2 * (bHash[x]! & mask)]!;
    for (let x = 0; x < fill; x++) addEntry(bUnit[x]!, bVal[x]!, bKey[x]!, bHash[x]! >>> 0);
    fill = 0;
  };
  const queueEntry = (r: number, k: number, key: string) => {
    if (prefix && key.length < minLength) return;
    const ik = indexKey(key);
    bUnit[fill] = r;
    bVal[fill] = k;
    bKey[fill] = ik;
    bHash[fill] = hash32(ik) | 0;
    if (++fill === BLOCK) flushEntries();
  };
  for (let r = 0; r < R.count && openL > 0; r++) {
    if (R.closed[r]) continue;
    const keys = rk.keys(r);
    if (keys === undefined) continue;
    if (typeof keys === 'string') queueEntry(r, 0, keys);
    else for (let k = 0; k < keys.length; k++) queueEntry(r, k, keys[k]!);
  }
  flushEntries();
  bKey.fill('');

  const el = new GrowInt32(openL, pool);
  const er = new GrowInt32(openL, pool);
  const ef = new GrowInt32(openL, pool);
  const ed = new GrowFloat64(openL, pool);
  const lIdx = new GrowInt32(openL, pool);
  const rIdx = new GrowInt32(openL, pool);
  const delta = growColumn<T>(table.ar.kind, openL, pool);
  const release = () => {
    entKey = []; // the edges' closures share this scope: drop the strings, not just the arrays
    entUnit.release();
    entVal.release();
    entNext.release();
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
  if (distinct === 0 || openL === 0) {
    pool.give(tab);
    release();
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
    bucketOf = pool.take('i32', slotCount, -1);
    bStart = pool.take('i32', distinct + 1);
    bEnt = pool.take('i32', units.length);
    bDate = pool.take('f64', units.length);
    let nb = 0;
    let at = 0;
    for (let p = 0; p < slotCount; p++) {
      if (tab[2 * p] === -1) continue;
      bucketOf[p] = nb;
      bStart[nb] = at;
      const from = at;
      for (let e = tab[2 * p]!; e >= 0; e = next[e]!) {
        bEnt[at] = e;
        bDate[at] = checker.rightDate(units[e]!);
        at++;
      }
      sortByDate(bEnt, bDate, from, at);
      nb++;
    }
    bStart[nb] = at;
  }

  const stamp = pool.take('i32', R.count, -1);
  // The current left unit's candidates: right unit, and which key of each side met. Typed and
  // reused (resetting a JS array's length frees its storage: three allocations per left unit).
  let found = new Int32Array(16);
  let foundL = new Int32Array(16);
  let foundR = new Int32Array(16);
  let nFound = 0;
  const take = (l: number, k: number, key: string, e: number) => {
    const r = units[e]!;
    if (stamp[r] === l) return;
    // Prefix: the index met on the first minLength characters; one key must extend the other.
    if (prefix) {
      const rkey = rk.key(r, vals[e]!)!;
      if (!rkey.startsWith(key) && !key.startsWith(rkey)) return;
    }
    stamp[r] = l;
    if (nFound === found.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      found = grow(found);
      foundL = grow(foundL);
      foundR = grow(foundR);
    }
    found[nFound] = r;
    foundL[nFound] = k;
    foundR[nFound] = vals[e]!;
    nFound++;
  };
  const probe = (l: number, k: number, key: string, hash = -1) => {
    if (prefix && key.length < minLength) return;
    const ik = indexKey(key);
    const at = find(ik, hash >= 0 ? hash : hash32(ik));
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
      for (let x = lo; x < bStart[b + 1]! && bDate[x]! <= checker.windowHi && nFound <= maxCandidates; x++) take(l, k, key, bEnt[x]!);
      return;
    }
    // Past maxCandidates the record is given up anyway: stop walking a long chain.
    for (let e = tab[2 * at]!; e >= 0 && nFound <= maxCandidates; e = next[e]!) take(l, k, key, e);
  };
  // Left units by blocks, as the keys went in: single-key units have their key hashed and its
  // slot touched for the whole block before the block is probed in order.
  const pUnit = new Int32Array(BLOCK);
  const pHash = new Float64Array(BLOCK).fill(-1); // unsigned hashes; −1: none
  const pKeys: KeyValue[] = new Array<KeyValue>(BLOCK).fill(undefined);
  let pending = 0;
  const mask = slotCount - 1;
  const flushProbes = () => {
    for (let x = 0; x < pending; x++) {
      const keys = pKeys[x];
      if (typeof keys !== 'string' || (prefix && keys.length < minLength)) {
        pHash[x] = -1;
        continue;
      }
      pHash[x] = hash32(indexKey(keys));
    }
    // The touches in a loop of their own: a few instructions each, so the processor has many of
    // their cache misses in flight at once (hashing in the same loop left room for three or four).
    for (let x = 0; x < pending; x++) {
      const h = pHash[x]!;
      if (h >= 0) touched ^= tab[2 * (h & mask)]!;
    }
    for (let x = 0; x < pending; x++) probeUnit(pUnit[x]!, pKeys[x], pHash[x]!);
    pending = 0;
  };
  for (let l = 0; l < L.count; l++) {
    if (L.closed[l]) continue;
    const keys = lk.keys(l);
    if (keys === undefined) continue;
    pUnit[pending] = l;
    pKeys[pending] = keys;
    if (++pending === BLOCK) flushProbes();
  }
  flushProbes();
  pKeys.fill(undefined);
  // A value no slot holds (slots hold −1 or an entry number): keeps the touches from being optimised away.
  if (touched === 0.5) throw new Error('unreachable');
  function probeUnit(l: number, keys: KeyValue, hash: number): void {
    if (keys === undefined) return;
    nFound = 0;
    if (typeof keys === 'string') probe(l, 0, keys, hash);
    else for (let k = 0; k < keys.length; k++) probe(l, k, keys[k]!);
    if (nFound === 0) return;
    if (nFound > maxCandidates) {
      tooMany[l] = 1;
      return;
    }
    for (let k = 0; k < nFound; k++) {
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
  pool.give(tab, stamp);
  if (bucketOf && bStart && bEnt && bDate) pool.give(bucketOf, bStart, bEnt, bDate);
  release();
  return done();
}
