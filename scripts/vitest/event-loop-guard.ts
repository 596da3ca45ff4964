/**
 * Fails a test file that holds its worker's event loop for too long at a stretch.
 *
 * vitest's worker reports to its runner over an RPC channel with a fixed 60 s timeout, and the
 * replies are only read when the worker's event loop turns. vitest does not turn the loop between
 * synchronous tests, so a file whose tests compute synchronously for about a minute in total ends
 * the whole run with `Timeout calling "onTaskUpdate"` on a slower machine, even though every test
 * passed. This guard makes the risk visible on any machine, long before the limit: a long property
 * test should `await` a macrotask (setImmediate) between runs.
 */
import { afterAll } from 'vitest';

/** Half of vitest's worker RPC timeout: a margin for CI machines slower than the one a test was written on. */
const MAX_HOLD_MS = 30_000;
const TICK_MS = 100;

// A ticking timer measures the loop directly: the gap between two ticks is how long it was held.
// (perf_hooks' monitorEventLoopDelay only records when its timer fires, so it misses a hold that
// lasts until the end of the file.)
let lastTick = performance.now();
let longestMs = 0;
const held = () => performance.now() - lastTick;
const ticker = setInterval(() => {
  longestMs = Math.max(longestMs, held() - TICK_MS);
  lastTick = performance.now();
}, TICK_MS);
ticker.unref();

afterAll(() => {
  clearInterval(ticker);
  longestMs = Math.max(longestMs, held()); // a hold still going on now counts too
  if (longestMs > MAX_HOLD_MS) {
    throw new Error(
      `this file held its worker's event loop for ${Math.round(longestMs / 1000)} s at a stretch (limit ${MAX_HOLD_MS / 1000} s); ` +
        'vitest fails the whole run when a worker cannot read its RPC replies for 60 s. Let long tests yield, e.g. await setImmediate between property runs.',
    );
  }
});
