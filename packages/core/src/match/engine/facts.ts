import type { CompiledChecks } from '../config/compiled';
import type { Column } from './arith';
import type { RecordTable } from './record-table';
import type { Units } from './units';

/** A currency id that equals nothing: the mark of a group mixing currencies. */
export const MIXED = -1;

/** Per-unit values the checks compare, computed once per rule. */
export interface UnitFacts<T> {
  /** Signed amount minus the rule's net fields, summed over members. */
  value: Column<T>;
  /** Epoch day (unit `days`) or instant in ms (other units); empty without a date check. */
  date: Float64Array;
  /** Bit mask of member statuses; empty without a status check. */
  status: Uint8Array;
  /** Currency id (see `RecordTable.currencies`), or {@link MIXED}. */
  currency: Int32Array;
  /** +1 / −1: CREDIT / DEBIT for a record, the sign of the value for a group (0 when it nets to zero). */
  dir: Int8Array;
}

export function computeFacts<T>(
  table: RecordTable<T>,
  units: Units,
  checks: CompiledChecks,
  side: 'left' | 'right',
  groupDate: 'min' | 'max',
): UnitFacts<T> {
  const ar = table.ar;
  const n = units.count;
  const { netFee, netTax } = checks.amount;
  const pool = table.scratch;
  const value = ar.kind === 'number' ? (pool.take('f64', n) as unknown as Column<T>) : ar.column(n);
  const currency = pool.take('i32', n);
  const dir = pool.take('i8', n);
  const date = checks.date ? pool.take('f64', n) : new Float64Array(0);
  const status = checks.status ? pool.take('u8', n) : new Uint8Array(0);
  const dateField = checks.date ? (side === 'left' ? checks.date.leftField : checks.date.rightField) : 'value_date';
  const byDay = checks.date?.unitMs === 0;
  const { start, size, members } = units;
  for (let u = 0; u < n; u++) {
    const s = start[u]!;
    const e = s + size[u]!;
    const first = members[s]!;
    if (e - s === 1) {
      value[u] = table.value(first, netFee, netTax);
      currency[u] = table.currencyId[first]!;
      dir[u] = table.sign[first]!;
      if (checks.date) date[u] = byDay ? table.day(first, dateField) : table.instant(first);
      if (checks.status) status[u] = 1 << table.status[first]!;
      continue;
    }
    let v = ar.zero;
    let cur = table.currencyId[first]!;
    let d = groupDate === 'max' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    let mask = 0;
    for (let k = s; k < e; k++) {
      const i = members[k]!;
      v = ar.add(v, table.value(i, netFee, netTax));
      if (table.currencyId[i] !== cur) cur = MIXED;
      if (checks.date) {
        const x = byDay ? table.day(i, dateField) : table.instant(i);
        d = groupDate === 'max' ? (x > d ? x : d) : x < d ? x : d;
      }
      if (checks.status) mask |= 1 << table.status[i]!;
    }
    value[u] = v;
    currency[u] = cur;
    dir[u] = ar.sign(v);
    if (checks.date) date[u] = d;
    if (checks.status) status[u] = mask;
  }
  return { value, date, status, currency, dir };
}
