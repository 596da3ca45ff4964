type Kind = 'i32' | 'u32' | 'i16' | 'u8' | 'i8' | 'f64';
type ArrayOf<K extends Kind> = K extends 'i32'
  ? Int32Array
  : K extends 'u32'
    ? Uint32Array
    : K extends 'i16'
      ? Int16Array
      : K extends 'u8'
        ? Uint8Array
        : K extends 'i8'
          ? Int8Array
          : Float64Array;
type AnyArray = Int32Array | Uint32Array | Int16Array | Uint8Array | Int8Array | Float64Array;

const BYTES: Readonly<Record<Kind, number>> = { i32: 4, u32: 4, i16: 2, u8: 1, i8: 1, f64: 8 };
/** Below this many bytes an array is allocated on its own (cheap, and not worth tracking). */
const SMALL = 4096;
/** Smallest slab added when the reserve runs out. */
const MIN_SLAB = 16 * 1024 * 1024;

/** Below this many bytes a reservation is an ordinary ArrayBuffer (see {@link reserveSlab}). */
const SHARED_MIN = 32 * 1024 * 1024;
/**
 * Shared slabs made and not yet collected. A FinalizationRegistry, not a WeakRef: creating a WeakRef
 * or calling its `deref` keeps the target alive until the current synchronous job ends
 * (ECMAScript's kept-objects list), so checking on the last slab from the next run pinned it — a
 * dropped result's few hundred megabytes stayed resident through the whole next run, whose own
 * full GC could not free them.
 */
let sharedOutstanding = 0;
const sharedCollected = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<number>(() => sharedOutstanding--) : undefined;

/**
 * The first slab of a run. A large one is a SharedArrayBuffer when no earlier one may still be
 * alive; otherwise an ordinary ArrayBuffer.
 *
 * Why: V8 counts ArrayBuffer memory toward its full-GC trigger, so reserving a million-record run's
 * few hundred megabytes starts a full mark of everything on the heap, the caller's input records
 * included (0.8–1 s at a million orders), although nothing needs collecting. SharedArrayBuffer
 * memory is not counted, so that collection is skipped. Its cost is that a dropped result's
 * slab waits for the next full GC instead of causing one: so only one shared slab is ever
 * outstanding. Until the last one has been collected and its finalizer has run (a later task:
 * never within the synchronous job that made it), the next run reserves an ordinary ArrayBuffer,
 * whose full GC also frees the earlier slab. Back-to-back runs therefore use memory as they would
 * without this; a run after the previous result was collected skips the GC.
 */
function reserveSlab(bytes: number): ArrayBufferLike {
  if (bytes >= SHARED_MIN && typeof SharedArrayBuffer === 'function' && sharedCollected && sharedOutstanding === 0) {
    const slab = new SharedArrayBuffer(bytes);
    sharedOutstanding++;
    sharedCollected.register(slab, 0);
    return slab;
  }
  return new ArrayBuffer(bytes);
}

/** Regions are whole pages: page-aligned, so a region's pages are its own (RSS counts pages). */
const PAGE = 4096;

function pages(bytes: number): number {
  return Math.ceil(bytes / PAGE) * PAGE;
}

/** A free stretch of a slab: `[at, at + bytes)`; `clean` when it was never handed out (still zero). */
interface Free {
  slab: number;
  at: number;
  bytes: number;
  clean: boolean;
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
 *
 * Reuse is best fit over every region given back, split to the size asked and merged with its
 * neighbours when given back: a slab's pages, once touched, count in RSS for the rest of the run
 * (nothing can return them to the system while the slab lives), so a request is served from
 * touched memory whenever any fits rather than from fresh pages. (Power-of-two size classes
 * reused only within a class touched ~25 MB more at a million orders.)
 */
export class ScratchPool {
  private readonly slabs: ArrayBufferLike[];
  /** Bump offset in the last slab: everything past it was never handed out. */
  private offset = 0;
  /** Regions given back (and slab tails left behind), by slab then address, adjacent ones merged. */
  private readonly free: Free[] = [];
  /** Bytes handed out from slabs so far (for tuning the reserve). */
  carved = 0;

  /** `reserve`: bytes of the first slab (the run's expected need). */
  constructor(reserve = 0) {
    this.slabs = [reserveSlab(Math.max(0, reserve))];
  }

  /** Whether the last {@link region} was never used before (still zero: no fill needed). */
  private fresh = false;
  private identityCache = new Int32Array(0);
  private onesCache = new Int32Array(0);

