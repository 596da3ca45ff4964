import type { ValidationIssue } from '@recon/core';

/**
 * Reads fields of an untrusted entity and collects every problem instead of stopping at the first,
 * so one InvalidDataError can list all of them. Each getter returns `undefined` on a problem; the
 * mapper checks {@link FieldReader.issues} once at the end.
 */
export interface FieldReader {
  readonly issues: ValidationIssue[];
  /** A non-empty string. */
  string(key: string): string | undefined;
  /** A string, or `undefined` for absent / `null` / `""` (Razorpay sends all three for "none"). */
  optionalString(key: string): string | undefined;
  /** A non-negative safe integer (minor units, Unix seconds). */
  integer(key: string): number | undefined;
  /** A non-negative safe integer, or `undefined` for absent / `null`. */
  optionalInteger(key: string): number | undefined;
  boolean(key: string): boolean | undefined;
  /** A plain object (not an array), or `{}` for absent / `null`. */
  object(key: string): Record<string, unknown>;
  /** The raw value, unchecked. */
  raw(key: string): unknown;
  /** Record a problem found by the caller. */
  fail(key: string, message: string, code?: string): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A reader over `entity`; a non-object entity yields one root issue and empty fields. */
export function readFields(entity: unknown): FieldReader {
  const issues: ValidationIssue[] = [];
  const source: Record<string, unknown> = isObject(entity) ? entity : {};
  if (!isObject(entity)) issues.push({ path: [], message: 'must be a JSON object', code: 'invalid_type' });
  const fail = (key: string, message: string, code = 'invalid_value') => issues.push({ path: [key], message, code });
  const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

  return {
    issues,
    fail,
    raw: (key) => source[key],
    string(key) {
      const v = source[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
      fail(key, v === undefined ? 'is required' : 'must be a non-empty string', v === undefined ? 'required' : 'invalid_type');
      return undefined;
    },
    optionalString(key) {
      const v = source[key];
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v === 'string') return v;
      fail(key, 'must be a string or null', 'invalid_type');
      return undefined;
    },
    integer(key) {
      const v = source[key];
      if (isInteger(v)) return v;
      fail(key, v === undefined ? 'is required' : 'must be a non-negative integer (minor units or Unix seconds)', v === undefined ? 'required' : 'invalid_type');
      return undefined;
    },
    optionalInteger(key) {
      const v = source[key];
      if (v === undefined || v === null) return undefined;
      if (isInteger(v)) return v;
      fail(key, 'must be a non-negative integer or null', 'invalid_type');
      return undefined;
    },
    boolean(key) {
      const v = source[key];
      if (typeof v === 'boolean') return v;
      fail(key, v === undefined ? 'is required' : 'must be a boolean', v === undefined ? 'required' : 'invalid_type');
      return undefined;
    },
    object(key) {
      const v = source[key];
      if (v === undefined || v === null) return {};
      if (isObject(v)) return v;
      // `[]` is how Razorpay's PHP encoder writes an empty object (notes, acquirer_data).
      if (Array.isArray(v) && v.length === 0) return {};
      fail(key, 'must be an object', 'invalid_type');
      return {};
    },
  };
}
