import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { minDelayMs: 500, maxDelayMs: 30_000, factor: 2, jitter: false };

describe('backoffDelay', () => {
  it('grows exponentially and caps', () => {
    expect([1, 2, 3, 4, 7, 8].map((n) => backoffDelay(n, policy))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
  });
  it('draws full jitter in [0, ceiling]', () => {
    const jittered = { ...policy, jitter: true };
    expect(backoffDelay(3, jittered, () => 0)).toBe(0);
    expect(backoffDelay(3, jittered, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, jittered, () => 0.999999)).toBe(1999);
  });
});
