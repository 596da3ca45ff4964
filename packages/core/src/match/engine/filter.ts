import type { RecordPredicate } from '../config/compiled';
import type { RecordTable } from './record-table';

const sourceMasks = new WeakMap<RecordPredicate, { table: RecordTable<unknown>; mask: Uint8Array }>();

/** Per source id of `table`, 1 when the filter's source list names it. */
function sourceMask(table: RecordTable<unknown>, f: RecordPredicate): Uint8Array {
  let m = sourceMasks.get(f);
  if (!m || m.table !== table) {
    m = { table, mask: Uint8Array.from(table.sources, (s) => (f.sources!.has(s) ? 1 : 0)) };
    sourceMasks.set(f, m);
  }
  return m.mask;
}

/**
 * Whether record `i` passes filter `f` (null passes everything). Reads the table's code columns;
 * only a custom `where` touches the record object.
 */
export function passes<T>(table: RecordTable<T>, f: RecordPredicate | null, i: number): boolean {
  if (f === null) return true;
  if (f.sources && sourceMask(table as RecordTable<unknown>, f)[table.sourceId[i]!] === 0) return false;
  if (f.sign !== 0 && table.sign[i] !== f.sign) return false;
  if (f.types && (f.types & (1 << table.type[i]!)) === 0) return false;
  if (f.statuses && (f.statuses & (1 << table.status[i]!)) === 0) return false;
  if (f.channels) {
    const c = table.channel[i]!;
    if (c < 0 || (f.channels & (1 << c)) === 0) return false;
  }
  return f.where === null || f.where(table.txn(i)) === true;
}
