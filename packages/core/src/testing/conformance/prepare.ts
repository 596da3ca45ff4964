import type { Cursor } from '../../connector';
import type { ConformanceFixture } from './types';

/** Start a check from a clean sandbox: no leftover faults, an empty request log. */
export function prepare<C extends Cursor>(fixture: ConformanceFixture<C>): void {
  fixture.sandbox.faults.clear();
  fixture.sandbox.clearRequests();
}

/** Outcome of {@link withDeadline}. */
export type DeadlineResult<T> = { settled: true; value: T } | { settled: true; error: unknown } | { settled: false };

/**
 * Wait for `promise`, but no longer than `ms`. Used only to turn "the read never stops" into a
 * readable failure instead of a runner timeout; the deadline is generous, not a performance bar.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<DeadlineResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<DeadlineResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ settled: true as const, value }), (error: unknown) => ({ settled: true as const, error })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
