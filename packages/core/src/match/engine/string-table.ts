/** 32-bit hash of a string (FNV-1a over UTF-16 code units, then a murmur-style avalanche). */
export function hash32(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

/**
 * Interns strings to dense ids 0, 1, 2, … with an open-addressing table on typed arrays.
 *
 * Why not a `Map`: at a million keys a V8 `Map<string, number>` costs several hundred
 * milliseconds per build and per probe pass on the project's 2-core CI machines and tens of bytes
 * per entry; this table is about twice as fast, allocates nothing per key, and has no 2^24-entry
 * ceiling. Keys are compared by value (`===` after a hash match), so equal strings from different
 * records meet.
 */
export class StringTable {
  /** Interned keys by id. */
  readonly keys: string[] = [];
  private slots: Int32Array;
  private hashes: Uint32Array;
  private mask: number;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.hashes = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The id of `key`, or −1. */
  get(key: string): number {
    return this.getHashed(key, hash32(key));
  }

  /** {@link get} with the key's {@link hash32} already known. */
  getHashed(key: string, h: number): number {
    const { slots, hashes, mask, keys } = this;
    let p = h & mask;
    for (;;) {
      const id = slots[p]!;
      if (id === -1) return -1;
      if (hashes[p] === h && keys[id] === key) return id;
      p = (p + 1) & mask;
    }
  }

  /** The id of `key`, adding it if absent (a new id is `size − 1` afterwards). */
  intern(key: string): number {
    return this.internHashed(key, hash32(key));
  }

  /** {@link intern} with the key's {@link hash32} already known. */
  internHashed(key: string, h: number): number {
    let p = h & this.mask;
    for (;;) {
      const id = this.slots[p]!;
      if (id === -1) break;
      if (this.hashes[p] === h && this.keys[id] === key) return id;
      p = (p + 1) & this.mask;
    }
    const id = this.keys.length;
    this.keys.push(key);
    this.slots[p] = id;
    this.hashes[p] = h;
    if (this.keys.length * 2 > this.mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap).fill(-1);
    const hashes = new Uint32Array(cap);
    const mask = cap - 1;
    for (let p = 0; p <= this.mask; p++) {
      const id = this.slots[p]!;
      if (id === -1) continue;
      const h = this.hashes[p]!;
      let q = h & mask;
      while (slots[q] !== -1) q = (q + 1) & mask;
      slots[q] = id;
      hashes[q] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}
