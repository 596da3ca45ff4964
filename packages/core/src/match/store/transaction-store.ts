import type { StandardTransaction } from '../../schema/transaction';
import { classify, compileShape, fillShape, INTERNED_FIELDS, isPlainObject, OPAQUE_SHAPE, type RecordShape } from './record-shape';
import { TimestampFormatter } from './timestamp-codec';

/** Records per column chunk, and slots per slot chunk (a record's slots never straddle two). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** Past this many shapes, records that fit none are kept whole (bounded compile work and memory). */
const MAX_SHAPES = 4_096;
/** Distinct amount and date strings kept for sharing; later new ones are kept as they come. */
const MAX_INTERNED = 1 << 16;
/** Marks a field code whose slot holds a whole nested object (see `fieldReader`). */
const DEREF = 1 << 30;
/** Shapes tried, most recent first, before a record's shape key is built. */
const RECENT = 4;

/** Sizes of a {@link TransactionStore}, for capacity planning and the benchmark. */
export interface TransactionStoreStats {
  records: number;
  shapes: number;
  /** Own values kept (ids, amounts: pointers to strings, most of them shared). */
  slots: number;
  /** Records kept whole because no shape fitted them. */
  opaque: number;
}

/**
 * Standard transactions kept compactly, for reconciling millions of them in one process.
 *
 * A transaction object with its `references` and its strings takes ~350 bytes of V8 heap; a
 * million orders' worth (ledger, payments, settlement lines) is ~1 GB before any matching. The
 * store keeps what records of a source share once per record shape (source, account, currency,
 * status, the timestamp's offset, the property order), the timestamp as 4 bytes, repeated
 * amounts and dates once, and a record's ids as slots: ~100–150 bytes a record.
 *
 * `get(i)` rebuilds the record: a new plain object, deep-equal to the one added, with the same
 * property order (so `JSON.stringify` gives the same text). Values that are objects other than
 * `references` and `counterparty` (`raw`, say) are kept by reference, not copied.
 *
 * ```ts
 * const store = new TransactionStore();
 * for await (const message of consumer) store.add(parseTransaction(message));
 * const result = reconcile(store, indianPaymentsPreset());
 * ```
 */
export class TransactionStore implements Iterable<StandardTransaction> {
  private n = 0;
  private readonly shapeCol: Int32Array[] = [];
  private readonly startCol: Int32Array[] = [];
  private readonly secondsCol: Int32Array[] = [];
  private readonly slotChunks: unknown[][] = [];
  private slotFill = CHUNK;
  private slotCount = 0;
  private readonly shapes: RecordShape[] = [OPAQUE_SHAPE];
  private readonly shapeIds = new Map<string, number>();
  private readonly recent: number[] = [];
  private readonly interned = new Map<string, string>();
  private readonly formatter = new TimestampFormatter();
  private opaqueCount = 0;
  private readonly intern = (key: string, v: string): string => {
    if (!INTERNED_FIELDS.has(key)) return v;
    const known = this.interned.get(v);
    if (known !== undefined) return known;
    if (this.interned.size < MAX_INTERNED) this.interned.set(v, v);
    return v;
  };

  /** Creates a store holding `records`, in order. */
  static from(records: Iterable<StandardTransaction>): TransactionStore {
    const store = new TransactionStore();
    for (const r of records) store.add(r);
    return store;
  }

  /** Number of records added. */
  get length(): number {
    return this.n;
  }

