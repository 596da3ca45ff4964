/**
 * One ArrayBuffer carved into typed arrays. Why: V8 schedules a full mark-compact each time
 * external memory (typed-array storage) grows by about 64 MB since the last one, and with a
 * million records on the heap each of those costs a second or more. Taking the table's columns
 * from one allocation turns many such triggers into at most one.
 */
export class Arena {
  private readonly buffer: ArrayBuffer;
  private offset = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  private take(bytes: number, align: number): number {
    const at = Math.ceil(this.offset / align) * align;
    if (at + bytes > this.buffer.byteLength) throw new RangeError('arena exhausted');
    this.offset = at + bytes;
    return at;
  }

  int32(n: number): Int32Array {
    return new Int32Array(this.buffer, this.take(n * 4, 4), n);
  }

  uint32(n: number): Uint32Array {
    return new Uint32Array(this.buffer, this.take(n * 4, 4), n);
  }

  float64(n: number): Float64Array {
    return new Float64Array(this.buffer, this.take(n * 8, 8), n);
  }

  uint8(n: number): Uint8Array {
    return new Uint8Array(this.buffer, this.take(n, 1), n);
  }

  int8(n: number): Int8Array {
    return new Int8Array(this.buffer, this.take(n, 1), n);
  }
}
