import { InvalidDataError } from '../../errors';
import { isKnownCurrency, currencyExponent } from '../../money/currencies';
import type { StandardTransaction } from '../../schema/transaction';
import { extractReferences, type ExtractedReferences } from '../extract/narration';
import type { RejectedRecord } from '../types';
import { ScratchPool } from './scratch';
import { bigintArith, MAX_FAST_DIGITS, numberArith, type Arith, type Column } from './arith';
import { dayOf, msSinceDayStart } from './dates';
import { finish } from './hash';
import { CHANNEL_CODE, STATUS_CODE, TYPE_CODE } from './codes';
import { StringTable } from './string-table';
import { TransactionStore } from '../store/transaction-store';

export type { Column } from './arith';

export { STATUS_CODE, STATUS_NAMES } from './codes';

/**
 * Minor units of a wire amount (`"5000.00"` at the currency's scale) as a number: NaN when the
 * string is not a plain decimal at that scale, Infinity when it has more than
 * {@link MAX_FAST_DIGITS} significant digits (too large for the fast path). An absent value is 0.
 */
function fastMinor(value: string | undefined, exponent: number): number {
  if (value === undefined) return 0;
  if (typeof value !== 'string' || value.length === 0) return Number.NaN;
  const dot = value.indexOf('.');
  const decimals = dot < 0 ? 0 : value.length - dot - 1;
  if (decimals !== exponent || dot === 0) return Number.NaN;
  let n = 0;
  let significant = 0;
  for (let i = 0; i < value.length; i++) {
    if (i === dot) continue;
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    if (significant > 0 || c !== 0) significant++;
    n = n * 10 + c;
  }
  return significant > MAX_FAST_DIGITS ? Number.POSITIVE_INFINITY : n;
}

/** Minor units of a wire amount as a bigint (called only after {@link fastMinor} accepted its shape). */
function bigMinor(value: string | undefined): bigint {
  return value === undefined ? 0n : BigInt(value.replace('.', ''));
}

/** Key values read from a record: one string, several, or none. */
export type KeyValue = string | readonly string[] | undefined;

/**
 * How to read a key from a record; `id` names the reader (same id, same values) for caching.
 * `computed`: the reader builds its value (a key function, a normalisation, the amount key)
 * instead of returning a field's string, so reading it again costs a call and an allocation.
 */
export interface KeySpec {
  readonly id: string;
  readonly computed?: boolean;
  read(table: RecordTable<unknown>, i: number): KeyValue | null;
}

/**
 * One key of the records, read from each record when asked (nothing is cached: a
 * million-entry column per key costs more in allocation, and GC pauses, than reading the field
 * again; the records are read once per pass anyway).
 */
export class KeyColumn {
  constructor(
    private readonly table: RecordTable<unknown>,
    private readonly spec: KeySpec,
  ) {}

  /** Record `i`'s key value(s). */
  get(i: number): KeyValue {
    return this.spec.read(this.table, i) ?? undefined;
  }
}

/** The columns {@link buildRecordTable} fills in its single pass over the records. */
export interface TableColumns<T> {
  amount: Column<T>;
  fee: Column<T>;
  tax: Column<T>;
  sign: Int8Array;
  sourceId: IdColumn;
  currencyId: IdColumn;
  sources: readonly string[];
  currencies: readonly string[];
  status: Uint8Array;
  type: Uint8Array;
  channel: Int8Array;
  valueDayDelta: Int16Array | Int32Array;
  dayTimestamp: Int32Array;
  /** The timestamp's instant minus its local day's midnight (UTC) in ms: see {@link RecordTable.instant}. */
  instantRest: Int32Array;
  /** See {@link RecordTable.hashes}. */
  hashes: Uint32Array;
  /** The run's typed-array memory the columns came from. */
  scratch: ScratchPool;
}

/**
 * Dense ids of a few distinct values (sources, currencies): one byte a record while there are at
 * most 256 of them, four beyond (a million records: 3 MB instead of 12 per column).
 */
export type IdColumn = Uint8Array | Int32Array;

/** Largest amount, fee or tax (minor units) the narrow columns hold: 2^32 − 1 (₹4.29 crore in paise). */
const NARROW_MAX = 0xffffffff;

/** Bytes of typed-array memory reserved per input record (columns plus the passes' arrays). */
const RESERVE_PER_RECORD = 300;

