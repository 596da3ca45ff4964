import { setTimeout as sleep } from 'node:timers/promises';

/** Delay before attempt `attempt + 1` (1-based): 250 ms doubling to 8 s, with ±25% jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(8000, 250 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** Waits {@link backoffMs} for `attempt`. */
export function backoff(attempt: number): Promise<void> {
  return sleep(backoffMs(attempt));
}
