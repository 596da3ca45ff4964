import { describe, expect, it } from 'vitest';
import { chainOf, GENESIS_CHAIN, openLedger, type EntryDraft } from './ledger';
import { createMemoryLedgerStore } from './memory-ledger-store';
import type { LedgerDocument, LedgerStore } from './types';

const draft = (name: string, overrides: Partial<EntryDraft> = {}): EntryDraft => ({
  name,
  size: 100,
  mtimeMs: 1_717_200_000_000,
  sha256: name.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a').slice(0, 64),
  outcome: 'processed',
  records: 3,
  invalid: 0,
  at: '2024-06-01T00:00:00.000Z',
  disposition: { action: 'leave', done: true, location: `/outbox/${name}` },
  ...overrides,
});

describe('openLedger', () => {
  it('seals entries into a hash chain and saves after every change', async () => {
    const store = createMemoryLedgerStore();
    const ledger = await openLedger(store);
    expect(ledger.chainAt(0)).toBe(GENESIS_CHAIN);
    const a = ledger.seal(draft('a.sta'));
    expect(a.seq).toBe(1);
    expect(a.chain).toBe(chainOf(GENESIS_CHAIN, a));
    await ledger.append(a);
    const b = ledger.seal(draft('b.sta'));
    await ledger.append(b);
    expect(b.chain).toBe(chainOf(a.chain, b));
    expect(store.snapshot()?.entries.map((e) => e.seq)).toEqual([1, 2]);

    // Reopened from the store, it is the same ledger.
    const again = await openLedger(store);
    expect(again.head()?.chain).toBe(b.chain);
    expect(again.chainAt(1)).toBe(a.chain);
  });

  it('refuses an entry that does not follow the head (sealed earlier, or tampered with)', async () => {
    const ledger = await openLedger(createMemoryLedgerStore());
    const a = ledger.seal(draft('a.sta'));
    const stale = ledger.seal(draft('b.sta'));
    await ledger.append(a);
    await expect(ledger.append(stale)).rejects.toThrow(/does not follow/);
    const tampered = { ...ledger.seal(draft('c.sta')), size: 999 };
    await expect(ledger.append(tampered)).rejects.toThrow(/does not follow/);
  });

  it('finds a file still in place by name, size, mtime and location; content by sha256 among processed files', async () => {
    const ledger = await openLedger(createMemoryLedgerStore());
    await ledger.append(ledger.seal(draft('a.sta')));
    await ledger.append(ledger.seal(draft('bad.sta', { outcome: 'failed', sha256: 'f'.repeat(64) })));
    const file = { name: 'a.sta', path: '/outbox/a.sta', size: 100, mtimeMs: 1_717_200_000_000 };
    expect(ledger.findInPlace(file)?.seq).toBe(1);
    expect(ledger.findInPlace({ ...file, size: 101 })).toBeUndefined();
    expect(ledger.findInPlace({ ...file, mtimeMs: file.mtimeMs + 1000 })).toBeUndefined();
    expect(ledger.findInPlace({ ...file, path: '/elsewhere/a.sta' })).toBeUndefined();
    expect(ledger.findProcessedContent(draft('a.sta').sha256)?.seq).toBe(1);
    expect(ledger.findProcessedContent('f'.repeat(64))).toBeUndefined();
  });

  it('tracks after-processing steps; memory changes only once the store saved', async () => {
    const saved: LedgerDocument[] = [];
    let failNext = false;
    const store: LedgerStore = {
      load: async () => undefined,
      save: async (document) => {
        if (failNext) throw new Error('disk full');
        saved.push(structuredClone(document));
      },
    };
    const ledger = await openLedger(store);
    await ledger.append(ledger.seal(draft('a.sta', { disposition: { action: 'archive', done: false, location: '/outbox/a.sta' } })));
    expect(ledger.pending().map((e) => e.name)).toEqual(['a.sta']);
    failNext = true;
    await expect(ledger.setDisposition(1, { action: 'archive', done: true, location: '/done/a.sta' })).rejects.toThrow('disk full');
    expect(ledger.pending()).toHaveLength(1);
    failNext = false;
    await ledger.setDisposition(1, { action: 'archive', done: true, location: '/done/a.sta' });
    expect(ledger.pending()).toEqual([]);
    expect(saved.at(-1)?.entries[0]?.disposition).toEqual({ action: 'archive', done: true, location: '/done/a.sta' });
  });
});