/** Days from 1970-01-01 to 2000-01-01 (the store's timestamp epoch). */
const EPOCH_2000_DAY = 10_957;

/** Row `i` of `rows` as a record (from a store: rebuilt). */
function recordAt(rows: TableRecords, i: number): StandardTransaction {
  const list = rows.list;
  if (list !== null) return list[i]!;
  const index = rows.storeIndex;
  return rows.store!.get(index === null ? i : index[i]!);
}

const readTxnId = (t: StandardTransaction): string => t.txn_id;
const readSource = (t: StandardTransaction): string => t.source;

/** Where a table's rows come from: an array of records, or a store (plus its row → record map). */
export interface TableRecords {
  readonly n: number;
  readonly list: readonly StandardTransaction[] | null;
  readonly store: TransactionStore | null;
  readonly storeIndex: Int32Array | null;
}

/**
 * The records of one run in columns: parsed amounts, signs, dates, extracted narration references
 * and record hashes, all indexed by a record's position. Built once per run and shared by every
 * link, so each record is parsed once however many links read it.
 */
export class RecordTable<T> {
  readonly n: number;
  /**
   * Unsigned amount, fee and tax in minor units (absent fee/tax = 0): Uint32Arrays while every
   * value of the run fits in 32 bits, else Float64Arrays (bigint arrays off the fast path).
   */
  readonly amount: Column<T>;
  readonly fee: Column<T>;
  readonly tax: Column<T>;
  /** +1 CREDIT, −1 DEBIT. */
  readonly sign: Int8Array;
  /** Dense ids of each record's source and currency (few distinct values), and their names. */
  readonly sourceId: IdColumn;
  readonly currencyId: IdColumn;
  readonly sources: readonly string[];
  readonly currencies: readonly string[];
  /** Codes of status, transaction type and channel (−1: none); see `codes.ts`. */
  readonly status: Uint8Array;
  readonly type: Uint8Array;
  readonly channel: Int8Array;
  /** Epoch day of the timestamp's local date (`value_date`'s: see {@link day}). */
  readonly dayTimestamp: Int32Array;
  /**
   * `value_date`'s epoch day minus `dayTimestamp` (0 without one): two bytes while every record's
   * value date is within ±89 years of its timestamp, four past that; zero pages are never written.
   */
  private readonly valueDayDelta: Int16Array | Int32Array;
  /**
   * The timestamp's instant (ms since the epoch, parsed once when the record was validated) minus
   * `dayTimestamp × 86 400 000`. It lies within ±(99 h + 99 min) + offset of midnight whatever the
   * digits say, so an Int32 holds it: half the bytes of a Float64 instant column.
   */
  private readonly instantRest: Int32Array;
  /**
   * 64-bit hash of (source, txn_id) as two words a record, side by side (`[2i]`, `[2i + 1]`: read
   * through {@link hashHi} and {@link hashLo}): outcome ids, export order, duplicate detection.
   * Side by side because outcomes read both words of records met in hash order: one cache miss.
   */
  readonly hashes: Uint32Array;
  /** The run's typed-array memory: per-pass temporaries and the columns outcomes keep. */
  readonly scratch: ScratchPool;
  /** Narration extracts by record (only records whose narration a rule reads: a few bank lines). */
  private readonly extractedCache = new Map<number, ExtractedReferences>();
  private readonly keyColumns = new Map<string, KeyColumn>();
  private readonly storeFields = new Map<string, (i: number) => string | undefined>();

  /** The records as objects (array input), or null. */
  readonly list: readonly StandardTransaction[] | null;
  /** The records in a compact store (store input), or null; `storeIndex` maps rows to it when some were rejected. */
  readonly store: TransactionStore | null;
  readonly storeIndex: Int32Array | null;

  constructor(
    txns: TableRecords,
    readonly ar: Arith<T>,
    c: TableColumns<T>,
  ) {
    this.list = txns.list;
    this.store = txns.store;
    this.storeIndex = txns.storeIndex;
    this.n = txns.n;
    this.amount = c.amount;
    this.fee = c.fee;
    this.tax = c.tax;
    this.sign = c.sign;
    this.sourceId = c.sourceId;
    this.currencyId = c.currencyId;
    this.sources = c.sources;
    this.currencies = c.currencies;
    this.status = c.status;
    this.type = c.type;
    this.channel = c.channel;
    this.valueDayDelta = c.valueDayDelta;
    this.dayTimestamp = c.dayTimestamp;
    this.instantRest = c.instantRest;
    this.hashes = c.hashes;
    this.scratch = c.scratch;
  }

