import type { CompiledSide } from '../config/compiled';
import { canonicalJson } from './canonical-json';
import { passes } from './filter';
import { GrowInt32 } from './grow';
import type { KeySpec, RecordTable } from './record-table';
import { orderByKey } from './radix';
import { hash32 } from './string-table';

/** A record set aside as a duplicate. */
export interface DuplicateEntry {
  record: number;
  /** The record kept. */
  of: number;
  /** `txn_id` or the side's duplicate-key label. */
  key: string;
  /** 1, 2, ... among exact copies of one (source, txn_id); 0 for duplicate-key duplicates. */
  copy: number;
}

/** The records of one side after duplicates are set aside. */
export interface SideRecords {
  /** Kept records, in input order (the engine never depends on it). */
  records: Int32Array;
  duplicates: DuplicateEntry[];
}

/** A part hash meaning "this record has no value for the part" (so no duplicate key at all). */
const ABSENT = -1;

/** One part of a side's duplicate key: its hash per record (never {@link ABSENT} for a value), and equality. */
interface KeyPart {
  hash(i: number): number;
  same(a: number, b: number): boolean;
}

/**
 * How a duplicate-key part is hashed and compared without building strings: the amount from the
 * table's columns (currency and signed minor units, as the amount key's `INR:-150` would say),
 * any other key from the string(s) it reads (several values: sorted and joined, as before).
 */
function duplicateKeyPart<T>(table: RecordTable<T>, spec: KeySpec): KeyPart {
  if (spec.id === 'amount' && table.ar.kind === 'number') {
    const amount = table.amount as unknown as ArrayLike<number>;
    return {
      hash: (i) => {
        const v = amount[i]!;
        // Minor units below 2^53: split into two words so large amounts hash on every bit.
        const lo = v % 4294967296 | 0;
        const hi = Math.floor(v / 4294967296) | 0;
        return (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0xc2b2ae35) ^ Math.imul(table.currencyId[i]! + 1, 0x27d4eb2f) ^ table.sign[i]!) & 0x7fffffff;
      },
      same: (a, b) => amount[a] === amount[b] && table.sign[a] === table.sign[b] && table.currencyId[a] === table.currencyId[b],
    };
  }
  const col = table.keys(spec);
  const text = (i: number): string | undefined => {
    const v = col.get(i);
    return v === undefined || v === null ? undefined : typeof v === 'string' ? v : [...v].sort().join(',');
  };
  return {
    hash: (i) => {
      const v = text(i);
      return v === undefined ? ABSENT : hash32(v) & 0x7fffffff;
    },
    same: (a, b) => text(a) === text(b),
  };
}

/**
 * `records` minus the records in `drop` (all of them in `records`). `records` ascends (a side in
 * table order), so one merging pass does it: a set lookup per record costs more at millions of
 * records. In place (the kept prefix is rewritten; `records` is not used afterwards): a copy was
 * a second million-entry array per side with duplicates.
 */
function without(records: Int32Array, drop: Iterable<number>): Int32Array {
  const gone = Int32Array.from(drop).sort();
  const out = records; // writes trail reads: out[n] with n ≤ k
  let n = 0;
  let g = 0;
  let met = 0;
  for (let k = 0; k < records.length; k++) {
    const i = records[k]!;
    while (g < gone.length && gone[g]! < i) g++;
    if (g < gone.length && gone[g] === i) {
      met++;
      continue;
    }
    out[n++] = i;
  }
  // Every record to drop came from `records`: one not met means the order was not ascending.
  if (met !== gone.length) throw new Error('internal: a side\'s records are not in ascending order');
  return out.subarray(0, n);
}

/** Which side each record belongs to: the first side (in config order) whose sources and filter accept it. */
export function assignSides<T>(table: RecordTable<T>, sides: readonly CompiledSide[]): { bySide: Int32Array[]; unassigned: number } {
  let unassigned = 0;
  // The sides that list a source, once per distinct source (there are only a few).
  const candidates = table.sources.map((source) => sides.flatMap((side, s) => (side.sources.has(source) ? [s] : [])));
  // Each side's list sized once, for every record of its sources: grown by doubling from small,
  // the copies left behind were ~16 MB of touched pool memory at a million orders (capacity that
  // a filter leaves unused is never written, so costs nothing).
  const perSource = new Float64Array(table.sources.length);
  for (let i = 0; i < table.n; i++) perSource[table.sourceId[i]!]!++;
  const grow = sides.map((_, s) => {
    let capacity = 0;
    candidates.forEach((list, source) => {
      if (list.includes(s)) capacity += perSource[source]!;
    });
    return new GrowInt32(capacity, table.scratch);
  });
  for (let i = 0; i < table.n; i++) {
    const list = candidates[table.sourceId[i]!]!;
    let placed = false;
    for (const s of list) {
      if (passes(table, sides[s]!.filter, i)) {
        grow[s]!.push(i);
        placed = true;
        break;
      }
    }
    if (!placed) unassigned++;
  }
  return { bySide: grow.map((g) => g.view()), unassigned };
}

/**
 * Set duplicates aside: the same (source, txn_id) more than once, then (optionally) the same
 * values of the side's duplicate key. The copy kept is the first in total order — record keys for
 * duplicate-key duplicates, canonical JSON for exact id copies — so input order never decides.
 * `records` is consumed: the kept records are compacted into it (the result is a view of it).
 */
