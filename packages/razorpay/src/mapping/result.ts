import { formatIssues, InvalidDataError } from '@recon/core';
import type { JsonValue, StandardTransactionInput } from '@recon/core';
import { RAZORPAY_SOURCE } from '../constants';
import type { FieldReader } from './field-reader';

/** What every mapper returns: a transaction ready for validation, or why the entity is unusable. */
export type MapResult = { ok: true; txn: StandardTransactionInput } | { ok: false; error: InvalidDataError };

/** Options every mapper takes. */
export interface MapOptions {
  /** `account_id` of every transaction: the merchant's Razorpay account (default `razorpay`). */
  accountId?: string;
}

/** The account id mappers use when none is configured. */
export const DEFAULT_ACCOUNT_ID = 'razorpay';

/** The fields every Razorpay transaction shares, whatever the entity. */
export function razorpayTxnBase(options: MapOptions) {
  return { schema_version: 1 as const, source: RAZORPAY_SOURCE, account_id: options.accountId ?? DEFAULT_ACCOUNT_ID, bank_code: 'RAZORPAY' };
}

/** A short label for messages: the entity's id when it has a usable one. */
export function labelOf(entity: unknown, key = 'id'): string {
  const id = typeof entity === 'object' && entity !== null ? (entity as Record<string, unknown>)[key] : undefined;
  return typeof id === 'string' && id !== '' ? id.slice(0, 64) : 'without id';
}

/**
 * Finish a mapping: the transaction when no issue was recorded, else an InvalidDataError listing
 * every issue and carrying the entity exactly as received (for the dead letter).
 */
export function finish(fields: FieldReader, entity: unknown, what: string, build: () => StandardTransactionInput): MapResult {
  if (fields.issues.length === 0) return { ok: true, txn: build() };
  return {
    ok: false,
    error: new InvalidDataError(`[recon:${RAZORPAY_SOURCE}] ${what} ${labelOf(entity, what === 'recon row' ? 'entity_id' : 'id')} cannot be mapped: ${formatIssues(fields.issues)}`, {
      code: 'RAZORPAY_ENTITY_INVALID',
      connector: RAZORPAY_SOURCE,
      issues: fields.issues,
      raw: entity,
    }),
  };
}

/** The entity as JSON for `raw` (it came from JSON.parse, so it already is JSON). */
export function asJson(entity: unknown): JsonValue {
  return entity as JsonValue;
}

/** Copy of `refs` without undefined or empty values (the schema rejects empty strings). */
export function compactRefs<T extends Record<string, string | undefined>>(refs: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(refs) as Array<[keyof T, string | undefined]>) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim().slice(0, 256) as T[keyof T];
  }
  return out;
}
