import type { CompiledSubsetRuns } from '../config/compiled';
import { recordHashWord, type RecordTable } from './record-table';
import { firstAtLeast } from './sorted';

/** A candidate run of the runs-mode search: consecutive open records of one partition. */
export interface Block<T> {
  /** Pool records in (timestamp, source, txn_id) order. */
  members: number[];
  sum: T;
  /** Smallest and largest member value. */
  min: T;
  max: T;
  /** Members by value (built when a skip is first tried). */
  byValue?: { values: T[]; members: number[] };
}

/** Parent channel markers: not found yet, and unknown (the netted record may join any block). */
export const UNSEEN = -3;
export const ANY_CHANNEL = -2;

const FILTER_MASK = (1 << 16) - 1;

/**
 * A bitmap of the parents' hashes (bit `hashHi & FILTER_MASK`, the table's own (source, txn_id)
 * hash): a record whose bit is clear is no parent, so most records are ruled out without reading them.
 */
function parentFilter<T>(table: RecordTable<T>, parents: readonly (Map<string, number> | undefined)[]): Uint8Array {
  const bits = new Uint8Array(FILTER_MASK + 1);
  parents.forEach((ids, source) => {
    if (ids) for (const id of ids.keys()) bits[recordHashWord(table.sources[source]!, id) & FILTER_MASK] = 1;
  });
  return bits;
}

/** (timestamp, source, txn_id) order of two records: a canonical order, also within one second. */
function byTime<T>(table: RecordTable<T>, a: number, b: number): number {
  return table.instant(a) - table.instant(b) || table.compare(a, b);
}

/**
 * The blocks of the pool: per partition, maximal runs of consecutive open records in time order,
 * cut wherever a keyed record that is not in the pool (settled elsewhere) but of the same source,
 * type and status as one of the partition's pool records lies between two of them. Records of the same instant as such a record may belong to either side: both variants
 * are blocks. Every record of the table is read once for its key, never sorted: a record outside the
 * pool is placed by binary search among its partition's pool records, which are few.
 *
 * On the way, fills `parents` (per source id: txn_id → {@link UNSEEN}) with the channel of the
 * keyed record of that source and id, or {@link ANY_CHANNEL} when records of that id disagree. A
 * parent is looked up in its netted record's source only (a refund and its payment come from one
 * gateway): that keeps the lookup to the gateway's records, and each record's parent a function of
 * the records alone.
 */
