import { describe, expect, it, vi } from 'vitest';
import type { ReadOptions } from '../connector/types';
import { ConfigError } from '../errors';
import { createPagedSource, deferred, expectedIds, type PageCursor } from './fixtures/paged-connector';
import { captureLogger } from './fixtures/test-sinks';
import { createMemorySink } from './memory-sink';
import { createScheduler, type Scheduler, type SchedulerTimers } from './scheduler';
import type { Sink } from './types';

/** Ticks driven by the test: deterministic, no clock involved. */
function manualTimers(): SchedulerTimers & { tick(): void; readonly active: number; intervals: number[] } {
  const callbacks = new Map<number, () => void>();
  const intervals: number[] = [];
  let next = 0;
  return {
    intervals,
    setInterval(callback, ms) {
      callbacks.set(++next, callback);
      intervals.push(ms);
      return next;
    },
    clearInterval(handle) {
      callbacks.delete(handle as number);
    },
    tick() {
      for (const callback of [...callbacks.values()]) callback();
    },
    get active() {
      return callbacks.size;
    },
  };
}

/** Wait until no job of the scheduler has a run in flight. */
const settled = (scheduler: Scheduler) => vi.waitFor(() => expect(scheduler.status().jobs.every((j) => !j.running)).toBe(true));
const job = (scheduler: Scheduler, name: string) => scheduler.status().jobs.find((j) => j.name === name);

