import { InvalidDataError } from '../../errors';
import { isKnownCurrency, currencyExponent } from '../../money/currencies';
import type { StandardTransaction } from '../../schema/transaction';
import { extractReferences, type ExtractedReferences } from '../extract/narration';
import type { RejectedRecord } from '../types';
import { Arena } from './arena';
import { ScratchPool } from './scratch';
import { bigintArith, MAX_FAST_DIGITS, numberArith, type Arith, type Column } from './arith';
import { dayOf, instantOf } from './dates';
import { finish } from './hash';
import { CHANNEL_CODE, STATUS_CODE, TYPE_CODE } from './codes';
import { StringTable } from './string-table';

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

/** How to read a key from a record; `id` names the reader (same id, same values) for caching. */
export interface KeySpec {
  readonly id: string;
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

/**
 * The records of one run in columns: parsed amounts, signs, lazily parsed dates, extracted
 * narration references and record hashes, all indexed by a record's position. Built once per run
 * and shared by every link, so each record is parsed once however many links read it.
 */
export class RecordTable<T> {
  readonly n: number;
  /** Unsigned amount, fee and tax in minor units (absent fee/tax = 0). */
  readonly amount: Column<T>;
  readonly fee: Column<T>;
  readonly tax: Column<T>;
  /** +1 CREDIT, −1 DEBIT. */
  readonly sign: Int8Array;
  /** Dense ids of each record's source and currency (few distinct values), and their names. */
  readonly sourceId: Int32Array;
  readonly currencyId: Int32Array;
  readonly sources: readonly string[];
  readonly currencies: readonly string[];
  /** Codes of status, transaction type and channel (−1: none); see `codes.ts`. */
  readonly status: Uint8Array;
  readonly type: Uint8Array;
  readonly channel: Int8Array;
  /** Epoch day of `value_date` (else the timestamp's local date), and of the timestamp's local date. */
  readonly dayValue: Int32Array;
  readonly dayTimestamp: Int32Array;
  /** The timestamp as milliseconds since the epoch, computed on first use (only sub-day windows need it). */
  private instants: Float64Array | undefined;
  /** 64-bit hash of (source, txn_id), two words: outcome ids, export order, duplicate detection. */
  readonly hash1: Uint32Array;
  readonly hash2: Uint32Array;
  /** Per-pass temporaries of this run. */
  readonly scratch = new ScratchPool();
  /** Narration extracts by record (only records whose narration a rule reads: a few bank lines). */
  private readonly extractedCache = new Map<number, ExtractedReferences>();
  private readonly keyColumns = new Map<string, KeyColumn>();

  constructor(
    readonly txns: readonly StandardTransaction[],
    readonly ar: Arith<T>,
    parsed: { amount: Column<T>; fee: Column<T>; tax: Column<T>; sign: Int8Array },
    arena: Arena,
  ) {
    this.n = txns.length;
    this.amount = parsed.amount;
    this.fee = parsed.fee;
    this.tax = parsed.tax;
    this.sign = parsed.sign;
    const sources = new StringTable(16);
    const currencies = new StringTable(16);
    this.sourceId = arena.int32(this.n);
    this.currencyId = arena.int32(this.n);
    this.dayValue = arena.int32(this.n);
    this.dayTimestamp = arena.int32(this.n);
    this.hash1 = arena.uint32(this.n);
    this.hash2 = arena.uint32(this.n);
    this.status = arena.uint8(this.n);
    this.type = arena.uint8(this.n);
    this.channel = arena.int8(this.n);
    // One pass over the record objects: everything later passes need goes into columns here, so
    // the matching itself reads typed arrays (at a million records, touching the scattered
    // objects again is what costs, not the arithmetic).
    for (let i = 0; i < this.n; i++) {
      const t = txns[i]!;
      this.sourceId[i] = sources.intern(t.source);
      this.currencyId[i] = currencies.intern(t.currency);
      this.status[i] = STATUS_CODE[t.status] ?? 0;
      this.type[i] = TYPE_CODE[t.transaction_type] ?? 0;
      this.channel[i] = t.channel === undefined ? -1 : (CHANNEL_CODE[t.channel] ?? -1);
      const tsDay = dayOf(t.timestamp);
      this.dayTimestamp[i] = tsDay;
      this.dayValue[i] = t.value_date ? dayOf(t.value_date) : tsDay;
      this.computeHash(i);
    }
    this.sources = sources.keys;
    this.currencies = currencies.keys;
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
    return field === 'value_date' ? this.dayValue[i]! : this.dayTimestamp[i]!;
  }

  /** Milliseconds since the epoch of record `i`'s timestamp. */
  instant(i: number): number {
    if (!this.instants) {
      this.instants = new Float64Array(this.n);
      for (let k = 0; k < this.n; k++) this.instants[k] = instantOf(this.txns[k]!.timestamp);
    }
    return this.instants[i]!;
  }

