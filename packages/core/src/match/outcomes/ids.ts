import { finish, hashString } from '../engine/hash';

/**
 * Outcome ids: `o_` + 16 hex digits of a hash of (link, kind, rule, side) and the member records.
 * Member hashes are summed per side (mod 2^32 per lane), which is order-free, so the id is the
 * same whatever order the records came in, without sorting members to compute it.
 */
export class OutcomeIdHasher {
  private readonly seeds = new Map<string, { h1: number; h2: number }>();
  /** The last hash, as two unsigned 32-bit words (`out[0]`, `out[1]`). */
  readonly out = new Uint32Array(2);

  /** The seed of `tag` (callers hashing many outcomes with one tag look it up once). */
  seed(tag: string): { h1: number; h2: number } {
    let s = this.seeds.get(tag);
    if (!s) {
      s = hashString(tag);
      this.seeds.set(tag, s);
    }
    return s;
  }

  /**
   * Hash an outcome from its tag and the per-side sums of member hashes (`lHi`, `lLo`, `rHi`,
   * `rLo`, reduced mod 2^32) and member counts, into {@link out}.
   */
  hash(tag: string, lHi: number, lLo: number, lCount: number, rHi: number, rLo: number, rCount: number): void {
    this.hashSeeded(this.seed(tag), lHi, lLo, lCount, rHi, rLo, rCount);
  }

  /** {@link hash} with the tag's {@link seed} already looked up. */
  hashSeeded(s: { h1: number; h2: number }, lHi: number, lLo: number, lCount: number, rHi: number, rLo: number, rCount: number): void {
    let h1 = Math.imul(s.h1 ^ lHi, 2654435761);
    let h2 = Math.imul(s.h2 ^ lLo, 1597334677);
    h1 = Math.imul(h1 ^ lCount, 2246822507);
    h2 = Math.imul(h2 ^ rCount, 3266489909);
    h1 = Math.imul(h1 ^ rLo, 1597334677);
    h2 = Math.imul(h2 ^ rHi, 2654435761);
    finish(h1, h2, this.out, 0);
  }
}
