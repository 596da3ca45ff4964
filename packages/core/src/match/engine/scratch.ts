type Kind = 'i32' | 'u32' | 'u8' | 'i8' | 'f64';
type ArrayOf<K extends Kind> = K extends 'i32'
  ? Int32Array
  : K extends 'u32'
    ? Uint32Array
    : K extends 'u8'
      ? Uint8Array
      : K extends 'i8'
        ? Int8Array
        : Float64Array;
type AnyArray = Int32Array | Uint32Array | Uint8Array | Int8Array | Float64Array;

const BYTES: Readonly<Record<Kind, number>> = { i32: 4, u32: 4, u8: 1, i8: 1, f64: 8 };
/** Below this many bytes an array is allocated on its own (cheap, and not worth tracking). */
const SMALL = 4096;
/** Smallest slab added when the reserve runs out. */
const MIN_SLAB = 16 * 1024 * 1024;

/** Below this many bytes a reservation is an ordinary ArrayBuffer (see {@link reserveSlab}). */
const SHARED_MIN = 32 * 1024 * 1024;
/** The last reservation made as a SharedArrayBuffer, while it may still be reachable. */
let lastShared: WeakRef<SharedArrayBuffer> | undefined;

/**
 * The first slab of a run. A large one is a SharedArrayBuffer when no earlier one may still be
 * alive; otherwise an ordinary ArrayBuffer.
 *
 * Why: V8 counts ArrayBuffer memory toward its full-GC trigger, so reserving a million-record run's
 * few hundred megabytes starts a full mark of everything on the heap, the caller's input records
 * included (0.8–1 s at a million orders), although nothing needs collecting. SharedArrayBuffer
 * memory is not counted, so that collection is skipped. Its cost is that a dropped result's
 * slab waits for the next full GC instead of causing one: so only one shared slab is ever
 * outstanding. While the last one may still be reachable (`WeakRef#deref` answers until a GC
 * has collected it, and always within the synchronous job that created it), the next run reserves
 * an ordinary ArrayBuffer, whose full GC also frees the earlier slab. Back-to-back runs therefore
 * use memory as they would without this; a run after the previous result was collected skips the GC.
 */
function reserveSlab(bytes: number): ArrayBufferLike {
  if (bytes >= SHARED_MIN && typeof SharedArrayBuffer === 'function' && typeof WeakRef === 'function' && lastShared?.deref() === undefined) {
    const slab = new SharedArrayBuffer(bytes);
    lastShared = new WeakRef(slab);
    return slab;
  }
  return new ArrayBuffer(bytes);
}

function sizeClass(bytes: number): number {
  let c = SMALL;
  while (c < bytes) c *= 2;
  return c;
}

/**
 * The run's typed-array memory: columns, per-pass temporaries (counters, stamps, hash slots) and
 * the edge columns that outcomes keep, carved from a few large slabs, with freed regions reused.
 *
 * Why: V8 starts a full mark-compact each time ArrayBuffer memory grows by about 64 MB since the
 * last one, and with a million input records on the heap each of those costs the better part of
 * a second. A run that allocates a fresh array per column, pass and link pays that a dozen
 * times; one reservation sized from the record count (untouched pages of it cost no RSS), and
 * reuse of what passes give back, pays it about once.
 */
export class ScratchPool {
  private slab: ArrayBufferLike;
  private offset = 0;
  /** Free regions by size class: buffer and byte offset. */
  private readonly free = new Map<number, { buffer: ArrayBufferLike; at: number }[]>();
  /** Bytes handed out from slabs so far (for tuning the reserve). */
  carved = 0;

  /** `reserve`: bytes of the first slab (the run's expected need). */
  constructor(reserve = 0) {
    this.slab = reserveSlab(Math.max(0, reserve));
  }

  /** Whether the last {@link region} was never used before (still zero: no fill needed). */
  private fresh = false;
  private identityCache = new Int32Array(0);
  private onesCache = new Int32Array(0);

  private region(bytes: number): { buffer: ArrayBufferLike; at: number } {
    const cls = sizeClass(bytes);
    const list = this.free.get(cls);
    this.fresh = false;
    if (list && list.length > 0) return list.pop()!;
    this.fresh = true;
    if (this.offset + cls > this.slab.byteLength) {
      // Grow geometrically, so running out costs a handful of new slabs, not one per array.
      this.slab = new ArrayBuffer(Math.max(cls, MIN_SLAB, this.slab.byteLength));
      this.offset = 0;
    }
    const at = this.offset;
    this.offset += cls;
    this.carved += cls;
    return { buffer: this.slab, at };
  }

  /** An array of `n` elements filled with `fill` (0 by default). */
  take<K extends Kind>(kind: K, n: number, fill = 0): ArrayOf<K> {
    const bytes = n * BYTES[kind];
    let view: AnyArray;
    if (bytes < SMALL) {
      view = make(kind, new ArrayBuffer(Math.max(8, bytes)), 0, n);
    } else {
      const r = this.region(bytes);
      view = make(kind, r.buffer, r.at, n);
      // A new ArrayBuffer is zeroed already: filling it again would touch every page twice.
      if (fill === 0 && !this.fresh) view.fill(0);
    }
    if (fill !== 0) view.fill(fill);
    return view as ArrayOf<K>;
  }

  /**
   * `[0, 1, …, n − 1]`, shared (a view of one array kept by the pool): the unit starts of
   * single-record units. Read-only; never give it back.
   */
  identity(n: number): Int32Array {
    if (this.identityCache.length < n) {
      this.identityCache = new Int32Array(n);
      for (let i = 0; i < n; i++) this.identityCache[i] = i;
    }
    return this.identityCache.subarray(0, n);
  }

  /** `n` ones, shared like {@link identity}: the sizes of single-record units. Read-only. */
  ones(n: number): Int32Array {
    if (this.onesCache.length < n) this.onesCache = new Int32Array(n).fill(1);
    return this.onesCache.subarray(0, n);
  }

  /**
   * Give arrays back for reuse. Only arrays from {@link take} (never a `subarray` of one), and
   * their contents must not be used afterwards.
   */
  give(...arrays: AnyArray[]): void {
    for (const a of arrays) {
      if (a.byteLength < SMALL) continue;
      const cls = sizeClass(a.byteLength);
      let list = this.free.get(cls);
      if (!list) {
        list = [];
        this.free.set(cls, list);
      }
      list.push({ buffer: a.buffer, at: a.byteOffset });
    }
  }
}

function make(kind: Kind, buffer: ArrayBufferLike, at: number, n: number): AnyArray {
  switch (kind) {
    case 'i32':
      return new Int32Array(buffer, at, n);
    case 'u32':
      return new Uint32Array(buffer, at, n);
    case 'u8':
      return new Uint8Array(buffer, at, n);
    case 'i8':
      return new Int8Array(buffer, at, n);
    case 'f64':
      return new Float64Array(buffer, at, n);
  }
}