describe('createScheduler', () => {
  it('validates its options, reporting every problem', () => {
    const { connector } = createPagedSource({ total: 1, pageSize: 1 });
    const sink = createMemorySink();
    expect(() => createScheduler({ jobs: [] })).toThrow(ConfigError);
    try {
      createScheduler({
        jobs: [
          { name: 'a', connector, sink, intervalMs: 0 },
          { name: 'a', connector, sink, intervalMs: 10, from: '2024-01-01', window: () => ({}) },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/intervalMs.*duplicate name.*window/);
    }
  });

  it('keeps running a good job while another fails every time', async () => {
    const timers = manualTimers();
    const logger = captureLogger();
    const goodSink = createMemorySink();
    const bad = createPagedSource({ id: 'bad', total: 5, pageSize: 2, failOnPage: () => true });
    // The good job's dataset grows between ticks, so every run has new work.
    let total = 0;
    const scheduler = createScheduler({
      timers,
      logger,
      backoff: false,
      jobs: [
        { name: 'bad', connector: bad.connector, sink: createMemorySink(), intervalMs: 1000 },
        { name: 'good', connector: { id: 'good', read: (o) => createPagedSource({ id: 'good', total, pageSize: 2 }).connector.read(o as ReadOptions<PageCursor>) }, sink: goodSink, intervalMs: 500 },
      ],
    });
    scheduler.start();
    expect(timers.intervals).toEqual([1000, 500]);
    const N = 5;
    for (let i = 0; i < N; i++) {
      total += 3;
      timers.tick();
      await settled(scheduler);
    }

    expect(job(scheduler, 'good')).toMatchObject({ runs: N, successes: N, failures: 0, consecutiveFailures: 0 });
    expect(goodSink.records().map((t) => t.txn_id)).toEqual(expectedIds(3 * N).valid);
    expect(job(scheduler, 'bad')).toMatchObject({ runs: N, successes: 0, failures: N, consecutiveFailures: N });
    expect(job(scheduler, 'bad')?.lastError?.code).toBe('FIXTURE_PAGE_FAILED');
    expect(job(scheduler, 'bad')?.lastReport).toMatchObject({ status: 'failed', failedAt: 'read' });
    expect(logger.lines.filter((l) => l.msg === 'job failed; other jobs continue' && l.obj.job === 'bad')).toHaveLength(N);
    await scheduler.stop();
  });

  it('never overlaps runs of one job: ticks during a run are skipped, runNow joins it', async () => {
    const timers = manualTimers();
    const logger = captureLogger();
    const gate = deferred();
    const source = createPagedSource({ total: 4, pageSize: 2, beforePage: ({ read }) => (read === 0 ? gate.promise : Promise.resolve()) });
    const sink = createMemorySink();
    const scheduler = createScheduler({ timers, logger, jobs: [{ name: 'slow', connector: source.connector, sink, intervalMs: 1000, runOnStart: true }] });
    scheduler.start();
    expect(job(scheduler, 'slow')?.running).toBe(true);
    await vi.waitFor(() => expect(source.stats.active).toBe(1));

    timers.tick();
    timers.tick();
    timers.tick();
    const joined = scheduler.runNow('slow');
    expect(job(scheduler, 'slow')).toMatchObject({ running: true, skippedOverlap: 3, runs: 0 });
    expect(source.stats.reads).toBe(1);
    expect(logger.lines.filter((l) => l.msg?.includes('still in progress'))).toHaveLength(3);

    gate.resolve();
    expect(await joined).toMatchObject({ status: 'completed', records: 4 });
    expect(source.stats.maxActive).toBe(1);
    timers.tick();
    await settled(scheduler);
    expect(source.stats.reads).toBe(2);
    expect(job(scheduler, 'slow')).toMatchObject({ runs: 2, successes: 2 });
    expect(sink.records().map((t) => t.txn_id)).toEqual(expectedIds(4).valid);
    await scheduler.stop();
  });

  it('backs off exponentially after consecutive failures, and resets after a success', async () => {
    const timers = manualTimers();
    let failing = true;
    const source = createPagedSource({ total: 2, pageSize: 2, failOnPage: () => failing });
    const scheduler = createScheduler({ timers, backoff: { maxIntervals: 4 }, jobs: [{ name: 'flaky', connector: source.connector, sink: createMemorySink(), intervalMs: 1000 }] });
    scheduler.start();
    const attemptedAt: number[] = [];
    for (let t = 1; t <= 16; t++) {
      if (t === 12) failing = false;
      const before = source.stats.reads;
      timers.tick();
      await settled(scheduler);
      if (source.stats.reads > before) attemptedAt.push(t);
    }
    // Failures at ticks 1, 2, 4, 8 wait 1, 2, 4, 4 (capped) intervals; the success at 12 resets it.
    expect(attemptedAt).toEqual([1, 2, 4, 8, 12, 13, 14, 15, 16]);
    expect(job(scheduler, 'flaky')).toMatchObject({ failures: 4, successes: 5, consecutiveFailures: 0, skippedBackoff: 7 });
    await scheduler.stop();
  });

  it('computes the window at the start of every run', async () => {
    const timers = manualTimers();
    const source = createPagedSource({ total: 0, pageSize: 1 });
    let day = 1;
    const scheduler = createScheduler({
      timers,
      jobs: [{ name: 'w', connector: source.connector, sink: createMemorySink(), intervalMs: 1000, window: () => ({ from: `2024-01-0${day}`, to: `2024-01-0${++day}` }) }],
    });
    scheduler.start();
    timers.tick();
    await settled(scheduler);
    timers.tick();
    await settled(scheduler);
    expect(source.stats.windows).toEqual([
      { from: '2024-01-01', to: '2024-01-02' },
      { from: '2024-01-02', to: '2024-01-03' },
    ]);
  });

  it('counts a window() that throws as a failed run', async () => {
    const scheduler = createScheduler({
      timers: manualTimers(),
      jobs: [
        {
          name: 'w',
          connector: createPagedSource({ total: 1, pageSize: 1 }).connector,
          sink: createMemorySink(),
          intervalMs: 1000,
          window: () => {
            throw new Error('no calendar');
          },
        },
      ],
    });
    const report = await scheduler.runNow('w');
    expect(report).toMatchObject({ status: 'failed', failedAt: 'setup' });
    expect(report.error?.code).toBe('JOB_WINDOW_FAILED');
    expect(job(scheduler, 'w')).toMatchObject({ failures: 1 });
  });

  it('stop() aborts in-flight runs, waits for them, closes each sink and connector once, and is final', async () => {
    const timers = manualTimers();
    const logger = captureLogger();
    const inner = createMemorySink();
    let sinkCloses = 0;
    const shared: Sink = { name: 'shared', write: (b) => inner.write(b), loadCursor: (s) => inner.loadCursor(s), close: async () => void sinkCloses++ };
    const never = deferred();
    // One connector honours the signal; the other ignores it and stays stuck: stop() must still finish.
    const polite = createPagedSource({ id: 'polite', total: 9, pageSize: 3, beforePage: ({ pageInRead, signal }) => (pageInRead === 1 ? new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))) : Promise.resolve()) });
    const stuck = createPagedSource({ id: 'stuck', total: 9, pageSize: 3, beforePage: ({ pageInRead }) => (pageInRead === 1 ? never.promise : Promise.resolve()) });
    let connectorCloses = 0;
    const stuckConnector = { ...stuck.connector, close: async () => void connectorCloses++ };
    const scheduler = createScheduler({
      timers,
      logger,
      jobs: [
        { name: 'polite', connector: polite.connector, sink: shared, intervalMs: 1000, runOnStart: true },
        { name: 'stuck', connector: stuckConnector, sink: shared, intervalMs: 1000, runOnStart: true },
        { name: 'stuck-again', connector: stuckConnector, sink: shared, stream: 'stuck-2', intervalMs: 1000 },
      ],
    });
    scheduler.start();
    await vi.waitFor(() => expect(inner.batches).toHaveLength(2));

    await scheduler.stop();
    expect(scheduler.status().state).toBe('stopped');
    expect(job(scheduler, 'polite')).toMatchObject({ running: false, aborted: 1, failures: 0, lastReport: { status: 'aborted', cursor: { offset: 3 } } });
    expect(job(scheduler, 'stuck')).toMatchObject({ running: false, aborted: 1, lastReport: { status: 'aborted', cursor: { offset: 3 } } });
    expect(sinkCloses).toBe(1);
    expect(connectorCloses).toBe(1);
    expect(timers.active).toBe(0);
    expect(logger.lines.map((l) => l.msg)).toContain('scheduler stopped');

    expect(scheduler.stop()).toBe(scheduler.stop());
    expect(() => scheduler.start()).toThrow(expect.objectContaining({ code: 'SCHEDULER_STOPPED' }));
    await expect(scheduler.runNow('polite')).rejects.toMatchObject({ code: 'SCHEDULER_STOPPED' });
    await expect(createScheduler({ jobs: [{ name: 'x', connector: polite.connector, sink: shared, intervalMs: 1 }] }).runNow('y')).rejects.toMatchObject({ code: 'UNKNOWN_JOB' });
    never.resolve();
  });

  it('with handleSignals, installs SIGTERM/SIGINT handlers on start that stop it, and removes them', async () => {
    const before = { term: process.listenerCount('SIGTERM'), int: process.listenerCount('SIGINT') };
    const sink = createMemorySink();
    const scheduler = createScheduler({ timers: manualTimers(), handleSignals: true, jobs: [{ name: 'j', connector: createPagedSource({ total: 1, pageSize: 1 }).connector, sink, intervalMs: 1000 }] });
    scheduler.start();
    expect(process.listenerCount('SIGTERM')).toBe(before.term + 1);
    expect(process.listenerCount('SIGINT')).toBe(before.int + 1);

    process.emit('SIGINT', 'SIGINT');
    await vi.waitFor(() => expect(scheduler.status().state).toBe('stopped'));
    expect(sink.closed).toBe(true);
    expect(process.listenerCount('SIGTERM')).toBe(before.term);
    expect(process.listenerCount('SIGINT')).toBe(before.int);
  });
});
