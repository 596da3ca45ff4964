import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const policy = { retries: 5, minDelayMs: 100, maxDelayMs: 1000 };
  it('doubles the cap per attempt up to maxDelayMs, with full jitter below it', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
});

describe('sleep', () => {
  it('ends early with the abort error when the signal fires', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal, () => new Error('aborted!'));
    controller.abort();
    await expect(pending).rejects.toThrow('aborted!');
    await expect(sleep(60_000, controller.signal, () => new Error('already'))).rejects.toThrow('already');
    await expect(sleep(0, undefined, () => new Error('never'))).resolves.toBeUndefined();
  });
});
