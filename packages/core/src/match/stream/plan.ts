import type { StandardTransaction } from '../../schema/transaction';
import { normaliseAlnum } from '../config/compile';
import { fieldAccess } from '../config/field-paths';
import { extractReferences } from '../extract/narration';
import type { DateField, FieldPath, IdentifierConfig, KeySource, ReconConfig, RecordFilter, RuleConfig } from '../types';

/**
 * Which records of a stream can influence each other's outcomes, read from the plain config.
 *
 * Every membership over-approximates what the batch engine can compare, so two records that share
 * no membership (directly or through others) are provably independent: re-running the engine on the
 * connected component of a new record gives exactly the outcomes a full run would.
 *
 * - `same`: always joined (exact `(source, txn_id)` copies, a side's duplicate key, a `groupBy`
 *   group: a group's members share one outcome; a runs-mode partition and a netted record's parent,
 *   see {@link planRuns});
 * - `cross`: an identifier key, joined across the two sides of a rule once both sides hold it;
 * - `prefix`: a prefix-compared key, joined with other-side keys of its bucket (same first
 *   `minLength` characters) when one extends the other;
 * - `pool`: a weak key (an `amount` identifier, or a rule without identifiers that only a
 *   subset-sum can pair): searched when a component is re-run, only among records that are still
 *   open at that rule, and only inside the rule's date window when the engine blocks by it.
 */
export type Membership =
  | { kind: 'same'; bucket: string }
  | { kind: 'cross'; bucket: string; side: 0 | 1 }
  | { kind: 'prefix'; bucket: string; key: string; side: 0 | 1 }
  | PoolMembership;

/** A weak-key membership, see {@link Membership}. */
export interface PoolMembership {
  kind: 'pool';
  bucket: string;
  side: 0 | 1;
  link: number;
  rule: number;
  /** Day number or epoch ms in the rule's date unit; NaN when unknown or when the pool has no window. */
  date: number;
  /**
   * Where counterparts on the other side can lie, relative to `date`, in the same unit, one unit of
   * slack included; ±Infinity when the engine does not block by date.
   */
  lo: number;
  hi: number;
}

/** The memberships of one record, computed by {@link planFor}. */
export type Planner = (txn: StandardTransaction) => Membership[];

const UNIT_MS = { hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;
const DAY_MS = 86_400_000;

/** Keys as the engine cleans them: strings, no empties, alnum-normalised when asked. */
function clean(value: unknown, alnum: boolean): string[] {
  const list = value === undefined || value === null ? [] : typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const v = alnum ? normaliseAlnum(item) : item;
    if (v !== '' && !out.includes(v)) out.push(v);
  }
  return out;
}

