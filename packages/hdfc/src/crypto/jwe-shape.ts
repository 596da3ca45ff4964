/**
 * A cheap, synchronous look at a compact JWE: five base64url parts, a JSON protected header naming
 * `alg` and `enc`, a 96-bit IV and a 128-bit tag (A256GCM). The HTTP kit's response hook is
 * synchronous, and this is enough to tell a body cut short in transit (worth another attempt) from
 * one that arrived whole; whether it decrypts is decided afterwards.
 *
 * @returns why the text is not a whole compact JWE, or `undefined` when it looks like one.
 */
export function compactJweDefect(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'the body is not text';
  const parts = text.trim().split('.');
  if (parts.length !== 5) return `a compact JWE has 5 parts, the body has ${parts.length}`;
  if (!parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) return 'a part is not base64url';
  const [header = '', encryptedKey = '', iv = '', ciphertext = '', tag = ''] = parts;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    return 'the protected header is not JSON';
  }
  if (typeof decoded !== 'object' || decoded === null) return 'the protected header is not an object';
  const { alg, enc } = decoded as { alg?: unknown; enc?: unknown };
  if (typeof alg !== 'string' || typeof enc !== 'string') return 'the protected header names no alg/enc';
  if (encryptedKey === '') return 'the encrypted key is empty';
  if (Buffer.from(iv, 'base64url').length !== 12) return 'the IV is not 96 bits';
  if (ciphertext === '') return 'the ciphertext is empty';
  if (Buffer.from(tag, 'base64url').length !== 16) return 'the authentication tag is not 128 bits';
  return undefined;
}
