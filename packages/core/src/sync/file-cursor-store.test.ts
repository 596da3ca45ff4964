import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileCursorStore } from './file-cursor-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-cursor-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createFileCursorStore', () => {
  it('keeps cursors across instances (restarts) in a readable JSON file', async () => {
    const path = join(dir, 'cursors.json');
    const store = createFileCursorStore(path);
    expect(await store.load('hdfc')).toBeUndefined();
    await store.save('hdfc', { value_date: '2024-03-31', after: 'TXN9' });
    await store.save('razorpay', { to: 1711843200 });

    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, cursors: { hdfc: { value_date: '2024-03-31', after: 'TXN9' }, razorpay: { to: 1711843200 } } });
    const restarted = createFileCursorStore(path);
    expect(await restarted.load('hdfc')).toEqual({ value_date: '2024-03-31', after: 'TXN9' });
    expect(await restarted.load('razorpay')).toEqual({ to: 1711843200 });
  });

  it('serialises concurrent saves so none is lost, and leaves no temp file', async () => {
    const path = join(dir, 'cursors.json');
    const store = createFileCursorStore(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(`s${i}`, i)));
    const restarted = createFileCursorStore(path);
    for (let i = 0; i < 20; i++) expect(await restarted.load(`s${i}`)).toBe(i);
    expect(await readdir(dir)).toEqual(['cursors.json']);
  });

  it('keeps the previous file and memory when a save cannot be written', async () => {
    const path = join(dir, 'missing-dir', 'cursors.json');
    const store = createFileCursorStore(path);
    await expect(store.save('a', 1)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.load('a')).toBeUndefined();
  });

  it('refuses a damaged file instead of starting from scratch', async () => {
    const path = join(dir, 'cursors.json');
    await writeFile(path, '{"version":1,"cursors":{"a":');
    await expect(createFileCursorStore(path).load('a')).rejects.toMatchObject({ code: 'CURSOR_STORE_CORRUPT' });
    await writeFile(path, '{"version":2,"cursors":{}}');
    await expect(createFileCursorStore(path).load('a')).rejects.toMatchObject({ code: 'CURSOR_STORE_CORRUPT' });
  });
});
