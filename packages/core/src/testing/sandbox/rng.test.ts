import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  const sample = (seed: number | string) => {
    const rng = createRng(seed);
    return Array.from({ length: 20 }, () => rng.next());
  };

  it('is deterministic per seed and differs between seeds', () => {
    expect(sample(42)).toEqual(sample(42));
    expect(sample('ledger')).toEqual(sample('ledger'));
    expect(sample(42)).not.toEqual(sample(43));
    expect(sample('a')).not.toEqual(sample('b'));
  });

  it('next() stays in [0, 1) and int() stays within inclusive bounds, reaching both ends', () => {
    const rng = createRng(7);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      ints.add(rng.int(-2, 2));
    }
    expect([...ints].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => rng.int(3, 1)).toThrow(RangeError);
  });

  it('string helpers produce the requested alphabet and length', () => {
    const rng = createRng(1);
    expect(rng.digits(12)).toMatch(/^\d{12}$/);
    expect(rng.hex(16)).toMatch(/^[0-9a-f]{16}$/);
    expect(rng.string(5, 'AB')).toMatch(/^[AB]{5}$/);
  });

  it('pick and shuffle use every element and leave the input alone', () => {
    const rng = createRng(3);
    const items = ['UPI', 'NEFT', 'IMPS', 'RTGS'];
    expect(rng.shuffle(items).sort()).toEqual([...items].sort());
    expect(items).toEqual(['UPI', 'NEFT', 'IMPS', 'RTGS']);
    const picked = new Set(Array.from({ length: 200 }, () => rng.pick(items)));
    expect(picked.size).toBe(4);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
