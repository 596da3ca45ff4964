/** Retry tuning of the connector. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
}

/** Defaults: 3 retries, 500 ms doubling up to 10 s. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 500, maxDelayMs: 10_000 };

/**
 * Delay before retry number `attempt` (1-based): exponential with full jitter (a uniformly random
 * delay up to the exponential cap), so many pollers that lost the same server do not reconnect in
 * lockstep.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * cap);
}

/** Sleep that ends early (rejecting with `onAbort()`) when the signal fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