  /** Appends a record (validated elsewhere: the store keeps whatever it is given) and returns its index. */
  add(txn: StandardTransaction): number {
    const record = txn as unknown as Record<string, unknown>;
    const i = this.n;
    if ((i & MASK) === 0) {
      this.shapeCol.push(new Int32Array(CHUNK));
      this.startCol.push(new Int32Array(CHUNK));
      this.secondsCol.push(new Int32Array(CHUNK));
    }
    let shapeId = 0;
    let seconds = 0;
    if (isPlainObject(record)) {
      for (let k = 0; k < this.recent.length; k++) {
        const id = this.recent[k]!;
        const shape = this.shapes[id]!;
        this.room(shape.slots);
        seconds = fillShape(shape.entries, record, this.slotChunks[this.slotChunks.length - 1]!, this.slotFill, this.intern);
        if (!Number.isNaN(seconds)) {
          shapeId = id;
          if (k > 0) {
            this.recent.splice(k, 1);
            this.recent.unshift(id);
          }
          break;
        }
      }
      if (shapeId === 0) {
        const c = classify(record);
        let id = this.shapeIds.get(c.key);
        if (id === undefined && this.shapes.length < MAX_SHAPES) {
          id = this.shapes.length;
          this.shapes.push(compileShape(c.entries, c.values.length));
          this.shapeIds.set(c.key, id);
        }
        if (id !== undefined) {
          shapeId = id;
          seconds = c.seconds;
          this.room(c.values.length);
          const chunk = this.slotChunks[this.slotChunks.length - 1]!;
          for (let k = 0; k < c.values.length; k++) {
            const v = c.values[k];
            chunk[this.slotFill + k] = typeof v === 'string' ? this.intern(keyOfSlot(c.entries, k), v) : v;
          }
          this.recent.unshift(id);
          if (this.recent.length > RECENT) this.recent.pop();
        }
      }
    }
    if (shapeId === 0) {
      this.room(1);
      this.slotChunks[this.slotChunks.length - 1]![this.slotFill] = txn;
      this.opaqueCount++;
    }
    const shape = this.shapes[shapeId]!;
    const c = i >>> CHUNK_BITS;
    const j = i & MASK;
    this.shapeCol[c]![j] = shapeId;
    this.startCol[c]![j] = (this.slotChunks.length - 1) * CHUNK + this.slotFill;
    this.secondsCol[c]![j] = seconds;
    this.slotFill += shape.slots;
    this.slotCount += shape.slots;
    this.n = i + 1;
    return i;
  }

  /** Record `i` (0 ≤ i < length), rebuilt: a new object each call. */
  get(i: number): StandardTransaction {
    if (!(i >= 0 && i < this.n)) throw new RangeError(`no record ${i} in a store of ${this.n}`);
    const c = i >>> CHUNK_BITS;
    const j = i & MASK;
    const start = this.startCol[c]![j]!;
    return this.shapes[this.shapeCol[c]![j]!]!.make(this.slotChunks[start >>> CHUNK_BITS]!, start & MASK, this.secondsCol[c]![j]!, this.formatter);
  }

  /**
   * Record `i` with its timestamp left undefined when {@link timestampSeconds} has it (the
   * matcher's table reads the encoded value instead of parsing text).
   * @internal
   */
  getUntimed(i: number): StandardTransaction {
    const c = i >>> CHUNK_BITS;
    const j = i & MASK;
    const start = this.startCol[c]![j]!;
    return this.shapes[this.shapeCol[c]![j]!]!.makeUntimed(this.slotChunks[start >>> CHUNK_BITS]!, start & MASK, 0, this.formatter);
  }

  /**
   * Record `i`'s timestamp as local wall-clock seconds since 2000-01-01, NaN when it is kept as
   * text; {@link timestampOffset} gives its offset.
   * @internal
   */
  timestampSeconds(i: number): number {
    const c = i >>> CHUNK_BITS;
    const j = i & MASK;
    return Number.isNaN(this.shapes[this.shapeCol[c]![j]!]!.offsetMinutes) ? Number.NaN : this.secondsCol[c]![j]!;
  }

  /** Minutes east of UTC of record `i`'s encoded timestamp (see {@link timestampSeconds}). @internal */
  timestampOffset(i: number): number {
    return this.shapes[this.shapeCol[i >>> CHUNK_BITS]![i & MASK]!]!.offsetMinutes;
  }

