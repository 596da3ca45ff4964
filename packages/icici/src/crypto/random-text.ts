import { randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `length` random ASCII letters and digits from the CSPRNG, uniformly (randomInt has no modulo
 * bias). ICICI's UAT mail asks for a 16-character session key and IV "as text": the bank's Java
 * side turns the RSA-decrypted bytes into a String, so non-ASCII bytes would not survive. Letters
 * and digits give 16 × log2(62) ≈ 95 bits, where the mail's "16 random digits" would give 53.
 */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}
