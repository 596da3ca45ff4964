/** The resolved retry timing knobs (see `RetryOptions`). */
export interface BackoffPolicy {
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
  jitter: boolean;
}

/**
 * Sleep before retry number `retry` (1 for the first retry): exponential growth capped at
 * `maxDelayMs`, with "full jitter" (a uniform draw in [0, cap]) so many clients that failed
 * together do not come back together.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * policy.factor ** Math.max(0, retry - 1));
  return policy.jitter ? Math.floor(random() * ceiling) : ceiling;
}
