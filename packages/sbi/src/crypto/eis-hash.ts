import type { KeyObject } from 'node:crypto';
import { signText, verifyText } from './rsa';

/** JSON with keys sorted at every level and no spaces: the text the EIS `HASH` signs. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(value));
}

/**
 * The inner `HASH` of an EIS payload: SHA256withRSA over the sorted, compact JSON of the inner
 * request, base64 with `<`, `>`, `;` and `=` removed, which SBI's EIS content check rejects
 * [S, aerele `compute_hash` / `sanitize_hash`].
 */
export function eisHash(inner: unknown, privateKey: KeyObject): string {
  return signText(canonicalJson(inner), privateKey).replace(/[<>;=]/g, '');
}

/** The bank's check of {@link eisHash}. */
export function verifyEisHash(inner: unknown, hash: string, publicKey: KeyObject): boolean {
  return verifyText(canonicalJson(inner), hash, publicKey);
}
