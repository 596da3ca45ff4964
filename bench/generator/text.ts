import type { BenchRng } from './rng';

/**
 * Builds the generator's strings through one scratch buffer. Why: `'pay_' + id` and template
 * literals make V8 rope strings (ConsString) that cost several times the memory of a flat string
 * until something flattens them; at a million records that is hundreds of MB. Decoding a latin1
 * slice of a buffer always gives one flat string, like `JSON.parse` would.
 */
const scratch = Buffer.alloc(256);
let used = 0;

/** 62 characters, as in Razorpay ids. */
const ALPHANUMERIC = Buffer.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 'latin1');
/** Length of the random part of a Razorpay-style id (`pay_` + 14 characters). */
export const ID_CHARS = 14;

/** Starts a new string. */
export function begin(): void {
  used = 0;
}

/** Appends an ASCII string. */
export function put(text: string): void {
  // A plain loop: for strings this short, Buffer#write's call into C++ costs more than the copy.
  for (let i = 0; i < text.length; i++) scratch[used++] = text.charCodeAt(i);
}

/** Appends `length` bytes of `source` from `offset`. */
export function putBytes(source: Uint8Array, offset: number, length: number): void {
  for (let i = 0; i < length; i++) scratch[used++] = source[offset + i] as number;
}

/** Appends a non-negative integer left-padded with zeros to `width` digits. */
export function putPadded(value: number, width: number): void {
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    scratch[used + i] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
  used += width;
}

/** Appends `count` random decimal digits. */
export function putDigits(rng: BenchRng, count: number): void {
  for (let i = 0; i < count; i++) scratch[used++] = 48 + rng.int(0, 9);
}

/** The string built since {@link begin}, as one flat string. */
export function end(): string {
  return scratch.toString('latin1', 0, used);
}

/** Characters of an id body that carry the record's index (the rest is random). */
const INDEX_CHARS = 6;
/** 2^30: the index space of an id body (6 base-62 characters hold 62^6 > 2^30 values). */
const INDEX_MASK = 0x3fff_ffff;
/** An odd multiplier and its inverse modulo 2^30: a bijective scramble, so ids look random. */
const SCRAMBLE = 0x2f6b_a4c5;
const UNSCRAMBLE = inverseMod2p30(SCRAMBLE);

function inverseMod2p30(a: number): number {
  // Newton's iteration for the inverse of an odd number modulo a power of two.
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x & INDEX_MASK;
}

/** Which kind of id: each kind scrambles differently, so `pay_` and `order_` of one order share nothing. */
export const IdKind = { order: 0x0123_4567, payment: 0x2bad_cafe & INDEX_MASK, refund: 0x0dec_0ded, settlement: 0x05e7_71e0 } as const;

/**
 * Fills `target[offset .. offset+14)` with a Razorpay-style id body: 8 random base-62 characters
 * then 6 that encode `index` (scrambled per `kind`). Encoding the index lets the benchmark score a
 * matcher's output by decoding ids instead of keeping a million-entry id → position map.
 */
export function randomIdBody(rng: BenchRng, target: Uint8Array, offset: number, index: number, kind: number): void {
  if (!Number.isInteger(index) || index < 0 || index > INDEX_MASK) throw new RangeError(`id index out of range: ${String(index)}`);
  let o = offset;
  for (let w = 0; w < 2; w++) {
    let x = rng.u32();
    // 62^4 < 2^32: four nearly uniform base-62 digits per draw.
    for (let k = 0; k < 4; k++) {
      target[o++] = ALPHANUMERIC[x % 62] as number;
      x = Math.floor(x / 62);
    }
  }
  let code = Math.imul((index ^ kind) & INDEX_MASK, SCRAMBLE) & INDEX_MASK;
  for (let k = INDEX_CHARS - 1; k >= 0; k--) {
    target[o + k] = ALPHANUMERIC[code % 62] as number;
    code = Math.floor(code / 62);
  }
}

const DIGIT_VALUE = new Int8Array(128).fill(-1);
ALPHANUMERIC.forEach((c, i) => {
  DIGIT_VALUE[c] = i;
});

/** The index encoded by {@link randomIdBody} in an id (`pay_…`, `order_…`, `rfnd_…`), or −1 if it is not one. */
export function decodeIdIndex(id: string, kind: number): number {
  if (id.length < INDEX_CHARS) return -1;
  let code = 0;
  for (let i = id.length - INDEX_CHARS; i < id.length; i++) {
    const v = DIGIT_VALUE[id.charCodeAt(i) & 127] ?? -1;
    if (v < 0) return -1;
    code = code * 62 + v;
  }
  if (code > INDEX_MASK) return -1;
  return ((Math.imul(code, UNSCRAMBLE) & INDEX_MASK) ^ kind) & INDEX_MASK;
}

/** `prefix` + the 14-character id body stored at `bytes[index*14 ..]`, as a fresh flat string. */
export function idString(prefix: string, bytes: Uint8Array, index: number): string {
  begin();
  put(prefix);
  putBytes(bytes, index * ID_CHARS, ID_CHARS);
  return end();
}
