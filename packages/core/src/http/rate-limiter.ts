import Bottleneck from 'bottleneck';
import { ConfigError } from '../errors';
import { abortedError } from './abort';
import type { RateLimitOptions } from './types';

/** Runs tasks under a client's throttle. One per client instance: limits never leak across clients. */
export interface RateLimiter {
  /** Run `task` when the limits allow; rejects with an aborted NetworkError if `signal` fires while queued. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

const positive = (name: string, value: number | undefined, connector: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`[recon:${connector}] rateLimit.${name} must be a positive number`, { connector });
  return value;
};

/** A fixed window that refills to `amount` every `intervalMs` (Bottleneck's reservoir). */
const windowLimiter = (amount: number, intervalMs: number) =>
  new Bottleneck({ reservoir: amount, reservoirRefreshAmount: amount, reservoirRefreshInterval: intervalMs });

/**
 * Build the limiter: `perSecond` becomes even spacing (`minTime`) and `maxConcurrent` a cap on the
 * main limiter; `perMinute` / `perHour` are reservoirs chained behind it, so a job must pass all.
 * Returns a pass-through when no limit is set.
 */
export function createRateLimiter(options: RateLimitOptions | undefined, connector: string): RateLimiter {
  const perSecond = positive('perSecond', options?.perSecond, connector);
  const perMinute = positive('perMinute', options?.perMinute, connector);
  const perHour = positive('perHour', options?.perHour, connector);
  const maxConcurrent = positive('maxConcurrent', options?.maxConcurrent, connector);
  if (perSecond === undefined && perMinute === undefined && perHour === undefined && maxConcurrent === undefined) {
    return { run: (task, signal) => (signal?.aborted ? Promise.reject(abortedError(connector)) : task()) };
  }

  const main = new Bottleneck({
    maxConcurrent: maxConcurrent === undefined ? null : Math.floor(maxConcurrent),
    minTime: perSecond === undefined ? 0 : Math.ceil(1000 / perSecond),
  });
  let tail = main;
  for (const [amount, interval] of [
    [perMinute, MINUTE],
    [perHour, HOUR],
  ] as const) {
    if (amount === undefined) continue;
    const next = windowLimiter(Math.floor(amount), interval);
    tail.chain(next);
    tail = next;
  }

  return {
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(abortedError(connector));
      // Bottleneck cannot cancel a queued job: an abandoned job still runs when its turn comes,
      // but as a no-op, so it costs a slot and no request. Once running, the task honours the
      // signal itself, so an abort then is the task's to report.
      let state: 'queued' | 'running' | 'abandoned' = 'queued';
      const scheduled = main.schedule(() => {
        if (state === 'abandoned') return Promise.resolve(undefined as T);
        state = 'running';
        return task();
      });
      if (!signal) return scheduled;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          if (state !== 'queued') return;
          state = 'abandoned';
          reject(abortedError(connector, 'Request aborted while waiting for the rate limiter'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        scheduled.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
  };
}
