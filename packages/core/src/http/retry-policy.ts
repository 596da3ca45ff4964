import { ConfigError } from '../errors';
import type { BackoffPolicy } from './backoff';
import type { RetryOptions } from './types';

/** {@link RetryOptions} with every default filled in (rules excluded). */
export interface RetryPolicy extends BackoffPolicy {
  retries: number;
  maxRetryAfterMs: number;
  maxElapsedMs: number;
}

/** The defaults: 4 retries, 0.5 s doubling to 30 s with full jitter, Retry-After up to 5 min, 2 min in total. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  retries: 4,
  minDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: true,
  maxRetryAfterMs: 300_000,
  maxElapsedMs: 120_000,
});

/** Fill defaults (from `base`, for per-request overrides) and reject nonsense early (negative counts, infinite retries). */
export function resolveRetryPolicy(options: RetryOptions | undefined, connector: string, base: Readonly<RetryPolicy> = DEFAULT_RETRY_POLICY): RetryPolicy {
  const { classify: _rules, ...rest } = options ?? {};
  const policy: RetryPolicy = { ...base };
  for (const [key, value] of Object.entries(rest) as [keyof RetryPolicy, unknown][]) {
    if (value !== undefined) (policy as unknown as Record<string, unknown>)[key] = value;
  }
  for (const key of ['retries', 'minDelayMs', 'maxDelayMs', 'factor', 'maxRetryAfterMs', 'maxElapsedMs'] as const) {
    const value = policy[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ConfigError(`[recon:${connector}] retry.${key} must be a finite number >= 0`, { connector });
    }
  }
  policy.retries = Math.floor(policy.retries);
  return policy;
}
