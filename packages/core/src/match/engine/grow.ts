/**
 * Append-only typed arrays that double when full: a pass with a million candidate pairs builds
 * its columns without a million-element JS array per column (and the garbage of its growth).
 */
export class GrowInt32 {
  private buf: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.buf = new Int32Array(Math.max(4, capacity));
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  /** The values so far (a view: do not push afterwards). */
  view(): Int32Array {
    return this.buf.subarray(0, this.length);
  }
}

/** {@link GrowInt32} for doubles. */
export class GrowFloat64 {
  private buf: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.buf = new Float64Array(Math.max(4, capacity));
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
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
export function growColumn<T>(kind: 'number' | 'bigint', capacity: number): GrowColumn<T> {
  if (kind === 'number') return new GrowFloat64(capacity) as unknown as GrowColumn<T>;
  const list: T[] = [];
  return { push: (v) => list.push(v), view: () => list };
}