  /**
   * Record `i`. From a store it is rebuilt on each call (a new object), so callers read it once
   * per use and never compare records by identity.
   */
  txn(i: number): StandardTransaction {
    return recordAt(this, i);
  }

  /**
   * Record `i`'s string field `path` (`read` reads it from an object): from a store, read in
   * place instead of rebuilding the record.
   */
  field(path: string, read: (txn: StandardTransaction) => string | undefined, i: number): string | undefined {
    const list = this.list;
    if (list !== null) return read(list[i]!);
    let reader = this.storeFields.get(path);
    if (reader === undefined) {
      reader = this.store!.fieldReader(path);
      this.storeFields.set(path, reader);
    }
    const index = this.storeIndex;
    return reader(index === null ? i : index[i]!);
  }

  /** Record `i`'s `txn_id`. */
  txnId(i: number): string {
    return this.field('txn_id', readTxnId, i)!;
  }

  /** Record `i`'s `source`. */
  source(i: number): string {
    return this.field('source', readSource, i)!;
  }

  /** Signed amount minus the chosen net fields: the value the amount check compares. */
  value(i: number, netFee: boolean, netTax: boolean): T {
    const ar = this.ar;
    let v = this.sign[i]! < 0 ? ar.neg(this.amount[i]!) : this.amount[i]!;
    if (netFee) v = ar.sub(v, this.fee[i]!);
    if (netTax) v = ar.sub(v, this.tax[i]!);
    return v;
  }

  /** Signed gross amount. */
  signed(i: number): T {
    return this.sign[i]! < 0 ? this.ar.neg(this.amount[i]!) : this.amount[i]!;
  }

  /** Epoch day of record `i` for a date field (`value_date` falls back to the timestamp's date). */
  day(i: number, field: 'value_date' | 'timestamp'): number {
    return field === 'value_date' ? this.dayTimestamp[i]! + this.valueDayDelta[i]! : this.dayTimestamp[i]!;
  }

  /** Milliseconds since the epoch of record `i`'s timestamp. */
  instant(i: number): number {
    // Both terms are integers and the sum is below 2^53: exact.
    return this.dayTimestamp[i]! * 86_400_000 + this.instantRest[i]!;
  }

  /** References in the record's description, extracted once. */
  extracted(i: number): ExtractedReferences {
    let e = this.extractedCache.get(i);
    if (!e) {
      e = extractReferences(this.txn(i).description);
      this.extractedCache.set(i, e);
    }
    return e;
  }

  /** The key values a {@link KeySpec} reads, per record, computed once per run and cached. */
  keys(spec: KeySpec): KeyColumn {
    let col = this.keyColumns.get(spec.id);
    if (!col) {
      col = new KeyColumn(this, spec);
      this.keyColumns.set(spec.id, col);
    }
    return col;
  }

  /** First word of the record's (source, txn_id) hash. */
  hashHi(i: number): number {
    return this.hashes[2 * i]!;
  }

  /** Second word of the record's (source, txn_id) hash. */
  hashLo(i: number): number {
    return this.hashes[2 * i + 1]!;
  }

  /** Total order of records: source, then txn_id (code-unit order, locale-free). */
  compare(a: number, b: number): number {
    const xs = this.source(a);
    const ys = this.source(b);
    if (xs !== ys) return xs < ys ? -1 : 1;
    const x = this.txnId(a);
    const y = this.txnId(b);
    if (x !== y) return x < y ? -1 : 1;
    return 0;
  }
}

/** The table plus what was rejected (records the engine cannot read). */
export interface BuiltTable {
  table: RecordTable<number> | RecordTable<bigint>;
  rejected: RejectedRecord[];
}

function reject(record: StandardTransaction, field: string, message: string): RejectedRecord {
  return {
    record,
    error: new InvalidDataError(`Record ${record.source}/${record.txn_id} cannot be reconciled: ${message}`, {
      code: 'MATCH_RECORD_INVALID',
      issues: [{ path: [field], message, code: 'MATCH_RECORD_INVALID' }],
      raw: record,
    }),
  };
}

