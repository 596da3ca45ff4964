/**
 * A fast 64-bit string hash (two 32-bit lanes, cyrb53's mixing), for deterministic outcome ids
 * and export order. Not cryptographic: ids only need to be stable and, in practice, unique
 * (collisions are still ordered deterministically, see `outcomes/order.ts`).
 */
/** Two 32-bit hash lanes. */
export interface Hash64 {
  h1: number;
  h2: number;
}

/** Feed `s` into lanes `h1`, `h2` (pass the result of a previous call to chain strings). */
export function hashString(s: string, seed1 = 0xdeadbeef, seed2 = 0x41c6ce57): Hash64 {
  let h1 = seed1;
  let h2 = seed2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  // A separator so "ab"+"c" and "a"+"bc" chain differently.
  h1 = Math.imul(h1 ^ 0x1f, 2654435761);
  h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  return { h1, h2 };
}

/**
 * Final avalanche of two lanes into two well-mixed unsigned 32-bit words, written to `out[at]`
 * and `out[at + 1]` (no allocation: this runs once per record and per outcome).
 */
export function finish(h1: number, h2: number, out: Uint32Array, at: number): void {
  let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  a ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  let b = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  b ^= Math.imul(a ^ (a >>> 13), 3266489909);
  out[at] = a >>> 0;
  out[at + 1] = b >>> 0;
}

const HEX = '0123456789abcdef';

/** 16 lower-case hex digits of two 32-bit words, prefixed. */
export function hex64(prefix: string, h1: number, h2: number): string {
  let s = prefix;
  for (let k = 28; k >= 0; k -= 4) s += HEX[(h1 >>> k) & 15];
  for (let k = 28; k >= 0; k -= 4) s += HEX[(h2 >>> k) & 15];
  return s;
}