export function dedupeSide<T>(table: RecordTable<T>, records: Int32Array, side: CompiledSide): SideRecords {
  const duplicates: DuplicateEntry[] = [];
  const dropped = new Set<number>();
  const canon = new Map<number, string>();
  const canonOf = (i: number) => {
    let c = canon.get(i);
    if (c === undefined) {
      c = canonicalJson(table.txn(i));
      canon.set(i, c);
    }
    return c;
  };
  // Records with the same (source, txn_id) have the same record hash: order the side by the hash's
  // first word (a sort, not a hash table: see orderByKey) and look only inside runs of equal words,
  // strings compared only there.
  const m = records.length;
  const words = table.scratch.takeRaw('u32', m); // every slot written below
  for (let k = 0; k < m; k++) words[k] = table.hashHi(records[k]!);
  const { order, sorted } = orderByKey(words, m, table.scratch);
  const same = (a: number, b: number) => table.hashLo(a) === table.hashLo(b) && table.txnId(a) === table.txnId(b) && table.source(a) === table.source(b);
  const run: number[] = [];
  for (let s = 0; s < m; ) {
    const w = sorted[s]!;
    let e = s + 1;
    while (e < m && sorted[e] === w) e++;
    if (e - s > 1) {
      // Positions ascend within a run (the sort is stable): input order, as a table walk would see it.
      run.length = 0;
      for (let x = s; x < e; x++) run.push(records[order[x]!]!);
      while (run.length > 0) {
        const first = run[0]!;
        let kept = first;
        const list: number[] = [];
        let rest = 0;
        for (let x = 1; x < run.length; x++) {
          const i = run[x]!;
          if (!same(first, i)) {
            run[rest++] = i;
            continue;
          }
          // The copy kept is the first in canonical-JSON order (ties: the earlier one).
          const [winner, loser] = canonOf(i) < canonOf(kept) ? [i, kept] : [kept, i];
          kept = winner;
          list.push(loser);
        }
        run.length = rest;
        // The copies set aside, numbered in canonical-JSON order.
        list.sort((a, b) => {
          const x = canonOf(a);
          const y = canonOf(b);
          return x < y ? -1 : x > y ? 1 : 0;
        });
        for (let k = 0; k < list.length; k++) {
          dropped.add(list[k]!);
          duplicates.push({ record: list[k]!, of: kept, key: 'txn_id', copy: k + 1 });
        }
      }
    }
    s = e;
  }
  table.scratch.give(words, order, sorted);
  let kept: Int32Array = dropped.size === 0 ? records : without(records, dropped);

  if (side.duplicateKey) {
    const parts = side.duplicateKey.map((spec) => duplicateKeyPart(table, spec));
    // Records with equal duplicate-key values → the first of them in total order. The key is hashed
    // part by part (no joined key string per record: a million of them, flattened to be hashed,
    // were a third of this phase in young-generation GC), the side ordered by that hash (see
    // orderByKey), and parts compared again only inside runs of equal hashes.
    const m = kept.length;
    const hashes = table.scratch.take('u32', m);
    const has = table.scratch.take('u8', m);
    for (let k = 0; k < m; k++) {
      const i = kept[k]!;
      let h = 0x2545f491;
      let absent = false;
      for (let x = 0; x < parts.length; x++) {
        const ph = parts[x]!.hash(i);
        if (ph === ABSENT) {
          absent = true;
          break;
        }
        h = Math.imul(h ^ ph, 0x9e3779b1) ^ (h >>> 15);
      }
      if (absent) continue;
      hashes[k] = h >>> 0;
      has[k] = 1;
    }
    const sameKey = (a: number, b: number): boolean => {
      for (let x = 0; x < parts.length; x++) if (!parts[x]!.same(a, b)) return false;
      return true;
    };
    const { order, sorted } = orderByKey(hashes, m, table.scratch);
    const winnerOf = table.scratch.take('i32', m, -1); // position → the record its key group keeps
    for (let s = 0; s < m; ) {
      const w = sorted[s]!;
      let e = s + 1;
      while (e < m && sorted[e] === w) e++;
      if (e - s > 1) {
        let pending: number[] = [];
        for (let x = s; x < e; x++) if (has[order[x]!]) pending.push(order[x]!);
        // Split the run into groups of equal keys (a hash collision puts two keys in one run).
        while (pending.length > 1) {
          const first = kept[pending[0]!]!;
          const group = [pending[0]!];
          const others: number[] = [];
          for (let x = 1; x < pending.length; x++) (sameKey(first, kept[pending[x]!]!) ? group : others).push(pending[x]!);
          if (group.length > 1) {
            let winner = first;
            for (const at of group) if (table.compare(kept[at]!, winner) < 0) winner = kept[at]!;
            for (const at of group) winnerOf[at] = winner;
          }
          pending = others;
        }
      }
      s = e;
    }
    const second = new Set<number>();
    for (let k = 0; k < m; k++) {
      const winner = winnerOf[k]!;
      const i = kept[k]!;
      if (winner < 0 || winner === i) continue;
      second.add(i);
      duplicates.push({ record: i, of: winner, key: side.duplicateKeyLabel, copy: 0 });
    }
    table.scratch.give(hashes, has, order, sorted, winnerOf);
    if (second.size > 0) kept = without(kept, second);
  }
  return { records: kept, duplicates };
}
