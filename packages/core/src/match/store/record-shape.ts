import type { StandardTransaction } from '../../schema/transaction';
import { encodeLocalSeconds, timestampSuffix, type TimestampFormatter } from './timestamp-codec';

/**
 * A record shape: which properties a stored record has, in which order, and for each one how
 * its value comes back. Records of one source share nearly everything but their ids and
 * amounts, so a shape keeps the shared values once (source, account, currency, status, the
 * timestamp's offset, ...) and a record keeps only its own values ("slots").
 */
export type ShapeEntry =
  /** The same value for every record of the shape. */
  | { readonly kind: 'const'; readonly key: string; readonly value: unknown }
  /** The record's own value, in slot `slot`. */
  | { readonly kind: 'slot'; readonly key: string; readonly slot: number }
  /** The same value as slot `slot` (reference_number = payment_id = txn_id, ...). */
  | { readonly kind: 'alias'; readonly key: string; readonly slot: number }
  /** The timestamp as encoded seconds, plus this offset. */
  | { readonly kind: 'time'; readonly key: string; readonly suffix: string }
  /** A nested plain object (`references`, `counterparty`) with entries of its own. */
  | { readonly kind: 'object'; readonly key: string; readonly entries: readonly ShapeEntry[] };

/** Rebuilds one record from its slots (`s[o]`, `s[o + 1]`, ...) and encoded timestamp `t`. */
export type Materialize = (s: readonly unknown[], o: number, t: number, f: TimestampFormatter) => StandardTransaction;

export interface RecordShape {
  readonly entries: readonly ShapeEntry[];
  /** Slots a record of this shape uses. */
  readonly slots: number;
  readonly make: Materialize;
  /** Like `make` but with an encoded timestamp left undefined (for readers that take the encoded value). */
  readonly makeUntimed: Materialize;
  /** Minutes east of UTC of the encoded timestamp's offset (NaN: not encoded in this shape). */
  readonly offsetMinutes: number;
}

/** Fields whose value is one of a few per source: kept in the shape, not per record. */
const SHARED_FIELDS: ReadonlySet<string> = new Set([
  'schema_version',
  'source',
  'account_id',
  'bank_code',
  'currency',
  'direction',
  'status',
  'raw_status',
  'channel',
  'transaction_type',
  'merchant_id',
]);

/** Nested objects whose string values are kept slot by slot (they hold the record's ids). */
const NESTED_FIELDS: ReadonlySet<string> = new Set(['references', 'counterparty']);

/** Values that repeat across records (price points, fees, dates): one string kept per distinct value. */
export const INTERNED_FIELDS: ReadonlySet<string> = new Set(['amount', 'fee', 'tax', 'value_date', 'balance_after']);

/** Values kept in the shape whatever the field (bigints are own values: kept by reference). */
const isScalar = (v: unknown): boolean => v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number';

/** A plain object (`{}` or `Object.create(null)`): one the store may take apart and rebuild. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A record split into a shape description (its cache key and entries) and its slot values. */
export interface Classified {
  readonly key: string;
  readonly entries: ShapeEntry[];
  readonly values: unknown[];
  readonly seconds: number;
}

/**
 * Splits `txn` into shared and own values. The key names the shape exactly (property order,
 * shared values, which slots repeat), so equal keys rebuild equal records.
 */
export function classify(txn: Record<string, unknown>): Classified {
  const values: unknown[] = [];
  const parts: string[] = [];
  let seconds = 0;
  const ownValue = (key: string, v: unknown): ShapeEntry => {
    if (typeof v === 'string') {
      for (let k = 0; k < values.length; k++) {
        if (values[k] === v) {
          parts.push(`a${k}`);
          return { kind: 'alias', key, slot: k };
        }
      }
    }
    parts.push('s');
    values.push(v);
    return { kind: 'slot', key, slot: values.length - 1 };
  };
  const constant = (key: string, v: unknown): ShapeEntry => {
    // -0 and 0 print alike but are different values (Object.is): the key must tell them apart.
    const text = Object.is(v, -0) ? '-0' : String(v);
    parts.push(`c${typeof v}${text.length}:${text}`);
    return { kind: 'const', key, value: v };
  };
  const entries: ShapeEntry[] = [];
  for (const key in txn) {
    const v = txn[key];
    parts.push(`|${key.length}:${key}`);
    const suffix = typeof v === 'string' && key === 'timestamp' ? timestampSuffix(v) : undefined;
    const encoded = suffix === undefined ? Number.NaN : encodeLocalSeconds(v as string);
    if (isScalar(v)) entries.push(constant(key, v));
    else if (typeof v === 'string' && SHARED_FIELDS.has(key)) entries.push(constant(key, v));
    else if (!Number.isNaN(encoded)) {
      seconds = encoded;
      parts.push(`t${suffix!}`);
      entries.push({ kind: 'time', key, suffix: suffix! });
    } else if (NESTED_FIELDS.has(key) && isPlainObject(v) && Object.getPrototypeOf(v) === Object.prototype) {
      parts.push('{');
      const nested: ShapeEntry[] = [];
      for (const k in v) {
        const x = v[k];
        parts.push(`|${k.length}:${k}`);
        nested.push(isScalar(x) ? constant(k, x) : ownValue(k, x));
      }
      parts.push('}');
      entries.push({ kind: 'object', key, entries: nested });
    } else entries.push(ownValue(key, v));
  }
  return { key: parts.join(''), entries, values, seconds };
}

