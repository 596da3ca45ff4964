/**
 * Where the webhook handler remembers event ids. Razorpay delivers at least once (and retries for
 * 24 h), so the same `x-razorpay-event-id` can arrive several times, even concurrently.
 * Implement it over Redis (`SET id 1 NX EX ttl` / `DEL id`) or a database unique key to share it
 * between instances; {@link createMemoryDedupStore} suits one process.
 */
export interface WebhookDedupStore {
  /** Atomically claim `eventId`: `true` the first time, `false` when already claimed. */
  claim(eventId: string): boolean | Promise<boolean>;
  /** Forget a claim because processing failed, so Razorpay's retry is processed. */
  release(eventId: string): void | Promise<void>;
}

/** Options of {@link createMemoryDedupStore}. */
export interface MemoryDedupStoreOptions {
  /** How long an id is remembered (default 48 h: Razorpay retries for 24 h from the event). */
  ttlMs?: number;
  /** Most ids kept; the oldest are forgotten first (default 100 000). */
  maxEntries?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** An in-memory {@link WebhookDedupStore}, bounded in time and size. */
export function createMemoryDedupStore(options: MemoryDedupStoreOptions = {}): WebhookDedupStore & { readonly size: number } {
  const ttlMs = options.ttlMs ?? 48 * 3_600_000;
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  // Insertion order is expiry order (same TTL for all), so eviction only looks at the front.
  const claimed = new Map<string, number>();
  const evict = (t: number) => {
    for (const [id, expires] of claimed) {
      if (expires > t && claimed.size <= maxEntries) break;
      claimed.delete(id);
    }
  };
  return {
    get size() {
      return claimed.size;
    },
    claim(eventId) {
      const t = now();
      evict(t);
      const expires = claimed.get(eventId);
      if (expires !== undefined && expires > t) return false;
      claimed.delete(eventId);
      claimed.set(eventId, t + ttlMs);
      evict(t);
      return true;
    },
    release(eventId) {
      claimed.delete(eventId);
    },
  };
}
