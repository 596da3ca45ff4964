import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileDedupStore } from './file-dedup-store';

const dir = mkdtempSync(join(tmpdir(), 'recon-dedup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createFileDedupStore', () => {
  it('claims once, forgets a released claim, and remembers only committed ids after a restart', () => {
    const path = join(dir, 'ids');
    const store = createFileDedupStore(path);
    expect(store.claim('evt_A')).toBe(true);
    expect(store.claim('evt_A')).toBe(false);
    store.commit('evt_A');
    expect(store.claim('evt_B')).toBe(true);
    store.release('evt_B'); // the write failed: Razorpay's retry must get through
    expect(store.claim('evt_B')).toBe(true);
    expect(store.claim('evt_C')).toBe(true); // claimed, never committed (a crash before the write)

    const restarted = createFileDedupStore(path);
    expect(restarted.size).toBe(1);
    expect(restarted.claim('evt_A')).toBe(false);
    expect(restarted.claim('evt_C')).toBe(true);
  });

  it('never writes an id that could break the one-id-per-line file', () => {
    const path = join(dir, 'ids-2');
    const store = createFileDedupStore(path);
    store.commit('evt_ok');
    store.commit('evt_x\nevt_forged');
    expect(readFileSync(path, 'utf8')).toBe('evt_ok\n');
  });
});
