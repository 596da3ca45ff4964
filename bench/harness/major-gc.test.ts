import { describe, expect, it } from 'vitest';
import { settleHeap, watchMajorGcs } from './major-gc';
import { createPhaseLog } from './phases';

describe('full-collection accounting', () => {
  it('counts a full collection inside the window it started in, and none outside it', async () => {
    const watch = watchMajorGcs();
    try {
      const from = performance.now();
      await settleHeap();
      const to = performance.now();
      await watch.flush();
      expect(watch.countBetween(from, to)).toBeGreaterThanOrEqual(1);
      expect(watch.countBetween(to + 1, to + 1e9)).toBe(0);
    } finally {
      watch.stop();
    }
  });

  it('runs `before` ahead of every repeat, outside the timed rows', async () => {
    const log = createPhaseLog();
    const events: string[] = [];
    let sawBefore = 0;
    const value = await log.repeat(
      'x',
      3,
      () => {
        events.push('run');
        return events.length;
      },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        sawBefore = performance.now();
        events.push('before');
      },
    );
    expect(events).toEqual(['before', 'run', 'before', 'run', 'before', 'run']);
    expect(value).toBe(6);
    expect(log.phases.map((p) => p.name)).toEqual(['x #1', 'x #2', 'x #3']);
    // The last `before` ran before the last row started.
    expect(sawBefore).toBeLessThanOrEqual(log.phases[2]!.startedAt!);
  });
});
