import { createHash } from 'node:crypto';
import type { RemoteFile } from '../events';
import type { Disposition, LedgerDocument, LedgerEntry, LedgerStore } from './types';

/** `chain` of the empty ledger: what a cursor at position 0 carries. */
export const GENESIS_CHAIN = '0'.repeat(64);

/** The fields of an entry that identify a file and never change. */
export type EntryIdentity = Pick<LedgerEntry, 'seq' | 'name' | 'size' | 'mtimeMs' | 'sha256' | 'outcome'>;

/** sha256 over the previous chain and this entry's identity (a hash chain, like a git history). */
export function chainOf(previous: string, entry: EntryIdentity): string {
  const identity = JSON.stringify([entry.seq, entry.name, entry.size, entry.mtimeMs, entry.sha256, entry.outcome]);
  return createHash('sha256').update(previous).update('\n').update(identity).digest('hex');
}

/** An entry before it gets its position: everything but `seq` and `chain`. */
export type EntryDraft = Omit<LedgerEntry, 'seq' | 'chain'>;

/**
 * The processed-file ledger of one read: the stored document in memory, indexed, saved through
 * the store after every change. Changes are serialised, and memory changes only once the store
 * has saved, so a failed save leaves memory agreeing with what is durable.
 */
export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  readonly length: number;
  /** The chain at position `seq` (0 → {@link GENESIS_CHAIN}). */
  chainAt(seq: number): string;
  /** The last entry, if any. */
  head(): LedgerEntry | undefined;
  /**
   * The entry for a file that is still where the ledger last saw it, with the same name, size
   * and mtime: a file already handled that the server keeps (`leave`, or a step not done yet).
   */
  findInPlace(file: RemoteFile): LedgerEntry | undefined;
  /** An earlier file with the same content that was processed (not failed). */
  findProcessedContent(sha256: string): LedgerEntry | undefined;
  /** The entry the next {@link Ledger.append} would store, with its position and chain. */
  seal(draft: EntryDraft): LedgerEntry;
  /** Store a sealed entry at the end. It must be the next position, sealed on the current head. */
  append(entry: LedgerEntry): Promise<void>;
  /** Record how a file's after-processing step went. */
  setDisposition(seq: number, disposition: Disposition): Promise<void>;
  /** Entries whose after-processing step is not done yet. */
  pending(): LedgerEntry[];
}

/** Load the ledger from its store (an empty one when nothing is stored yet). */
export async function openLedger(store: LedgerStore): Promise<Ledger> {
  const loaded = await store.load();
  const entries: LedgerEntry[] = loaded ? loaded.entries.map((e) => structuredClone(e)) : [];
  let queue: Promise<unknown> = Promise.resolve();

  const save = (next: LedgerEntry[]) => {
    const document: LedgerDocument = { version: 1, entries: next };
    const run = queue.then(() => store.save(document));
    queue = run.catch(() => undefined);
    return run;
  };
  const chainAt = (seq: number) => (seq === 0 ? GENESIS_CHAIN : (entries[seq - 1]?.chain ?? GENESIS_CHAIN));

  return {
    get entries() {
      return entries;
    },
    get length() {
      return entries.length;
    },
    chainAt,
    head: () => entries.at(-1),
    findInPlace(file) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i] as LedgerEntry;
        if (e.name === file.name && e.size === file.size && e.mtimeMs === file.mtimeMs && e.disposition.location === file.path) return e;
      }
      return undefined;
    },
    findProcessedContent(sha256) {
      return entries.find((e) => e.sha256 === sha256 && e.outcome === 'processed');
    },
    seal(draft) {
      const seq = entries.length + 1;
      const identity = { ...draft, seq };
      return { ...identity, chain: chainOf(chainAt(seq - 1), identity) };
    },
    async append(entry) {
      if (entry.seq !== entries.length + 1 || entry.chain !== chainOf(chainAt(entry.seq - 1), entry)) {
        throw new Error(`ledger entry #${entry.seq} does not follow entry #${entries.length}`);
      }
      const copy = structuredClone(entry);
      await save([...entries, copy]);
      entries.push(copy);
    },
    async setDisposition(seq, disposition) {
      const index = seq - 1;
      const current = entries[index];
      if (!current) throw new Error(`no ledger entry #${seq}`);
      const updated = { ...current, disposition: { ...disposition } };
      const next = [...entries];
      next[index] = updated;
      await save(next);
      entries[index] = updated;
    },
    pending: () => entries.filter((e) => !e.disposition.done),
  };
}