  private region(size: number): { buffer: ArrayBufferLike; at: number } {
    const bytes = pages(size);
    // Best fit: the smallest free region that holds the request (first of equals: lowest address).
    let best = -1;
    for (let k = 0; k < this.free.length; k++) {
      const f = this.free[k]!;
      if (f.bytes >= bytes && (best < 0 || f.bytes < this.free[best]!.bytes)) best = k;
    }
    if (best >= 0) {
      const f = this.free[best]!;
      const at = f.at;
      this.fresh = f.clean;
      if (f.bytes === bytes) this.free.splice(best, 1);
      else {
        f.at += bytes;
        f.bytes -= bytes;
      }
      return { buffer: this.slabs[f.slab]!, at };
    }
    this.fresh = true;
    let slab = this.slabs[this.slabs.length - 1]!;
    if (this.offset + bytes > slab.byteLength) {
      // The tail left behind stays usable; grow geometrically, so running out costs a handful of
      // new slabs, not one per array.
      if (slab.byteLength > this.offset) this.insert({ slab: this.slabs.length - 1, at: this.offset, bytes: slab.byteLength - this.offset, clean: true });
      slab = new ArrayBuffer(Math.max(bytes, MIN_SLAB, slab.byteLength));
      this.slabs.push(slab);
      this.offset = 0;
    }
    const at = this.offset;
    this.offset += bytes;
    this.carved += bytes;
    return { buffer: slab, at };
  }

  /** Add a free region, merged with free neighbours in the same slab. */
  private insert(r: Free): void {
    const list = this.free;
    let k = 0;
    while (k < list.length && (list[k]!.slab < r.slab || (list[k]!.slab === r.slab && list[k]!.at < r.at))) k++;
    const prev = k > 0 ? list[k - 1] : undefined;
    const next = list[k];
    if (prev && prev.slab === r.slab && prev.at + prev.bytes === r.at) {
      prev.bytes += r.bytes;
      prev.clean &&= r.clean;
      if (next && next.slab === r.slab && prev.at + prev.bytes === next.at) {
        prev.bytes += next.bytes;
        prev.clean &&= next.clean;
        list.splice(k, 1);
      }
      return;
    }
    if (next && next.slab === r.slab && r.at + r.bytes === next.at) {
      next.at = r.at;
      next.bytes += r.bytes;
      next.clean &&= r.clean;
      return;
    }
    list.splice(k, 0, r);
  }

  /** An array of `n` elements filled with `fill` (0 by default). */
  take<K extends Kind>(kind: K, n: number, fill = 0): ArrayOf<K> {
    const view = this.carve(kind, n);
    // A new ArrayBuffer is zeroed already: filling it again would touch every page twice.
    if (fill !== 0 || (!this.fresh && view.byteLength >= SMALL)) view.fill(fill);
    return view as ArrayOf<K>;
  }

  /**
   * An array of `n` elements whose contents are unspecified (what a region given back held): for
   * arrays written before they are read (growable columns, sort buffers). Skipping the zero fill
   * leaves pages of a reused region that are never written untouched, so out of RSS.
   */
  takeRaw<K extends Kind>(kind: K, n: number): ArrayOf<K> {
    return this.carve(kind, n) as ArrayOf<K>;
  }

  private carve(kind: Kind, n: number): AnyArray {
    const bytes = n * BYTES[kind];
    if (bytes < SMALL) {
      this.fresh = true;
      return make(kind, new ArrayBuffer(Math.max(8, bytes)), 0, n);
    }
    const r = this.region(bytes);
    return make(kind, r.buffer, r.at, n);
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
      const slab = this.slabs.indexOf(a.buffer);
      if (slab < 0) continue; // not from this pool: nothing to reuse
      this.insert({ slab, at: a.byteOffset, bytes: pages(a.byteLength), clean: false });
    }
  }
}

function make(kind: Kind, buffer: ArrayBufferLike, at: number, n: number): AnyArray {
  switch (kind) {
    case 'i32':
      return new Int32Array(buffer, at, n);
    case 'u32':
      return new Uint32Array(buffer, at, n);
    case 'i16':
      return new Int16Array(buffer, at, n);
    case 'u8':
      return new Uint8Array(buffer, at, n);
    case 'i8':
      return new Int8Array(buffer, at, n);
    case 'f64':
      return new Float64Array(buffer, at, n);
  }
}
