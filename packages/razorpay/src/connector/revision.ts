import { createHash } from 'node:crypto';

/** The created_at-ordered streams. */
export type CreatedAtStream = 'payments' | 'refunds' | 'settlements';

/** Fields whose change makes an entity a new version worth emitting again. */
const REVISION_FIELDS: Readonly<Record<CreatedAtStream, readonly string[]>> = Object.freeze({
  // A partial refund leaves a payment `captured` but raises `amount_refunded`.
  payments: ['status', 'amount_refunded'],
  refunds: ['status'],
  // A settlement gets its UTR when it moves from created to processed.
  settlements: ['status', 'utr'],
});

/**
 * A short, readable version tag of an entity: `captured/0`, `refunded/49900`, `processed/UTIB…`.
 * Two reads of the same entity with the same tag are the same version (skipped when re-read in
 * the overlap window); a different tag is a state change (emitted again). An entity without those
 * fields (a broken one) is tagged by a hash of its content, so it is not repeated either.
 */
export function revisionOf(stream: CreatedAtStream, entity: unknown): string {
  const source = typeof entity === 'object' && entity !== null ? (entity as Record<string, unknown>) : {};
  const parts = REVISION_FIELDS[stream].map((key) => source[key]);
  if (parts.every((p) => typeof p === 'string' || typeof p === 'number' || p === null)) {
    const tag = parts.map((p) => (p === null ? '' : String(p))).join('/');
    if (tag.length <= 64) return tag;
  }
  return `#${createHash('sha256').update(JSON.stringify(entity) ?? '').digest('hex').slice(0, 16)}`;
}
