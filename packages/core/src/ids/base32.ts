const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * RFC 4648 base32 in lower case, without padding, cut to `length` characters (5 bits each).
 * Lower case and the 2–7 digits keep ids readable, case-insensitive-safe and free of `0/O`, `1/l`.
 */
export function base32Lower(bytes: Uint8Array, length = Math.ceil((bytes.length * 8) / 5)): string {
  if (!Number.isSafeInteger(length) || length < 0 || length * 5 > bytes.length * 8 + 4) {
    throw new RangeError(`Cannot take ${length} base32 characters from ${bytes.length} bytes`);
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff; // at most 12 meaningful bits are ever kept
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === length) return out;
  }
  if (bits > 0 && out.length < length) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
