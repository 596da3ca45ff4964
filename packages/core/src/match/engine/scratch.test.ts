import { describe, expect, it } from 'vitest';
import { ScratchPool } from './scratch';

describe('ScratchPool', () => {
  it('hands out zero-filled arrays, also when it reuses a region given back', () => {
    const pool = new ScratchPool(1 << 20);
    const a = pool.take('i32', 5000);
    expect(a.every((x) => x === 0)).toBe(true);
    a.fill(7);
    pool.give(a);
    const b = pool.take('i32', 4500); // fits the region of `a`: reused
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset);
    expect(b.every((x) => x === 0)).toBe(true);
  });

  it('serves a request from the smallest region given back that holds it, splitting it', () => {
    const pool = new ScratchPool(1 << 22);
    const big = pool.take('u8', 64 * 1024);
    pool.take('u8', 4096); // keeps the two apart
    const small = pool.take('u8', 16 * 1024);
    pool.give(big, small);
    const a = pool.take('u8', 8 * 1024); // fits both: the smaller one is used
    expect(a.byteOffset).toBe(small.byteOffset);
    const b = pool.take('i32', 10 * 1024); // 40 KiB: only the large one holds it, from its start
    expect(b.byteOffset).toBe(big.byteOffset);
    const c = pool.take('u8', 24 * 1024); // what is left of it
    expect(c.byteOffset).toBe(big.byteOffset + 40 * 1024);
    expect(pool.carved).toBe((64 + 4 + 16) * 1024);
  });

  it('merges neighbouring regions given back, so a larger request reuses them', () => {
    const pool = new ScratchPool(1 << 22);
    const parts = Array.from({ length: 3 }, () => pool.take('f64', 1024)); // 8 KiB each, adjacent
    pool.take('u8', 4096);
    pool.give(parts[0]!, parts[2]!, parts[1]!);
    const whole = pool.take('f64', 3 * 1024);
    expect(whole.byteOffset).toBe(parts[0]!.byteOffset);
    expect(whole.every((x) => x === 0)).toBe(true);
  });

  it('hands out reused memory unzeroed only through takeRaw', () => {
    const pool = new ScratchPool(1 << 20);
    const a = pool.take('i32', 5000, 9);
    pool.give(a);
    const raw = pool.takeRaw('i32', 5000);
    expect(raw.byteOffset).toBe(a.byteOffset);
    expect(raw[4999]).toBe(9); // the old contents: the caller writes before it reads
    pool.give(raw);
    expect(pool.take('i32', 5000).every((x) => x === 0)).toBe(true);
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
    // Whichever the first one got (an earlier test may have left a shared slab not yet
    // collected), the second, made while the first is alive, is never shared.
    expect(b.buffer).toBeInstanceOf(ArrayBuffer);
    expect(b.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    a[0] = 1;
    b[0] = 2;
    expect(a[0]).toBe(1);
  });
});