export function buildBlocks<T>(
  table: RecordTable<T>,
  runs: CompiledSubsetRuns,
  members: readonly number[],
  value: (m: number) => T,
  parents: readonly (Map<string, number> | undefined)[],
): Block<T>[] {
  const keys = table.keys(runs.partitionBy);
  const partitionOf = new Map<string, number[]>();
  const inPool = new Uint8Array(table.n);
  // (source, type, status) of a record as one number, and those of each partition's pool records.
  const kindOf = (i: number) => (table.sourceId[i]! * 256 + table.type[i]!) * 256 + table.status[i]!;
  const kinds = new Map<string, number[]>();
  for (const m of members) {
    const key = keys.get(m);
    if (typeof key !== 'string') continue;
    inPool[m] = 1;
    let list = partitionOf.get(key);
    if (!list) {
      list = [];
      partitionOf.set(key, list);
      kinds.set(key, []);
    }
    list.push(m);
    const known = kinds.get(key)!;
    if (!known.includes(kindOf(m))) known.push(kindOf(m));
  }
  if (partitionOf.size === 0) return [];
  const parentChannel = (i: number, ids: Map<string, number>) => {
    const id = table.txnId(i);
    const seen = ids.get(id);
    if (seen === undefined) return;
    const c = table.channel[i]!;
    // Two keyed records with this id on different channels: the parent is unknown.
    ids.set(id, seen === UNSEEN || seen === c ? c : ANY_CHANNEL);
  };
  const names = [...partitionOf.keys()].sort();
  // Per partition: `hard[k]` = a record outside the pool lies between pool records k − 1 and k;
  // `tied.get(lo) = hi` = one lies at the same instant as pool records lo … hi − 1, so those may be
  // on either side of it (timestamps have a resolution; records of one second have no order).
  // One lookup per keyed record: everything of a partition in one object, instants included.
  const parts = new Map<string, { list: number[]; at: Float64Array; kinds: number[]; hard: Uint8Array; tied: Map<number, number> }>();
  for (const name of names) {
    const list = partitionOf.get(name)!;
    list.sort((a, b) => byTime(table, a, b));
    parts.set(name, { list, at: Float64Array.from(list, (m) => table.instant(m)), kinds: kinds.get(name)!, hard: new Uint8Array(list.length + 1), tied: new Map() });
  }
  // Only records like their partition's pool records (source, type, status) cut its blocks, so that
  // a block depends on its partition alone (the streaming reconciler relies on it). A record unlike
  // every pool record (the other sides, failed payments) is skipped on its code columns without
  // reading its key, unless it may be a netted record's parent: any keyed record of its source.
  const sources = new Uint8Array(table.sources.length);
  let types = 0;
  let statuses = 0;
  for (const m of members) {
    sources[table.sourceId[m]!] = 1;
    types |= 1 << table.type[m]!;
    statuses |= 1 << table.status[m]!;
  }
  const parentBits = parentFilter(table, parents);
  // Columns in locals: this loop reads every record of the run.
  const { n, sourceId, type, status, hashes } = table;
  for (let i = 0; i < n; i++) {
    const source = sourceId[i]!;
    const like = sources[source] === 1 && (types & (1 << type[i]!)) !== 0 && (statuses & (1 << status[i]!)) !== 0;
    const ids = parents[source];
    const parent = ids !== undefined && parentBits[hashes[2 * i]! & FILTER_MASK] === 1 && ids.has(table.txnId(i));
    if (!like && !parent) continue;
    const key = keys.get(i);
    if (typeof key !== 'string') continue;
    if (parent) parentChannel(i, ids);
    if (!like || inPool[i]) continue;
    const part = parts.get(key);
    if (!part || !part.kinds.includes(kindOf(i))) continue;
    const { list, at } = part;
    const x = table.instant(i);
    const lo = firstAtLeast(at, x);
    let hi = lo;
    while (hi < at.length && at[hi] === x) hi++;
    if (lo === hi) {
      part.hard[lo] = 1;
      continue;
    }
    // A copy of a pool record (same source and txn_id: a replayed webhook) is the same payment.
    let copy = false;
    for (let k = lo; k < hi && !copy; k++) copy = table.compare(list[k]!, i) === 0;
    if (!copy) part.tied.set(lo, hi);
  }
  const ar = table.ar;
  const blocks: Block<T>[] = [];
  const push = (list: readonly number[], from: number, to: number) => {
    const members = list.slice(from, to);
    const first = value(members[0]!);
    const block: Block<T> = { members, sum: ar.zero, min: first, max: first };
    for (const m of members) {
      const v = value(m);
      block.sum = ar.add(block.sum, v);
      if (ar.cmp(v, block.min) < 0) block.min = v;
      if (ar.cmp(v, block.max) > 0) block.max = v;
    }
    blocks.push(block);
  };
  for (const name of names) {
    const { list, hard, tied } = parts.get(name)!;
    // Segments between cut points; a tied group is a segment of its own that may join the block
    // before it or the one after it (each variant is a candidate; only sums decide).
    const points = new Set<number>([0, list.length]);
    for (let k = 1; k < list.length; k++) if (hard[k]) points.add(k);
    for (const [lo, hi] of tied) points.add(lo).add(hi);
    const sorted = [...points].sort((a, b) => a - b);
    const isTied = (a: number, b: number) => tied.get(a) === b;
    for (let x = 0; x + 1 < sorted.length; x++) {
      const a = sorted[x]!;
      const b = sorted[x + 1]!;
      if (isTied(a, b)) {
        push(list, a, b);
        continue;
      }
      const prev = x > 0 && isTied(sorted[x - 1]!, a) ? sorted[x - 1]! : null;
      const next = x + 2 < sorted.length && isTied(b, sorted[x + 2]!) ? sorted[x + 2]! : null;
      for (const from of prev === null ? [a] : [a, prev]) for (const to of next === null ? [b] : [b, next]) push(list, from, to);
    }
  }
  return blocks;
}
