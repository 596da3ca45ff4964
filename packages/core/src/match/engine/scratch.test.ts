import { describe, expect, it } from 'vitest';
import { ScratchPool } from './scratch';

describe('ScratchPool', () => {
  it('hands out zero-filled arrays, also when it reuses a region given back', () => {
    const pool = new ScratchPool(1 << 20);
    const a = pool.take('i32', 5000);
    expect(a.every((x) => x === 0)).toBe(true);
    a.fill(7);
    pool.give(a);
    const b = pool.take('i32', 4500); // same size class (32 KiB): the region of `a` again
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset);
    expect(b.every((x) => x === 0)).toBe(true);
  });

  it('fills with the requested value and keeps live arrays apart', () => {
    const pool = new ScratchPool(1 << 16);
    const a = pool.take('f64', 3000, -1);
    const b = pool.take('u8', 9000, 3);
    const c = pool.take('i8', 10);
    expect(a.every((x) => x === -1)).toBe(true);
    expect(b.every((x) => x === 3)).toBe(true);
    expect(c.every((x) => x === 0)).toBe(true);
    a.fill(1.5);
    expect(b.every((x) => x === 3)).toBe(true); // no overlap
  });

  it('grows past its reservation with new slabs', () => {
    const pool = new ScratchPool(0);
    const arrays = Array.from({ length: 4 }, (_, k) => pool.take('i32', 1_000_000, k));
    arrays.forEach((a, k) => expect(a[999_999]).toBe(k));
    expect(pool.carved).toBeGreaterThanOrEqual(4 * 4_000_000);
  });

  it('shares identity and ones arrays of any length', () => {
    const pool = new ScratchPool();
    expect(Array.from(pool.identity(4))).toEqual([0, 1, 2, 3]);
    expect(Array.from(pool.identity(6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(pool.ones(3))).toEqual([1, 1, 1]);
  });

  it('reserves one large run as shared memory at a time, small ones and the next large one as ordinary ArrayBuffers', () => {
    const small = new ScratchPool(1 << 20);
    expect(small.take('i32', 5000).buffer).toBeInstanceOf(ArrayBuffer);
    const first = new ScratchPool(40 * 1024 * 1024);
    const second = new ScratchPool(40 * 1024 * 1024);
    const a = first.take('f64', 100000);
    const b = second.take('f64', 100000);
    // Whichever the first one got (an earlier test file may have left a shared slab reachable),
    // the second, made while the first is alive, is never shared.
    expect(b.buffer).toBeInstanceOf(ArrayBuffer);
    expect(b.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    a[0] = 1;
    b[0] = 2;
    expect(a[0]).toBe(1);
  });
});
