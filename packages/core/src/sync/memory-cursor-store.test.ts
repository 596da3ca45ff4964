import { describe, expect, it } from 'vitest';
import { createMemoryCursorStore } from './memory-cursor-store';

describe('createMemoryCursorStore', () => {
  it('loads what was saved, per stream, starting from the initial cursors', async () => {
    const store = createMemoryCursorStore({ a: { page: 1 } });
    expect(await store.load('a')).toEqual({ page: 1 });
    expect(await store.load('b')).toBeUndefined();
    await store.save('b', 'tok-2');
    expect(await store.load('b')).toBe('tok-2');
    expect(store.snapshot()).toEqual({ a: { page: 1 }, b: 'tok-2' });
  });

  it('copies cursors in and out, so a caller mutating one cannot change what was saved', async () => {
    const store = createMemoryCursorStore();
    const cursor = { page: 1 };
    await store.save('a', cursor);
    cursor.page = 99;
    const loaded = (await store.load('a')) as { page: number };
    loaded.page = 42;
    expect(await store.load('a')).toEqual({ page: 1 });
  });
});
