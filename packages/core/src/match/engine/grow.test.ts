import { describe, expect, it } from 'vitest';
import { GrowFloat64, GrowInt32, GrowUint8 } from './grow';
import { ScratchPool } from './scratch';

describe('growable columns', () => {
  it('keep every pushed value across growth, with and without a pool', () => {
    for (const pool of [undefined, new ScratchPool(1 << 16)]) {
      const i32 = new GrowInt32(4, pool);
      const u8 = new GrowUint8(4, pool);
      const f64 = new GrowFloat64(4, pool);
      for (let k = 0; k < 5000; k++) {
        i32.push(k - 2500);
        u8.push(k & 255);
        f64.push(k * 1e9);
      }
      expect(Array.from(i32.view())).toEqual(Array.from({ length: 5000 }, (_, k) => k - 2500));
      expect(Array.from(u8.view())).toEqual(Array.from({ length: 5000 }, (_, k) => k & 255));
      expect(f64.view()[4999]).toBe(4999e9);
      expect([i32.at(7), u8.at(300)]).toEqual([-2493, 44]);
    }
  });

  it('fitted: a mostly empty column moves to storage of its size and its region is reused', () => {
    const pool = new ScratchPool(8 << 20);
    const sparse = new GrowInt32(1 << 20, pool); // 4 MB asked, 1,000 values kept
    for (let k = 0; k < 1000; k++) sparse.push(k * 3);
    const kept = sparse.fitted();
    expect(Array.from(kept)).toEqual(Array.from({ length: 1000 }, (_, k) => k * 3));
    expect(kept.byteLength).toBe(4000);
    // The 4 MB region went back: the next request of that size is served from it, not carved.
    const carved = pool.carved;
    pool.takeRaw('i32', 1 << 20);
    expect(pool.carved).toBe(carved);
    // A full column stays where it is (no copy).
    const full = new GrowInt32(1 << 16, pool);
    for (let k = 0; k < 1 << 16; k++) full.push(k);
    expect(full.fitted().buffer).toBe(full.view().buffer);
  });
});
