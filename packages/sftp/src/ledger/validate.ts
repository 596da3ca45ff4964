import type { LedgerDocument, LedgerEntry } from './types';

const OUTCOMES = new Set(['processed', 'failed', 'duplicate']);
const ACTIONS = new Set(['leave', 'archive', 'delete', 'quarantine']);

/** Shape check of a stored ledger: a hand-edited or foreign file is refused, not guessed at. */
export function isLedgerDocument(value: unknown): value is LedgerDocument {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Partial<LedgerDocument>;
  if (doc.version !== 1 || !Array.isArray(doc.entries)) return false;
  return doc.entries.every((entry, index) => isLedgerEntry(entry) && entry.seq === index + 1);
}

/** Shape check of one entry (also used on the entry a cursor carries). */
export function isLedgerEntry(value: unknown): value is LedgerEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<LedgerEntry>;
  const d = e.disposition;
  return (
    isCount(e.seq) &&
    e.seq > 0 &&
    typeof e.name === 'string' &&
    e.name.length > 0 &&
    isCount(e.size) &&
    typeof e.mtimeMs === 'number' &&
    Number.isFinite(e.mtimeMs) &&
    typeof e.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(e.sha256) &&
    typeof e.outcome === 'string' &&
    OUTCOMES.has(e.outcome) &&
    isCount(e.records) &&
    isCount(e.invalid) &&
    (e.reason === undefined || typeof e.reason === 'string') &&
    typeof e.at === 'string' &&
    typeof e.chain === 'string' &&
    /^[0-9a-f]{64}$/.test(e.chain) &&
    typeof d === 'object' &&
    d !== null &&
    ACTIONS.has(d.action) &&
    typeof d.done === 'boolean' &&
    (d.location === undefined || typeof d.location === 'string') &&
    (d.error === undefined || typeof d.error === 'string')
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