/** Two-lane hash of (source, txn_id) into `out[at]`, `out[at + 1]` (inline loops: once per record). */
function recordHash(source: string, id: string, out: Uint32Array, at: number): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < source.length; k++) {
    const c = source.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ 0x1f, 2654435761);
  h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  for (let k = 0; k < id.length; k++) {
    const c = id.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  finish(h1, h2, out, at);
}

const oneHash = new Uint32Array(2);

/** What `hashHi` gives for a record of this source and txn_id (to find records by id on that word). */
export function recordHashWord(source: string, id: string): number {
  recordHash(source, id, oneHash, 0);
  return oneHash[0]!;
}

/** Amount, fee and tax as bigints (the slow path: some value or total too large for a double). */
function bigColumns(txns: TableRecords): { amount: bigint[]; fee: bigint[]; tax: bigint[] } {
  const amount: bigint[] = [];
  const fee: bigint[] = [];
  const tax: bigint[] = [];
  for (let i = 0; i < txns.n; i++) {
    const t = recordAt(txns, i);
    amount.push(bigMinor(t.amount));
    fee.push(bigMinor(t.fee));
    tax.push(bigMinor(t.tax));
  }
  return { amount, fee, tax };
}

/**
 * Build the table for `input`. Records whose amount, fee, tax, currency or timestamp cannot be read
 * are rejected (typed error with the record) instead of stopping the run.
 *
 * One pass over the record objects: validation, parsing and every column the matching reads. At a
 * million records, touching the scattered objects is what costs (cache misses), not the
 * arithmetic, so each object is visited once here and the timestamp parsed once.
 */
