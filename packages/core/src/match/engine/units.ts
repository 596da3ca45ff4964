import type { KeyRead } from '../config/compiled';
import type { RecordTable } from './record-table';
import type { ScratchPool } from './scratch';
import { StringTable } from './string-table';

/**
 * The things a rule pairs: single records, or groups of records that match as a whole. Stored in
 * columns (CSR layout: a unit's members are `members[start[u] .. start[u] + size[u])`), so a
 * million single-record units cost a few typed arrays rather than a million objects.
 */
export interface Units {
  readonly count: number;
  readonly start: Int32Array;
  readonly size: Int32Array;
  /**
   * Record indices, grouped per unit. Within a group the order is unspecified (sums and key sets
   * do not care); outcomes sort members when they are read.
   */
  readonly members: Int32Array;
  /** For groups, the group key; for single records, undefined. */
  readonly groupKey: readonly string[] | undefined;
  /** Closed units (resolved in this rule). */
  readonly closed: Uint8Array;
}

/** One unit per record (arrays from `pool`, the run's memory, when given). */
export function singleUnits(records: Int32Array, pool?: ScratchPool): Units {
  const n = records.length;
  if (pool) return { count: n, start: pool.identity(n), size: pool.ones(n), members: records, groupKey: undefined, closed: pool.take('u8', n) };
  const start = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) start[i] = i;
  return { count: n, start, size, members: records, groupKey: undefined, closed: new Uint8Array(n) };
}

/**
 * Group `records` by the key `groupBy` reads (records without a key are left out: they cannot
 * form a group). Groups are in key order, so unit numbers do not depend on the input order.
 */
export function groupUnits<T>(table: RecordTable<T>, records: Int32Array, groupBy: KeyRead): Units {
  const pool = table.scratch;
  const keys = new StringTable(1024);
  const col = table.keys(groupBy);
  const groupOf = pool.take('i32', records.length);
  const counts: number[] = [];
  for (let k = 0; k < records.length; k++) {
    const raw = col.get(records[k]!);
    // A record with several group keys belongs to the first one (in code-unit order), so group
    // membership is deterministic and each record is in one group only.
    const key = typeof raw === 'string' ? raw : raw && raw.length > 0 ? [...raw].sort()[0] : undefined;
    if (key === undefined) {
      groupOf[k] = -1;
      continue;
    }
    const g = keys.intern(key);
    groupOf[k] = g;
    counts[g] = (counts[g] ?? 0) + 1;
  }
  // Groups in key order, members in record order: nothing depends on the input order.
  const order = keys.keys.map((_, g) => g).sort((a, b) => (keys.keys[a]! < keys.keys[b]! ? -1 : 1));
  const count = order.length;
  const start = new Int32Array(count);
  const size = new Int32Array(count);
  const slot = pool.take('i32', count); // group id → unit
  let at = 0;
  for (let u = 0; u < count; u++) {
    const g = order[u]!;
    slot[g] = u;
    start[u] = at;
    size[u] = counts[g]!;
    at += counts[g]!;
  }
  const members = pool.take('i32', at);
  const fill = pool.take('i32', count);
  for (let k = 0; k < records.length; k++) {
    const g = groupOf[k]!;
    if (g < 0) continue;
    const u = slot[g]!;
    members[start[u]! + fill[u]!] = records[k]!;
    fill[u]!++;
  }
  pool.give(groupOf, slot, fill);
  return { count, start, size, members, groupKey: order.map((g) => keys.keys[g]!), closed: new Uint8Array(count) };
}

/** The first member of a unit (for single-record units, its record). */
export function firstMember(units: Units, u: number): number {
  return units.members[units.start[u]!]!;
}

/** Total order of units: group key for groups (unique per group), else the record's total order. */
export function compareUnits<T>(table: RecordTable<T>, units: Units, a: number, b: number): number {
  if (units.groupKey) {
    const x = units.groupKey[a]!;
    const y = units.groupKey[b]!;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return table.compare(firstMember(units, a), firstMember(units, b));
}