  /** Like `Array.prototype.at`: record `i`, counting from the end when negative; undefined outside. */
  at(i: number): StandardTransaction | undefined {
    const k = i < 0 ? this.n + i : i;
    return k >= 0 && k < this.n ? this.get(k) : undefined;
  }

  *[Symbol.iterator](): Iterator<StandardTransaction> {
    for (let i = 0; i < this.n; i++) yield this.get(i);
  }

  /**
   * A reader of one string field (`txn_id`, `references.order_id`, ...) of any record, without
   * rebuilding the record: what the matcher reads its keys with. Non-string values read as
   * undefined.
   */
  fieldReader(path: string): (i: number) => string | undefined {
    const dot = path.indexOf('.');
    const outer = dot < 0 ? path : path.slice(0, dot);
    const inner = dot < 0 ? null : path.slice(dot + 1);
    // Per shape: the slot to read (≥ 0; plus DEREF when the slot holds the whole nested object, to
    // be read into), absent (−1), or constant number −2 − k of `consts`.
    let codes = new Int32Array(0);
    const consts: (string | undefined)[] = [];
    const codeOf = (shape: RecordShape): number => {
      let entries = shape.entries;
      let key = outer;
      if (inner !== null) {
        const nested = entries.find((e) => e.key === outer);
        if (nested?.kind === 'slot') return nested.slot | DEREF;
        if (nested?.kind !== 'object') return -1;
        entries = nested.entries;
        key = inner;
      }
      const e = entries.find((x) => x.key === key);
      if (e === undefined || e.kind === 'object' || e.kind === 'time') return -1;
      if (e.kind === 'const') {
        consts.push(typeof e.value === 'string' ? e.value : undefined);
        return -2 - (consts.length - 1);
      }
      return e.slot;
    };
    return (i) => {
      const c = i >>> CHUNK_BITS;
      const j = i & MASK;
      const shapeId = this.shapeCol[c]![j]!;
      if (shapeId >= codes.length) {
        const next = new Int32Array(this.shapes.length);
        next.set(codes);
        for (let s = codes.length; s < next.length; s++) next[s] = s === 0 ? -1 : codeOf(this.shapes[s]!);
        codes = next;
      }
      const code = codes[shapeId]!;
      if (shapeId === 0) {
        // A record kept whole: read it.
        const start = this.startCol[c]![j]!;
        const whole = this.slotChunks[start >>> CHUNK_BITS]![start & MASK] as Record<string, unknown>;
        const v = inner === null ? whole[outer] : (whole[outer] as Record<string, unknown> | undefined)?.[inner];
        return typeof v === 'string' ? v : undefined;
      }
      if (code === -1) return undefined;
      if (code < -1) return consts[-2 - code];
      const start = this.startCol[c]![j]!;
      const chunk = this.slotChunks[start >>> CHUNK_BITS]!;
      if (code >= DEREF) {
        const whole = chunk[(start & MASK) + (code & ~DEREF)] as Record<string, unknown> | null | undefined;
        const v = typeof whole === 'object' && whole !== null ? whole[inner!] : undefined;
        return typeof v === 'string' ? v : undefined;
      }
      const v = chunk[(start & MASK) + code];
      return typeof v === 'string' ? v : undefined;
    };
  }

  /** Counts of what the store holds. */
  stats(): TransactionStoreStats {
    return { records: this.n, shapes: this.shapes.length - 1, slots: this.slotCount, opaque: this.opaqueCount };
  }

  /** Makes sure the current slot chunk has `count` free slots. */
  private room(count: number): void {
    if (this.slotFill + count <= CHUNK) return;
    if (count > CHUNK) throw new RangeError(`a record with ${count} values is too large for the store`);
    this.slotChunks.push(new Array<unknown>(CHUNK));
    this.slotFill = 0;
  }
}

/** The property name slot `k` was classified from (interning applies to top-level amounts and dates only). */
function keyOfSlot(entries: ReturnType<typeof classify>['entries'], k: number): string {
  for (const e of entries) if (e.kind === 'slot' && e.slot === k) return e.key;
  return '';
}
