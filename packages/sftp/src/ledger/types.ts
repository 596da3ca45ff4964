import type { FileOutcome } from '../events';

/** What happens (or happened) to a file on the server after its checkpoint. */
export interface Disposition {
  action: 'leave' | 'archive' | 'delete' | 'quarantine';
  /** True once the action is carried out (always true for `leave`). */
  done: boolean;
  /** Remote path where the file is now; absent once deleted. */
  location?: string;
  /** Why the last attempt at the action failed (it is tried again on the next read). */
  error?: string;
}

/**
 * One processed file. The fields up to `outcome` identify it and never change; `chain` seals
 * them: the sha256 over the previous entry's `chain` and this entry's identity, so the last
 * entry's `chain` is a digest of everything processed so far (what a cursor carries).
 */
export interface LedgerEntry {
  /** 1-based position in the ledger. */
  seq: number;
  /** File name within `remoteDir`. */
  name: string;
  size: number;
  /** Modification time as the server reported it, ms since the epoch (SFTP has whole seconds). */
  mtimeMs: number;
  /** Hex sha256 of the content, computed while downloading. */
  sha256: string;
  outcome: FileOutcome;
  /** Transactions and invalid records the file yielded. */
  records: number;
  invalid: number;
  /** Why a `failed` file failed (or which file a `duplicate` repeats). */
  reason?: string;
  /** ISO 8601 time the entry was made. */
  at: string;
  disposition: Disposition;
  chain: string;
}

/** The whole ledger as stored. */
export interface LedgerDocument {
  version: 1;
  entries: LedgerEntry[];
}

/**
 * Where the ledger lives. Small on purpose: load everything, save everything. `save` must be
 * atomic (a crash leaves the old document or the new, never a mix) and resolve only once durable.
 * The file-backed default is {@link createFileLedgerStore}; a database table works the same way.
 */
export interface LedgerStore {
  /** The stored document, or `undefined` when there is none yet. */
  load(): Promise<LedgerDocument | undefined>;
  save(document: LedgerDocument): Promise<void>;
  /**
   * Optional exclusive hold for the length of one read, so two pollers never share a ledger.
   * Resolves with the release function; rejects when another holder has it.
   */
  lock?(): Promise<() => Promise<void>>;
}