export function buildRecordTable(source: readonly StandardTransaction[] | TransactionStore): BuiltTable {
  const rejected: RejectedRecord[] = [];
  const store = source instanceof TransactionStore ? source : null;
  const input: readonly StandardTransaction[] = store === null ? (source as readonly StandardTransaction[]) : [];
  const n0 = source.length;
  // Rows kept so far, once a record has been rejected (null until then: the input is reused).
  let accepted: StandardTransaction[] | null = null;
  let acceptedIndex: Int32Array | null = null;
  const rejectAt = (k: number, txn: StandardTransaction, field: string, message: string): void => {
    if (store !== null) {
      if (acceptedIndex === null) {
        acceptedIndex = new Int32Array(n0);
        for (let x = 0; x < k; x++) acceptedIndex[x] = x;
      }
    } else accepted ??= input.slice(0, k);
    rejected.push(reject(store === null ? txn : store.get(k), field, message));
  };
  // Every column of the table, and later every pass's arrays, from one reservation (see
  // ScratchPool): columns take 36 bytes a record, the passes of a typical config more.
  const pool = new ScratchPool(n0 * RESERVE_PER_RECORD + 65536);
  // Amounts, fees and taxes in 32 bits while every one of them fits (nearly every ledger): the
  // first that does not moves the three columns to Float64 (`widen`), once.
  const amountN = pool.take('u32', n0);
  const feeN = pool.take('u32', n0);
  const taxN = pool.take('u32', n0);
  let wide: { amount: Float64Array; fee: Float64Array; tax: Float64Array } | null = null;
  const widen = (): { amount: Float64Array; fee: Float64Array; tax: Float64Array } => {
    const w = { amount: pool.take('f64', n0), fee: pool.take('f64', n0), tax: pool.take('f64', n0) };
    for (let k = 0; k < n; k++) {
      w.amount[k] = amountN[k]!;
      if (feeN[k] !== 0) w.fee[k] = feeN[k]!;
      if (taxN[k] !== 0) w.tax[k] = taxN[k]!;
    }
    pool.give(amountN, feeN, taxN);
    return w;
  };
  const instantRest = pool.take('i32', n0);
  // Ids start one byte wide and widen (once) if a 257th source or currency shows up.
  let sourceId: IdColumn = pool.take('u8', n0);
  let currencyId: IdColumn = pool.take('u8', n0);
  const widenIds = (ids: IdColumn): Int32Array => {
    const wide = pool.take('i32', n0);
    wide.set(ids.subarray(0, n));
    pool.give(ids);
    return wide;
  };
  let valueDayDelta: Int16Array | Int32Array = pool.take('i16', n0);
  const dayTimestamp = pool.take('i32', n0);
  const hashes = pool.take('u32', 2 * n0);
  const status = pool.take('u8', n0);
  const type = pool.take('u8', n0);
  const channel = pool.take('i8', n0);
  const sign = pool.take('i8', n0);
  const sources = new StringTable(16);
  const currencies = new StringTable(16);
  const exponents = new Map<string, number>();
  let lastStatus: string | undefined;
  let lastStatusCode = 0;
  let lastType: string | undefined;
  let lastTypeCode = 0;
  let lastChannel: string | undefined = '';
  let lastChannelCode = -1;
  let lastExponentCurrency: string | undefined;
  let lastExponent = 0;
  let lastSource: string | undefined;
  let lastSourceId = 0;
  let lastCurrency: string | undefined;
  let lastCurrencyId = 0;
  let fast = true;
  let total = 0;
  let n = 0;
  for (let k = 0; k < n0; k++) {
    const txn = store === null ? input[k]! : store.getUntimed(k);
    // Records come in runs of one currency: skip the map lookup (a string hash) while it repeats.
    let exponent = txn.currency === lastExponentCurrency ? lastExponent : exponents.get(txn.currency);
    if (exponent === undefined) {
      if (typeof txn.currency !== 'string' || !isKnownCurrency(txn.currency)) {
        rejectAt(k, txn, 'currency', `unknown currency ${JSON.stringify(txn.currency)}`);
        continue;
      }
      exponent = currencyExponent(txn.currency);
      exponents.set(txn.currency, exponent);
    }
    lastExponentCurrency = txn.currency;
    lastExponent = exponent;
    const a = fastMinor(txn.amount, exponent);
    const f = fastMinor(txn.fee, exponent);
    const x = fastMinor(txn.tax, exponent);
    let tsDay: number;
    let rest: number;
    const seconds = store === null ? Number.NaN : store.timestampSeconds(k);
    if (Number.isNaN(seconds)) {
      const ts = txn.timestamp;
      tsDay = typeof ts === 'string' ? dayOf(ts) : Number.NaN;
      rest = typeof ts === 'string' ? msSinceDayStart(ts, tsDay) : Number.NaN;
    } else {
      // The store keeps a valid timestamp as local seconds and an offset: no text to parse.
      const localDay = Math.floor(seconds / 86_400);
      tsDay = localDay + EPOCH_2000_DAY;
      rest = (seconds - localDay * 86_400) * 1_000 - store!.timestampOffset(k) * 60_000;
    }
    const valueDate = txn.value_date;
    const vd = valueDate === undefined ? 0 : typeof valueDate === 'string' ? dayOf(valueDate) : Number.NaN;
    let problem: [string, string] | undefined;
    if (Number.isNaN(a) || txn.amount === undefined) problem = ['amount', `amount is not a decimal string at ${txn.currency}'s scale`];
    else if (Number.isNaN(f)) problem = ['fee', `fee is not a decimal string at ${txn.currency}'s scale`];
    else if (Number.isNaN(x)) problem = ['tax', `tax is not a decimal string at ${txn.currency}'s scale`];
    else if (Number.isNaN(rest)) problem = ['timestamp', 'timestamp is not ISO 8601 with an offset'];
    else if (Number.isNaN(vd)) problem = ['value_date', 'value_date is not YYYY-MM-DD'];
    else if (txn.direction !== 'CREDIT' && txn.direction !== 'DEBIT') problem = ['direction', 'direction is neither CREDIT nor DEBIT'];
    else if (typeof txn.source !== 'string' || typeof txn.txn_id !== 'string') problem = ['txn_id', 'source and txn_id must be strings'];
    if (problem) {
      rejectAt(k, txn, problem[0], problem[1]);
      continue;
    }
    if (accepted !== null) (accepted as StandardTransaction[]).push(txn);
    else if (acceptedIndex !== null) (acceptedIndex as Int32Array)[n] = k;
    if (wide === null && !(a <= NARROW_MAX && f <= NARROW_MAX && x <= NARROW_MAX)) wide = widen();
    // Fee and tax are absent on most records: leaving the zero pages of a fresh column unwritten
    // keeps them out of RSS (a ledger-sized run of zeros costs no memory).
    if (wide === null) {
      amountN[n] = a;
      if (f !== 0) feeN[n] = f;
      if (x !== 0) taxN[n] = x;
    } else {
      wide.amount[n] = a;
      if (f !== 0) wide.fee[n] = f;
      if (x !== 0) wide.tax[n] = x;
    }
    instantRest[n] = rest;
    sign[n] = txn.direction === 'DEBIT' ? -1 : 1;
    // Records come in runs of one source and currency: skip the interning hash while it repeats.
    if (txn.source !== lastSource) {
      lastSource = txn.source;
      lastSourceId = sources.intern(lastSource);
      if (lastSourceId > 255 && sourceId instanceof Uint8Array) sourceId = widenIds(sourceId);
    }
    if (txn.currency !== lastCurrency) {
      lastCurrency = txn.currency;
      lastCurrencyId = currencies.intern(lastCurrency);
      if (lastCurrencyId > 255 && currencyId instanceof Uint8Array) currencyId = widenIds(currencyId);
    }
    sourceId[n] = lastSourceId;
    currencyId[n] = lastCurrencyId;
    // Enum codes: a keyed lookup per record is a megamorphic load; runs of one value are common, so
    // the last value's code is reused while it repeats.
    const st = txn.status;
    if (st !== lastStatus) {
      lastStatus = st;
      lastStatusCode = STATUS_CODE[st] ?? 0;
    }
    status[n] = lastStatusCode;
    const ty = txn.transaction_type;
    if (ty !== lastType) {
      lastType = ty;
      lastTypeCode = TYPE_CODE[ty] ?? 0;
    }
    type[n] = lastTypeCode;
    const ch = txn.channel;
    if (ch !== lastChannel) {
      lastChannel = ch;
      lastChannelCode = ch === undefined ? -1 : (CHANNEL_CODE[ch] ?? -1);
    }
    channel[n] = lastChannelCode;
    dayTimestamp[n] = tsDay;
    const dd = valueDate ? vd - tsDay : 0;
    if (dd !== 0) {
      if ((dd << 16) >> 16 !== dd && valueDayDelta instanceof Int16Array) {
        const wide = pool.take('i32', n0);
        wide.set(valueDayDelta.subarray(0, n));
        pool.give(valueDayDelta);
        valueDayDelta = wide;
      }
      valueDayDelta[n] = dd;
    }
    recordHash(txn.source, txn.txn_id, hashes, 2 * n);
    n++;
    // Each term below 10^15 is exact, and so is the running total while it stays ≤ 2^53 − 1. Once
    // a term or the total passes its bound (Infinity included), the run leaves the fast path.
    total += a + f + x;
    if (!(total <= Number.MAX_SAFE_INTEGER)) fast = false;
  }
  const txns: TableRecords =
    store === null
      ? { n, list: accepted ?? input, store: null, storeIndex: null }
      : { n, list: null, store, storeIndex: acceptedIndex === null ? null : (acceptedIndex as Int32Array).subarray(0, n) };
  const cut = <A extends { subarray(a: number, b: number): A }>(c: A): A => (n === n0 ? c : c.subarray(0, n));
  const columns = {
    scratch: pool,
    sign: cut(sign),
    sourceId: cut(sourceId),
    currencyId: cut(currencyId),
    sources: sources.keys,
    currencies: currencies.keys,
    status: cut(status),
    type: cut(type),
    channel: cut(channel),
    valueDayDelta: cut(valueDayDelta),
    dayTimestamp: cut(dayTimestamp),
    instantRest: cut(instantRest),
    hashes: n === n0 ? hashes : hashes.subarray(0, 2 * n),
  };
  if (fast) {
    const money = wide === null ? { amount: cut(amountN), fee: cut(feeN), tax: cut(taxN) } : { amount: cut(wide.amount), fee: cut(wide.fee), tax: cut(wide.tax) };
    return { table: new RecordTable<number>(txns, numberArith, { ...columns, ...money }), rejected };
  }
  if (wide === null) pool.give(amountN, feeN, taxN);
  else pool.give(wide.amount, wide.fee, wide.tax);
  return {
    table: new RecordTable<bigint>(txns, bigintArith, {
      ...columns,
      ...bigColumns(txns),
    }),
    rejected,
  };
}
