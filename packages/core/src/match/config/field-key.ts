import type { StandardTransaction } from '../../schema/transaction';
import type { FieldPath, KeyExtractor } from '../types';
import { fieldAccess } from './field-paths';

const FIELD_KEY = Symbol.for('@recon/core/match/field-key');

/** What a {@link keyFromField} function reads and how it maps the value. */
export interface FieldKey {
  readonly path: FieldPath;
  readonly map: (value: string) => ReturnType<KeyExtractor>;
}

/**
 * A key function that maps one string field (`references.order_id` → its normal form). It is an
 * ordinary {@link KeyExtractor} (call it with a record), and it tells the engine what it reads: the
 * engine then reads the field in place, so records in a `TransactionStore` are not rebuilt once per
 * key read. `map` gets the field's value (never undefined: an absent field gives no key). `name`
 * (default: `map`'s) is the function's name, which evidence shows for the identifier.
 *
 * ```ts
 * const upperUtr = keyFromField('references.utr', (utr) => utr.toUpperCase());
 * ```
 */
export function keyFromField<R extends ReturnType<KeyExtractor>>(path: FieldPath, map: (value: string) => R, name = map.name): (txn: StandardTransaction) => R | undefined {
  const access = fieldAccess(path);
  if (access.kind !== 'plain') throw new TypeError(`keyFromField reads a plain string field, not ${path}`);
  const read = access.read;
  const fn = (txn: StandardTransaction): R | undefined => {
    const v = read(txn);
    return v === undefined ? undefined : map(v);
  };
  Object.defineProperty(fn, FIELD_KEY, { value: { path, map } satisfies FieldKey });
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/** The field a key function made by {@link keyFromField} reads, else undefined. */
export function fieldKeyOf(fn: KeyExtractor): FieldKey | undefined {
  return (fn as KeyExtractor & { [FIELD_KEY]?: FieldKey })[FIELD_KEY];
}
