/**
 * Keeps test files from holding their worker's event loop for long, and fails one that does.
 *
 * vitest's worker reports to its runner over an RPC channel with a fixed 60 s timeout, and the
 * replies are only read when the worker's event loop turns. A worker that computes (or waits in a
 * `spawnSync`) for about a minute at a stretch therefore ends the whole run with `Timeout calling
 * "onTaskUpdate"` on a slower machine, even though every test passed, and the results it had not
 * reported yet are lost. This file lets the loop turn between tests, and makes a single test that
 * holds it long visible on any machine, long before the limit: such a test should `await` a
 * macrotask (setImmediate) between its steps.
 */
import { afterAll, beforeEach } from 'vitest';

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

// vitest runs a file's tests back to back without turning the loop, so a file of synchronous tests
// held it for the sum of their times (18 s for the matcher's properties under coverage). One
// macrotask before each test lets the worker read its replies in between: only a single long test
// can hold it.
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

afterAll(() => {
  clearInterval(ticker);
  longestMs = Math.max(longestMs, held()); // a hold still going on now counts too
  if (longestMs > MAX_HOLD_MS) {
    throw new Error(
      `this file held its worker's event loop for ${(longestMs / 1000).toFixed(1)} s at a stretch (limit ${MAX_HOLD_MS / 1000} s); ` +
        'vitest fails the whole run when a worker cannot read its RPC replies for 60 s. Let long tests yield, e.g. await setImmediate between property runs.',
    );
  }
});