/** `|amount|` of the record as a canonical decimal (`"1.50"` and `"01.5"` are both `1.5`), with its currency. */
export function amountBucket(txn: StandardTransaction): string {
  let s = String(txn.amount).trim().replace(/^[+-]/, '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  s = s.replace(/^0+(?=\d)/, '');
  return `${txn.currency}:${s}`;
}

function readKeys(txn: StandardTransaction, source: KeySource, alnum: boolean): string[] {
  if (typeof source === 'function') return clean(source(txn), alnum);
  const access = fieldAccess(source);
  if (access.kind === 'plain') return clean(access.read(txn), alnum);
  if (access.kind === 'extracted') return clean(extractReferences(txn.description)[access.which], false);
  return [amountBucket(txn)];
}

function asList<T>(v: T | readonly T[] | undefined): readonly T[] | null {
  return v === undefined ? null : Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/** The engine's record filter, on the record object. */
export function passesFilter(txn: StandardTransaction, f: RecordFilter | undefined): boolean {
  if (!f) return true;
  const has = <T>(list: readonly T[] | null, v: T) => list === null || list.includes(v);
  if (!has(asList(f.source), txn.source)) return false;
  if (f.direction !== undefined && txn.direction !== f.direction) return false;
  if (!has(asList(f.transaction_type), txn.transaction_type)) return false;
  if (!has(asList(f.status), txn.status)) return false;
  if (f.channel !== undefined && (txn.channel === undefined || !has(asList(f.channel), txn.channel))) return false;
  return f.where === undefined || f.where(txn) === true;
}

function dayOf(txn: StandardTransaction, field: DateField): number {
  const text = field === 'value_date' ? (txn.value_date ?? txn.timestamp.slice(0, 10)) : txn.timestamp.slice(0, 10);
  return Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / DAY_MS;
}

/**
 * The record's date in the rule's unit and where its counterparts' dates can lie. The engine
 * accepts (right date − left date) ∈ [−before, after]; one unit of slack on each end.
 */
function dated(txn: StandardTransaction, rule: RuleConfig, role: 0 | 1, windowed: boolean): { date: number; lo: number; hi: number } {
  const d = rule.checks?.date;
  if (!d || !windowed) return { date: Number.NaN, lo: -Infinity, hi: Infinity };
  const f = d.field ?? 'value_date';
  const field = typeof f === 'string' ? f : role === 0 ? f.left : f.right;
  const before = (d.before ?? 0) + 1;
  const after = (d.after ?? 0) + 1;
  const unit = d.unit ?? 'days';
  const scale = unit === 'days' ? 1 : UNIT_MS[unit];
  const [lo, hi] = role === 0 ? [-before, after] : [-after, before];
  return { date: unit === 'days' ? dayOf(txn, field) : Date.parse(txn.timestamp), lo: lo * scale, hi: hi * scale };
}

/**
 * Compiles the config into a planner that lists a record's memberships. Exclusions between links
 * are ignored (a superset of interactions is still correct); pools are narrowed to open records by
 * the caller.
 */
export function planFor(config: ReconConfig): Planner {
  const sides = config.sides;
  return (txn) => {
    const out: Membership[] = [{ kind: 'same', bucket: `id\u0000${txn.source}\u0000${txn.txn_id}` }];
    // Before the side test: the engine reads runs partitions of every record it holds.
    config.links.forEach((link, l) => link.rules.forEach((rule, r) => planRuns(txn, rule, l, r, out)));
    const s = sides.findIndex((side) => side.sources.includes(txn.source) && passesFilter(txn, side.filter));
    if (s < 0) return out;
    const dk = sides[s]!.duplicateKey;
    if (dk) {
      const parts: string[] = [];
      for (const path of dk) {
        const v = readKeys(txn, path, false);
        if (v.length === 0) break;
        parts.push(v.sort().join(','));
      }
      if (parts.length === dk.length) out.push({ kind: 'same', bucket: `dk\u0000${s}\u0000${parts.join('\u0000')}` });
    }
    config.links.forEach((link, l) => {
      for (const role of [0, 1] as const) {
        if ((role === 0 ? link.left : link.right) !== sides[s]!.name) continue;
        if (!passesFilter(txn, role === 0 ? link.filters?.left : link.filters?.right)) continue;
        link.rules.forEach((rule, r) => planRule(txn, rule, l, r, role, out));
      }
    });
    return out;
  };
}

function planRule(txn: StandardTransaction, rule: RuleConfig, l: number, r: number, role: 0 | 1, out: Membership[]): void {
  if (!passesFilter(txn, role === 0 ? rule.filters?.left : rule.filters?.right)) return;
  const card = rule.cardinality ?? 'one-to-one';
  const grouped = card !== 'one-to-one';
  const groupedRole = card === 'many-to-one' ? 0 : card === 'one-to-many' ? 1 : -1;
  const tag = `${l}\u0000${r}`;
  if (role === groupedRole && rule.groupBy !== undefined) {
    for (const g of readKeys(txn, rule.groupBy, false)) out.push({ kind: 'same', bucket: `g\u0000${tag}\u0000${g}` });
  }
  // The engine blocks by the date window when date failures are not reported (single units only).
  const windowed = !grouped && rule.onCheckFailure === 'next';
  const identifiers = rule.identifiers ?? [];
  identifiers.forEach((raw, j) => {
    const id: IdentifierConfig = typeof raw === 'string' ? { left: raw, right: raw } : raw;
    const source = role === 0 ? id.left : id.right;
    const bucket = `${tag}\u0000${j}`;
    if (id.left === 'amount' || id.right === 'amount') {
      // Both sides amount: the same exact key space; otherwise compare with everything.
      const key = id.left === id.right ? amountBucket(txn) : '*';
      out.push({ kind: 'pool', bucket: `a\u0000${bucket}\u0000${key}`, side: role, link: l, rule: r, ...dated(txn, rule, role, windowed) });
      return;
    }
    const minLength = id.minLength ?? 10;
    for (const key of readKeys(txn, source as FieldPath, id.normalize === 'alnum')) {
      // Prefix matches share their first `minLength` characters; shorter keys stay exact.
      if (id.compare === 'prefix' && key.length >= minLength) out.push({ kind: 'prefix', bucket: `p\u0000${bucket}\u0000${key.slice(0, minLength)}`, key, side: role });
      else out.push({ kind: 'cross', bucket: `k\u0000${bucket}\u0000${key}`, side: role });
    }
  });
  if (grouped && rule.subsetSum !== undefined && identifiers.length === 0) {
    // Keyless subset-sum: blocked by the date window record by record (members are not grouped).
    out.push({ kind: 'pool', bucket: `s\u0000${tag}\u0000${txn.currency}`, side: role, link: l, rule: r, ...dated(txn, rule, role, true) });
  }
}

/**
 * Runs-mode subset-sum (`subsetSum.runs`) reads records that share no key with the target: every
 * keyed record of a partition, open or not, decides where its blocks end, and a netted record's
 * parent (the keyed record whose `txn_id` is its `parentBy` value) decides which blocks it may
 * join. So every record with a partition key joins its partition (per link and rule), and the
 * parent bucket of its own `txn_id`; a netted record joins the parent bucket of its `parentBy`
 * value. Read for every record, whatever its side: a superset of what the engine compares.
 */
function planRuns(txn: StandardTransaction, rule: RuleConfig, l: number, r: number, out: Membership[]): void {
  const runs = rule.subsetSum?.runs;
  if (runs === undefined) return;
  const tag = `${l}\u0000${r}`;
  const keys = readKeys(txn, runs.partitionBy, false);
  for (const key of keys) out.push({ kind: 'same', bucket: `rp\u0000${tag}\u0000${key}` });
  const parentBy = runs.netting?.parentBy;
  if (parentBy === undefined) return;
  if (keys.length > 0) out.push({ kind: 'same', bucket: `rn\u0000${tag}\u0000${txn.txn_id}` });
  if (!passesFilter(txn, runs.netting!.filter)) return;
  for (const parent of readKeys(txn, parentBy, false)) out.push({ kind: 'same', bucket: `rn\u0000${tag}\u0000${parent}` });
}
