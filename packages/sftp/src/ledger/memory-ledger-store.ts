import type { LedgerDocument, LedgerStore } from './types';

/** A {@link LedgerStore} in memory, for tests, the demo and throwaway runs (nothing survives a restart). */
export interface MemoryLedgerStore extends LedgerStore {
  /** A copy of what is stored. */
  snapshot(): LedgerDocument | undefined;
  /** Forget everything, as if the ledger had never been written. */
  clear(): void;
}

/** Create an in-memory {@link LedgerStore}. Stores copies, so callers cannot change it behind its back. */
export function createMemoryLedgerStore(initial?: LedgerDocument): MemoryLedgerStore {
  let document = initial && structuredClone(initial);
  let locked = false;
  return {
    async load() {
      return document && structuredClone(document);
    },
    async save(next) {
      document = structuredClone(next);
    },
    async lock() {
      if (locked) throw new Error('the ledger is in use by another read');
      locked = true;
      return async () => {
        locked = false;
      };
    },
    snapshot: () => document && structuredClone(document),
    clear() {
      document = undefined;
    },
  };
}
