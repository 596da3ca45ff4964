import type { RouteHandler, SandboxResponse } from '@recon/core/testing';
import { tooManyRequestsBody } from './envelope';

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface SandboxRateLimit {
  burst: number;
  perSecond: number;
}

/**
 * Wrap handlers in one shared token bucket. Over the limit the answer is 429 with Razorpay's
 * envelope and a `Retry-After` in whole seconds (Razorpay documents neither; clients must not need
 * them, and ours does not). `now` is injectable so tests need no clock.
 */
export function createRateLimit(limit: SandboxRateLimit, now: () => number = () => Date.now()): (handler: RouteHandler) => RouteHandler {
  if (!(limit.burst >= 1) || !(limit.perSecond > 0)) throw new RangeError('rateLimit: burst must be >= 1 and perSecond > 0');
  let tokens = limit.burst;
  let last = now();
  const take = (): SandboxResponse | undefined => {
    const t = now();
    tokens = Math.min(limit.burst, tokens + ((t - last) / 1000) * limit.perSecond);
    last = t;
    if (tokens >= 1) {
      tokens -= 1;
      return undefined;
    }
    const wait = Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
    return { status: 429, headers: { 'retry-after': String(wait) }, body: tooManyRequestsBody() };
  };
  return (handler) => (req) => take() ?? handler(req);
}