  /** References in the record's description, extracted once. */
  extracted(i: number): ExtractedReferences {
    let e = this.extractedCache.get(i);
    if (!e) {
      e = extractReferences(this.txns[i]!.description);
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
    return this.hash1[i]!;
  }

  /** Second word of the record's (source, txn_id) hash. */
  hashLo(i: number): number {
    return this.hash2[i]!;
  }

  private computeHash(i: number): void {
    const t = this.txns[i]!;
    // Two lanes over source, a separator, txn_id (inline: this runs once per record at a million records).
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    const s = t.source;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    const id = t.txn_id;
    for (let k = 0; k < id.length; k++) {
      const c = id.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    finish(h1, h2, this.hash1, this.hash2, i);
  }

  /** Total order of records: source, then txn_id (code-unit order, locale-free). */
  compare(a: number, b: number): number {
    const x = this.txns[a]!;
    const y = this.txns[b]!;
    if (x.source !== y.source) return x.source < y.source ? -1 : 1;
    if (x.txn_id !== y.txn_id) return x.txn_id < y.txn_id ? -1 : 1;
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

/**
 * Build the table for `input`. Records whose amount, fee, tax, currency or timestamp cannot be read
 * are rejected (typed error with the record) instead of stopping the run.
 */
export function buildRecordTable(input: readonly StandardTransaction[]): BuiltTable {
  const rejected: RejectedRecord[] = [];
  const n0 = input.length;
  let accepted: StandardTransaction[] | null = null; // stays null (input reused) until a record is rejected
  // Every column of the table from one buffer (see Arena): 3 × 8 bytes of money, 6 × 4 of ids,
  // days and hashes, 4 × 1 of codes and sign, plus alignment slack.
  const arena = new Arena(n0 * 52 + 256);
  const amount = arena.float64(n0);
  const fee = arena.float64(n0);
  const tax = arena.float64(n0);
  const exponents = new Map<string, number>();
  let fast = true;
  let total = 0;
  let n = 0;
  for (let k = 0; k < n0; k++) {
    const txn = input[k]!;
    let exponent = exponents.get(txn.currency);
    if (exponent === undefined) {
      if (typeof txn.currency !== 'string' || !isKnownCurrency(txn.currency)) {
        accepted ??= input.slice(0, k);
        rejected.push(reject(txn, 'currency', `unknown currency ${JSON.stringify(txn.currency)}`));
        continue;
      }
      exponent = currencyExponent(txn.currency);
      exponents.set(txn.currency, exponent);
    }
    const a = fastMinor(txn.amount, exponent);
    const f = fastMinor(txn.fee, exponent);
    const x = fastMinor(txn.tax, exponent);
    let problem: [string, string] | undefined;
    if (Number.isNaN(a) || txn.amount === undefined) problem = ['amount', `amount is not a decimal string at ${txn.currency}'s scale`];
    else if (Number.isNaN(f)) problem = ['fee', `fee is not a decimal string at ${txn.currency}'s scale`];
    else if (Number.isNaN(x)) problem = ['tax', `tax is not a decimal string at ${txn.currency}'s scale`];
    else if (typeof txn.timestamp !== 'string' || Number.isNaN(instantOf(txn.timestamp))) problem = ['timestamp', 'timestamp is not ISO 8601 with an offset'];
    else if (txn.value_date !== undefined && Number.isNaN(dayOf(txn.value_date))) problem = ['value_date', 'value_date is not YYYY-MM-DD'];
    else if (txn.direction !== 'CREDIT' && txn.direction !== 'DEBIT') problem = ['direction', 'direction is neither CREDIT nor DEBIT'];
    else if (typeof txn.source !== 'string' || typeof txn.txn_id !== 'string') problem = ['txn_id', 'source and txn_id must be strings'];
    if (problem) {
      accepted ??= input.slice(0, k);
      rejected.push(reject(txn, problem[0], problem[1]));
      continue;
    }
    if (accepted) accepted.push(txn);
    amount[n] = a;
    fee[n] = f;
    tax[n] = x;
    n++;
    // Each term below 10^15 is exact, and so is the running total while it stays ≤ 2^53 − 1. Once
    // a term or the total passes its bound (Infinity included), the run leaves the fast path.
    total += a + f + x;
    if (!(total <= Number.MAX_SAFE_INTEGER)) fast = false;
  }
  const txns = accepted ?? input;
  const sign = arena.int8(n);
  for (let i = 0; i < n; i++) sign[i] = txns[i]!.direction === 'DEBIT' ? -1 : 1;
  if (fast) {
    const cut = (c: Float64Array) => (n === n0 ? c : c.subarray(0, n));
    return { table: new RecordTable(txns, numberArith, { amount: cut(amount), fee: cut(fee), tax: cut(tax), sign }, arena), rejected };
  }
  return {
    table: new RecordTable(txns, bigintArith, {
      amount: txns.map((t) => bigMinor(t.amount)),
      fee: txns.map((t) => bigMinor(t.fee)),
      tax: txns.map((t) => bigMinor(t.tax)),
      sign,
    }, arena),
    rejected,
  };
}
