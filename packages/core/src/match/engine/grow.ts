import type { ScratchPool } from './scratch';

/**
 * Append-only typed arrays that double when full: a pass with a million candidate pairs builds
 * its columns without a million-element JS array per column (and the garbage of its growth).
 * With a pool, buffers come from the run's slabs (unzeroed: only the pushed part is ever read, so
 * a generous capacity touches no memory beyond it) and outgrown ones go back to it.
 */
export class GrowInt32 {
  private buf: Int32Array;
  length = 0;

  constructor(
    capacity = 64,
    private readonly pool?: ScratchPool,
  ) {
    const n = Math.max(4, capacity);
    this.buf = pool ? pool.takeRaw('i32', n) : new Int32Array(n);
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const n = this.buf.length * 2;
      const next = this.pool ? this.pool.takeRaw('i32', n) : new Int32Array(n);
      next.set(this.buf);
      this.pool?.give(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  /** Value number `i` (no view object per read). */
  at(i: number): number {
    return this.buf[i]!;
  }

  /** The values so far (a view: do not push afterwards). */
  view(): Int32Array {
    return this.buf.subarray(0, this.length);
  }

  /**
   * The values so far in storage of their own size, the larger storage given back (do not push
   * afterwards). For a column kept long after it is filled: a region sized for every record but
   * holding a few leftovers would otherwise stay taken, and whatever of it was touched before
   * stays in RSS, for the rest of the run.
   */
  fitted(): Int32Array {
    if (!this.pool || this.length * 2 > this.buf.length || this.buf.byteLength < 1 << 16) return this.view();
    const out = this.pool.takeRaw('i32', this.length);
    out.set(this.buf.subarray(0, this.length));
    this.pool.give(this.buf);
    return out;
  }

  /** Give the storage back to the pool (neither this nor its views may be used afterwards). */
  release(): void {
    this.pool?.give(this.buf);
  }
}

/** {@link GrowInt32} for bytes (codes, flags). */
export class GrowUint8 {
  private buf: Uint8Array;
  length = 0;

  constructor(
    capacity = 64,
    private readonly pool?: ScratchPool,
  ) {
    const n = Math.max(8, capacity);
    this.buf = pool ? pool.takeRaw('u8', n) : new Uint8Array(n);
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const n = this.buf.length * 2;
      const next = this.pool ? this.pool.takeRaw('u8', n) : new Uint8Array(n);
      next.set(this.buf);
      this.pool?.give(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  /** Value number `i`. */
  at(i: number): number {
    return this.buf[i]!;
  }

  /** The values so far (a view: do not push afterwards). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** Give the storage back to the pool (neither this nor its views may be used afterwards). */
  release(): void {
    this.pool?.give(this.buf);
  }
}

/** {@link GrowInt32} for doubles. */
export class GrowFloat64 {
  private buf: Float64Array;
  length = 0;

  constructor(
    capacity = 64,
    private readonly pool?: ScratchPool,
  ) {
    const n = Math.max(4, capacity);
    this.buf = pool ? pool.takeRaw('f64', n) : new Float64Array(n);
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const n = this.buf.length * 2;
      const next = this.pool ? this.pool.takeRaw('f64', n) : new Float64Array(n);
      next.set(this.buf);
      this.pool?.give(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/** A growable column of minor units: doubles on the fast path, bigints otherwise. */
export interface GrowColumn<T> {
  push(v: T): void;
  view(): ArrayLike<T>;
}

/** A {@link GrowColumn} for the run's representation (`kind` of its Arith). */
export function growColumn<T>(kind: 'number' | 'bigint', capacity: number, pool?: ScratchPool): GrowColumn<T> {
  if (kind === 'number') return new GrowFloat64(capacity, pool) as unknown as GrowColumn<T>;
  const list: T[] = [];
  return { push: (v) => list.push(v), view: () => list };
}
