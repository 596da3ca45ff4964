import { z } from 'zod';
import { ConfigError, formatIssues, issuesFromZod, ReconError } from '@recon/core';
import { chainOf, GENESIS_CHAIN, type Ledger } from '../ledger/ledger';
import type { LedgerEntry } from '../ledger/types';

/**
 * The file a checkpoint completes, as the cursor carries it: the ledger entry, flattened to
 * plain JSON. A ledger that missed the entry (crash after the sink acknowledged, before the
 * ledger was saved) is completed from it.
 */
export type CursorFile = {
  name: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  outcome: 'processed' | 'failed' | 'duplicate';
  records: number;
  invalid: number;
  reason: string | null;
  at: string;
  action: 'leave' | 'archive' | 'delete' | 'quarantine';
  location: string | null;
};

/**
 * The connector's cursor: a position in the processed-file ledger. `seq` files are covered,
 * `chain` is the ledger's hash chain at that position (a digest of every file processed so far,
 * so a cursor is never applied to another ledger), `file` is the last of them. Small and
 * constant in size, however many files have been processed.
 */
export type SftpCursor = {
  v: 1;
  seq: number;
  chain: string;
  file: CursorFile | null;
};

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);
const CursorFileSchema = z
  .object({
    name: z.string().min(1),
    size: count,
    mtimeMs: z.number().finite(),
    sha256: hex64,
    outcome: z.enum(['processed', 'failed', 'duplicate']),
    records: count,
    invalid: count,
    reason: z.string().nullable(),
    at: z.string(),
    action: z.enum(['leave', 'archive', 'delete', 'quarantine']),
    location: z.string().nullable(),
  })
  .strict();
const CursorSchema = z.object({ v: z.literal(1), seq: count, chain: hex64, file: CursorFileSchema.nullable() }).strict();

/** The cursor at a ledger entry (or at the empty ledger). */
export function cursorAt(entry: LedgerEntry | undefined): SftpCursor {
  if (!entry) return { v: 1, seq: 0, chain: GENESIS_CHAIN, file: null };
  const d = entry.disposition;
  return {
    v: 1,
    seq: entry.seq,
    chain: entry.chain,
    file: {
      name: entry.name,
      size: entry.size,
      mtimeMs: entry.mtimeMs,
      sha256: entry.sha256,
      outcome: entry.outcome,
      records: entry.records,
      invalid: entry.invalid,
      reason: entry.reason ?? null,
      at: entry.at,
      action: d.action,
      location: d.location ?? null,
    },
  };
}

/** A stored cursor comes back from outside (a file, a database): check it before trusting it. */
export function parseCursor(value: unknown): SftpCursor {
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(`[recon:sftp] the cursor is not an @recon/sftp cursor: ${formatIssues(issuesFromZod(parsed.error))}`, { code: 'SFTP_CURSOR_INVALID', connector: 'sftp' });
  }
  return parsed.data;
}

/** What a read must do first, given the ledger and the cursor the caller resumed from. */
export interface ResumePlan {
  /** An entry the sink has and the ledger lacks: append it before anything else. */
  rollForward?: LedgerEntry;
  /** Entries the ledger has and the sink does not: their records are yielded again, in order. */
  replay: LedgerEntry[];
}

/**
 * Reconcile the caller's cursor (what the sink durably holds) with the ledger (what this
 * connector remembers), so that together they give exactly once:
 * - no cursor: the ledger alone says what was processed (a first run with this sink, or a caller
 *   that keeps no cursor);
 * - cursor = ledger head: nothing to do;
 * - cursor one entry ahead: the process stopped after the sink acknowledged a file and before the
 *   ledger was saved; the entry is rolled forward from the cursor, the file is not read again;
 * - cursor behind the ledger: the sink lacks files the ledger has (restored sink, new stream);
 *   they are replayed from wherever the server now keeps them;
 * - anything else (a cursor of another ledger, a ledger that lost entries) is refused: guessing
 *   would either skip files or process them twice.
 */
export function planResume(ledger: Ledger, stored: unknown): ResumePlan {
  if (stored === undefined || stored === null) return { replay: [] };
  const cursor = parseCursor(stored);
  if (cursor.seq <= ledger.length) {
    if (ledger.chainAt(cursor.seq) !== cursor.chain) {
      throw new ConfigError(`[recon:sftp] the cursor (file #${cursor.seq}) does not belong to this ledger: its digest differs. Was the ledger replaced, or the cursor taken from another connector?`, {
        code: 'SFTP_CURSOR_MISMATCH',
        connector: 'sftp',
        details: { cursorSeq: cursor.seq, ledgerLength: ledger.length },
      });
    }
    return { replay: ledger.entries.slice(cursor.seq) };
  }
  const file = cursor.file;
  if (cursor.seq === ledger.length + 1 && file) {
    const d = { action: file.action, done: file.action === 'leave', ...(file.location !== null && { location: file.location }) };
    const identity = { seq: cursor.seq, name: file.name, size: file.size, mtimeMs: file.mtimeMs, sha256: file.sha256, outcome: file.outcome };
    if (chainOf(ledger.chainAt(ledger.length), identity) === cursor.chain) {
      const entry: LedgerEntry = { ...identity, records: file.records, invalid: file.invalid, ...(file.reason !== null && { reason: file.reason }), at: file.at, disposition: d, chain: cursor.chain };
      return { rollForward: entry, replay: [] };
    }
  }
  throw new ReconError(
    `[recon:sftp] the cursor is at file #${cursor.seq} but the ledger holds only ${ledger.length} files: the ledger lost entries (restored from an old backup, or replaced). ` +
      'Refusing to guess which files were processed; restore the ledger, or start a new stream without a cursor.',
    { code: 'SFTP_LEDGER_BEHIND_CURSOR', kind: 'config', retryable: false, connector: 'sftp', details: { cursorSeq: cursor.seq, ledgerLength: ledger.length } },
  );
}
