import { describe, expect, it } from 'vitest';
import { createMemoryDedupStore } from './dedup-store';

describe('createMemoryDedupStore', () => {
  it('claims an id once, until released', () => {
    const store = createMemoryDedupStore();
    expect(store.claim('evt_1')).toBe(true);
    expect(store.claim('evt_1')).toBe(false);
    store.release('evt_1');
    expect(store.claim('evt_1')).toBe(true);
  });

  it('forgets ids after the TTL and beyond the size bound, oldest first', () => {
    let now = 0;
    const store = createMemoryDedupStore({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    expect(store.claim('a')).toBe(true);
    expect(store.claim('b')).toBe(true);
    expect(store.claim('c')).toBe(true);
    expect(store.size).toBe(2);
    expect(store.claim('a')).toBe(true);
    now = 5_000;
    expect(store.claim('c')).toBe(true);
    expect(store.size).toBe(1);
  });
});
