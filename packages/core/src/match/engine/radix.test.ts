import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByKey } from './radix';
import { ScratchPool } from './scratch';

describe('orderByKey', () => {
  it('orders positions by unsigned key, equal keys in position order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 3000 }), (values) => {
        const keys = Uint32Array.from(values);
        const { order, sorted } = orderByKey(keys, keys.length, new ScratchPool(1 << 16));
        const want = values.map((_, k) => k).sort((a, b) => values[a]! - values[b]! || a - b);
        expect(Array.from(order)).toEqual(want);
        expect(Array.from(sorted)).toEqual(want.map((k) => values[k]));
      }),
      { numRuns: 200 },
    );
  });

  it('sorts on all 32 bits', () => {
    const keys = Uint32Array.from([0xffffffff, 0x80000000, 0x00200000, 0x00000400, 1, 0]);
    const { order, sorted } = orderByKey(keys, keys.length, new ScratchPool(0));
    expect(Array.from(order)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(Array.from(sorted)).toEqual([0, 1, 0x400, 0x200000, 0x80000000, 0xffffffff]);
  });
});
