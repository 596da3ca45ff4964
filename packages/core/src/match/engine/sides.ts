import type { CompiledSide } from '../config/compiled';
import { canonicalJson } from './canonical-json';
import { passes } from './filter';
import { GrowInt32 } from './grow';
import type { RecordTable } from './record-table';
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

/** `records` minus those `drop` names (TypedArray#filter would build a JS list of every kept element first). */
function without(records: Int32Array, drop: (i: number) => boolean): Int32Array {
  let n = 0;
  for (let k = 0; k < records.length; k++) if (!drop(records[k]!)) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let k = 0; k < records.length; k++) if (!drop(records[k]!)) out[n++] = records[k]!;
  return out;
}

/** Which side each record belongs to: the first side (in config order) whose sources and filter accept it. */
export function assignSides<T>(table: RecordTable<T>, sides: readonly CompiledSide[]): { bySide: Int32Array[]; unassigned: number } {
  const grow = sides.map(() => new GrowInt32(1024, table.scratch));
  let unassigned = 0;
  // The sides that list a source, once per distinct source (there are only a few).
  const candidates = table.sources.map((source) => sides.flatMap((side, s) => (side.sources.has(source) ? [s] : [])));
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
 */
export function dedupeSide<T>(table: RecordTable<T>, records: Int32Array, side: CompiledSide): SideRecords {
  const duplicates: DuplicateEntry[] = [];
  const losers = new Map<number, number[]>(); // winner → copies set aside (re-pointed if the winner changes)
  const canon = new Map<number, string>();
  const canonOf = (i: number) => {
    let c = canon.get(i);
    if (c === undefined) {
      c = canonicalJson(table.txns[i]);
      canon.set(i, c);
    }
    return c;
  };
  // (source, txn_id) → record kept so far, in an open-addressing table keyed by the record hash
  // the table computed once; strings are compared only on a hash match.
  let cap = 16;
  while (cap < records.length * 2) cap *= 2;
  // Slot p: tab[2p] the record (−1 empty), tab[2p + 1] its hash's first word (one cache line per probe).
  const tab = table.scratch.take('i32', cap * 2, -1);
  const mask = cap - 1;
  const same = (a: number, b: number) => table.hash2[a] === table.hash2[b] && table.txns[a]!.txn_id === table.txns[b]!.txn_id && table.txns[a]!.source === table.txns[b]!.source;
  for (let k = 0; k < records.length; k++) {
    const i = records[k]!;
    const h = table.hash1[i]! | 0;
    let p = h & mask;
    while (tab[2 * p] !== -1 && !(tab[2 * p + 1] === h && same(tab[2 * p]!, i))) p = (p + 1) & mask;
    const kept = tab[2 * p]!;
    if (kept === -1) {
      tab[2 * p] = i;
      tab[2 * p + 1] = h;
      continue;
    }
    const [winner, loser] = canonOf(i) < canonOf(kept) ? [i, kept] : [kept, i];
    tab[2 * p] = winner;
    const list = losers.get(kept) ?? [];
    losers.delete(kept);
    list.push(loser);
    losers.set(winner, list);
  }
  const dropped = new Set<number>();
  for (const [winner, list] of losers) {
    list.sort((a, b) => {
      const x = canonOf(a);
      const y = canonOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    list.forEach((loser, k) => {
      dropped.add(loser);
      duplicates.push({ record: loser, of: winner, key: 'txn_id', copy: k + 1 });
    });
  }
  table.scratch.give(tab);
  let kept: Int32Array = dropped.size === 0 ? records : without(records, (i) => dropped.has(i));

  if (side.duplicateKey) {
    const readers = side.duplicateKey;
    // Duplicate-key values → first record in total order, in an open-addressing table on typed
    // arrays sized up front (slots never move, so each record remembers its key's slot). Two
    // million-entry Maps (key → winner, record → key) cost ~2 s at a million ledger entries.
    let dcap = 16;
    while (dcap < kept.length * 2) dcap *= 2;
    const dmask = dcap - 1;
    const winnerAt = table.scratch.take('i32', dcap, -1);
    const hashAt = table.scratch.take('i32', dcap);
    const slotOf = table.scratch.take('i32', kept.length, -1);
    const keyAt: string[] = new Array<string>(dcap);
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k]!;
      let key: string | undefined;
      for (let x = 0; x < readers.length; x++) {
        const v = table.keys(readers[x]!).get(i);
        if (v === undefined || v === null) {
          key = undefined;
          break;
        }
        const part = typeof v === 'string' ? v : [...v].sort().join(',');
        key = x === 0 ? part : `${key!}\u0001${part}`;
      }
      if (key === undefined) continue;
      const h = hash32(key) | 0;
      let p = h & dmask;
      while (winnerAt[p] !== -1 && !(hashAt[p] === h && keyAt[p] === key)) p = (p + 1) & dmask;
      slotOf[k] = p;
      const current = winnerAt[p]!;
      if (current === -1) {
        winnerAt[p] = i;
        hashAt[p] = h;
        keyAt[p] = key;
      } else if (table.compare(i, current) < 0) winnerAt[p] = i;
    }
    const second = new Set<number>();
    for (let k = 0; k < kept.length; k++) {
      const p = slotOf[k]!;
      if (p < 0) continue;
      const i = kept[k]!;
      const winner = winnerAt[p]!;
      if (winner === i) continue;
      second.add(i);
      duplicates.push({ record: i, of: winner, key: side.duplicateKeyLabel, copy: 0 });
    }
    table.scratch.give(winnerAt, hashAt, slotOf);
    if (second.size > 0) kept = without(kept, (i) => second.has(i));
  }
  return { records: kept, duplicates };
}