/** Records kept whole: one slot holding the caller's object. */
export const OPAQUE_SHAPE: RecordShape = { entries: [], slots: 1, make: (s, o) => s[o] as StandardTransaction, makeUntimed: (s, o) => s[o] as StandardTransaction, offsetMinutes: Number.NaN };

/**
 * Compiles a shape into a function that builds its records with one object literal: V8 then
 * creates each record with its final hidden class in one allocation, several times faster than
 * setting properties one by one. Keys are written with `JSON.stringify` (any string is a valid
 * quoted key) and values are read from `c` (constants) and the slots, never spliced into the
 * source, so no input can change the generated code.
 */
export function compileShape(entries: readonly ShapeEntry[], slots: number): RecordShape {
  const time = entries.find((e) => e.kind === 'time');
  const suffix = time?.kind === 'time' ? time.suffix : undefined;
  const offsetMinutes = suffix === undefined ? Number.NaN : suffix === 'Z' ? 0 : (suffix[0] === '-' ? -1 : 1) * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6)));
  return { entries, slots, make: materializer(entries, true), makeUntimed: materializer(entries, false), offsetMinutes };
}

function materializer(entries: readonly ShapeEntry[], withTime: boolean): Materialize {
  const consts: unknown[] = [];
  const prop = (key: string) => (key === '__proto__' ? '["__proto__"]' : JSON.stringify(key));
  const value = (e: ShapeEntry): string => {
    switch (e.kind) {
      case 'const':
        consts.push(e.value);
        return `c[${consts.length - 1}]`;
      case 'slot':
      case 'alias':
        return `s[o + ${e.slot}]`;
      case 'time':
        consts.push(e.suffix);
        return withTime ? `f.format(t, c[${consts.length - 1}])` : 'undefined';
      case 'object':
        return literal(e.entries);
    }
  };
  const literal = (list: readonly ShapeEntry[]): string => `{${list.map((e) => `${prop(e.key)}: ${value(e)}`).join(', ')}}`;
  const body = `return function (s, o, t, f) { return ${literal(entries)}; };`;
  // Keys are JSON-quoted and values come from arrays (see above): no input reaches the code.
  return new Function('c', body)(consts) as Materialize;
}

/**
 * Whether `txn` has exactly `shape`'s properties, in its order, with its shared values; if so
 * its own values are written to `s[o]`, `s[o + 1]`, ... (interned through `intern`) and the
 * encoded timestamp is returned, else NaN. Cheaper than {@link classify}: no key is built.
 */
export function fillShape(entries: readonly ShapeEntry[], txn: Record<string, unknown>, s: unknown[], o: number, intern: (key: string, v: string) => string): number {
  let seconds = 0;
  let k = 0;
  for (const key in txn) {
    const e = entries[k++];
    if (e === undefined || e.key !== key) return Number.NaN;
    const v = txn[key];
    switch (e.kind) {
      case 'const':
        if (!Object.is(v, e.value)) return Number.NaN;
        break;
      case 'slot':
        s[o + e.slot] = typeof v === 'string' ? intern(key, v) : v;
        break;
      case 'alias':
        if (v !== s[o + e.slot]) return Number.NaN;
        break;
      case 'time': {
        if (typeof v !== 'string' || v.length !== 19 + e.suffix.length || !v.endsWith(e.suffix)) return Number.NaN;
        seconds = encodeLocalSeconds(v);
        if (Number.isNaN(seconds)) return Number.NaN;
        break;
      }
      case 'object':
        if (!isPlainObject(v) || Object.getPrototypeOf(v) !== Object.prototype || !fillNested(e.entries, v, s, o)) return Number.NaN;
        break;
    }
  }
  return k === entries.length ? seconds : Number.NaN;
}

function fillNested(entries: readonly ShapeEntry[], obj: Record<string, unknown>, s: unknown[], o: number): boolean {
  let k = 0;
  for (const key in obj) {
    const e = entries[k++];
    if (e === undefined || e.key !== key) return false;
    const v = obj[key];
    if (e.kind === 'const') {
      if (!Object.is(v, e.value)) return false;
    } else if (e.kind === 'slot') s[o + e.slot] = v;
    else if (e.kind === 'alias') {
      if (v !== s[o + e.slot]) return false;
    } else return false;
  }
  return k === entries.length;
}
