import type { Cursor } from '../connector/types';
import { ConfigError, ReconError } from '../errors';
import { childLogger, silentLogger, type Logger } from '../logging/logger';
import { runSync, type SyncSource } from './run-sync';
import type { CursorStore, Sink, SyncReport } from './types';

/** One recurring sync: a connector, where its records go, and how often. */
export interface SyncJob<C extends Cursor = Cursor> {
  /** Unique job name, used in logs, `status()` and `runNow()`. */
  name: string;
  connector: SyncSource<C> & { close?(): Promise<void> };
  sink: Sink;
  /** Stream key for cursors. Default: `connector.id`. Jobs sharing a sink need distinct streams. */
  stream?: string;
  /** Time between the starts of two runs. A run still going at the next tick makes that tick a no-op. */
  intervalMs: number;
  /** Also run right away on `start()` (default `false`: the first run is one interval later). */
  runOnStart?: boolean;
  /** Fixed bounds for a first run; use `window` for bounds that move with time. */
  from?: string;
  to?: string;
  /** Bounds computed at the start of every run (e.g. `to` = now, fixed before the read: the signpost). */
  window?: () => { from?: string; to?: string };
  /** Where cursors live when the sink has no `loadCursor`. */
  cursorStore?: CursorStore;
  maxBufferedRecords?: number;
}

/** The timer functions the scheduler uses; inject your own to drive ticks by hand. */
export interface SchedulerTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  jobs: SyncJob[];
  logger?: Logger;
  /** Install SIGTERM/SIGINT handlers on `start()` that call `stop()`; a second signal gets Node's default (exit at once). */
  handleSignals?: boolean;
  /**
   * After n consecutive failures a job waits 2^(n-1) intervals (capped at `maxIntervals`, default 8)
   * before its next attempt, so a bank that is down is not hammered. `false` retries every interval.
   */
  backoff?: false | { maxIntervals?: number };
  /** Default: the global `setInterval` / `clearInterval`. */
  timers?: SchedulerTimers;
}

/** Counters and last outcome of one job. */
export interface JobStatus {
  name: string;
  stream: string;
  intervalMs: number;
  running: boolean;
  runs: number;
  successes: number;
  failures: number;
  aborted: number;
  consecutiveFailures: number;
  /** Ticks skipped because the previous run was still going. */
  skippedOverlap: number;
  /** Ticks skipped while backing off after failures. */
  skippedBackoff: number;
  lastReport?: SyncReport;
  lastError?: ReconError;
  lastSuccessAt?: string;
}

/** Lifecycle of a scheduler: `created` → `started` → `stopping` → `stopped` (no restart). */
export type SchedulerState = 'created' | 'started' | 'stopping' | 'stopped';

/** What `status()` returns: copies, safe to keep. */
export interface SchedulerStatus {
  state: SchedulerState;
  jobs: JobStatus[];
}

/** Runs sync jobs on intervals until stopped. */
export interface Scheduler {
  /** Start every job's interval (idempotent). Throws once the scheduler has been stopped. */
  start(): void;
  /**
   * Graceful shutdown: clear the intervals, abort in-flight runs and wait for them (each stops at
   * its next message, keeping everything acknowledged), then close every distinct sink and
   * connector once. Idempotent: every call returns the same promise. Never rejects.
   */
  stop(): Promise<void>;
  /** Run a job now, outside its interval; joins the in-flight run if one is going (never two at once). */
  runNow(name: string): Promise<SyncReport>;
  status(): SchedulerStatus;
}

interface JobRuntime {
  job: SyncJob;
  stream: string;
  log: Logger;
  status: JobStatus;
  timer?: unknown;
  inFlight?: Promise<SyncReport>;
  controller?: AbortController;
  backoffTicks: number;
}

/**
 * The multi-bank producer: several connectors, each on its own interval, in one process. Runs of
 * one job never overlap; one job failing never stops the others (its error is logged and counted,
 * and it backs off); `stop()` (or SIGTERM with `handleSignals`) shuts down without losing or
 * half-writing anything.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  validate(options);
  const logger = childLogger(options.logger ?? silentLogger, { component: 'scheduler' });
  const timers: SchedulerTimers = options.timers ?? { setInterval: (cb, ms) => setInterval(cb, ms), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) };
  const maxBackoff = options.backoff === false ? 1 : (options.backoff?.maxIntervals ?? 8);
  let state: SchedulerState = 'created';
  let stopping: Promise<void> | undefined;

  const jobs = new Map<string, JobRuntime>(
    options.jobs.map((job) => {
      const stream = job.stream ?? job.connector.id;
      const status: JobStatus = { name: job.name, stream, intervalMs: job.intervalMs, running: false, runs: 0, successes: 0, failures: 0, aborted: 0, consecutiveFailures: 0, skippedOverlap: 0, skippedBackoff: 0 };
      return [job.name, { job, stream, log: childLogger(logger, { job: job.name }), status, backoffTicks: 0 }];
    }),
  );

  const record = (rt: JobRuntime, report: SyncReport) => {
    const s = rt.status;
    s.runs += 1;
    s.lastReport = report;
    if (report.status !== 'failed') {
      if (report.status === 'aborted') {
        s.aborted += 1;
        return;
      }
      s.successes += 1;
      s.consecutiveFailures = 0;
      s.lastSuccessAt = report.finishedAt;
      rt.backoffTicks = 0;
    } else {
      s.failures += 1;
      s.consecutiveFailures += 1;
      s.lastError = report.error;
      const waitIntervals = Math.min(2 ** Math.min(s.consecutiveFailures - 1, 30), maxBackoff);
      rt.backoffTicks = waitIntervals - 1;
      rt.log.warn({ code: report.error.code, kind: report.error.kind, failedAt: report.failedAt, consecutiveFailures: s.consecutiveFailures, nextAttemptInIntervals: waitIntervals }, 'job failed; other jobs continue');
    }
  };

  const execute = (rt: JobRuntime): Promise<SyncReport> => {
    const controller = new AbortController();
    const { job } = rt;
    rt.controller = controller;
    rt.status.running = true;
    const run = (async (): Promise<SyncReport> => {
      let window: { from?: string; to?: string };
      try {
        window = job.window ? job.window() : { from: job.from, to: job.to };
      } catch (error) {
        return setupFailure(rt.stream, error);
      }
      return runSync({ connector: job.connector, sink: job.sink, stream: rt.stream, cursorStore: job.cursorStore, maxBufferedRecords: job.maxBufferedRecords, from: window.from, to: window.to, signal: controller.signal, logger: rt.log });
    })().then((report) => {
      rt.inFlight = undefined;
      rt.controller = undefined;
      rt.status.running = false;
      record(rt, report);
      return report;
    });
    rt.inFlight = run;
    return run;
  };

  const tick = (rt: JobRuntime) => {
    if (state !== 'started') return;
    if (rt.inFlight) {
      rt.status.skippedOverlap += 1;
      rt.log.warn({ skippedOverlap: rt.status.skippedOverlap }, 'previous run still in progress; skipping this tick');
      return;
    }
    if (rt.backoffTicks > 0) {
      rt.backoffTicks -= 1;
      rt.status.skippedBackoff += 1;
      rt.log.debug({ consecutiveFailures: rt.status.consecutiveFailures, ticksLeft: rt.backoffTicks }, 'backing off after failures; skipping this tick');
      return;
    }
    void execute(rt);
  };

  const signals = ['SIGTERM', 'SIGINT'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    removeSignalHandlers(); // a second signal now gets Node's default: exit at once
    logger.info({ signal }, `received ${signal}: stopping`);
    void stop();
  };
  let handlersInstalled = false;
  const removeSignalHandlers = () => {
    if (!handlersInstalled) return;
    handlersInstalled = false;
    for (const signal of signals) process.off(signal, onSignal);
  };

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      state = 'stopping';
      const inFlight = [...jobs.values()].filter((rt) => rt.inFlight);
      logger.info({ inFlight: inFlight.map((rt) => rt.job.name) }, 'scheduler stopping');
      for (const rt of jobs.values()) if (rt.timer !== undefined) timers.clearInterval(rt.timer);
      for (const rt of inFlight) rt.controller?.abort();
      await Promise.all(inFlight.map((rt) => rt.inFlight));
      // Jobs may share a sink or a connector: close each one once.
      const closables = new Set<{ close?(): Promise<void> }>();
      for (const { job } of jobs.values()) closables.add(job.sink).add(job.connector);
      const closed = await Promise.allSettled([...closables].map(async (c) => c.close?.()));
      for (const result of closed) if (result.status === 'rejected') logger.error({ error: describe(result.reason) }, 'close failed during stop');
      removeSignalHandlers();
      state = 'stopped';
      logger.info({}, 'scheduler stopped');
    })());

  return {
    start() {
      if (state === 'started') return;
      if (state !== 'created') throw new ReconError('[recon:sync] The scheduler was stopped; create a new one', { code: 'SCHEDULER_STOPPED', kind: 'config' });
      state = 'started';
      if (options.handleSignals) {
        handlersInstalled = true;
        for (const signal of signals) process.on(signal, onSignal);
      }
      for (const rt of jobs.values()) {
        rt.timer = timers.setInterval(() => tick(rt), rt.job.intervalMs);
        if (rt.job.runOnStart) tick(rt);
      }
      logger.info({ jobs: [...jobs.keys()] }, 'scheduler started');
    },
    stop,
    async runNow(name) {
      const rt = jobs.get(name);
      if (!rt) throw new ConfigError(`[recon:sync] Unknown job "${name}"; jobs: ${[...jobs.keys()].join(', ')}`, { code: 'UNKNOWN_JOB' });
      if (state === 'stopping' || state === 'stopped') throw new ReconError('[recon:sync] The scheduler is stopped', { code: 'SCHEDULER_STOPPED', kind: 'config' });
      return rt.inFlight ?? execute(rt);
    },
    status() {
      return { state, jobs: [...jobs.values()].map((rt) => ({ ...rt.status })) };
    },
  };
}

function validate(options: SchedulerOptions): void {
  const problems: string[] = [];
  const names = new Set<string>();
  if (!options.jobs.length) problems.push('`jobs` is empty');
  for (const [i, job] of options.jobs.entries()) {
    const at = `jobs[${i}]${job.name ? ` ("${job.name}")` : ''}`;
    if (!job.name) problems.push(`${at}: \`name\` is required`);
    else if (names.has(job.name)) problems.push(`${at}: duplicate name`);
    names.add(job.name);
    if (!Number.isFinite(job.intervalMs) || job.intervalMs <= 0) problems.push(`${at}: \`intervalMs\` must be a positive number`);
    if (job.window && (job.from !== undefined || job.to !== undefined)) problems.push(`${at}: give \`window\` or \`from\`/\`to\`, not both`);
  }
  const max = options.backoff === false ? 1 : options.backoff?.maxIntervals;
  if (max !== undefined && (!Number.isSafeInteger(max) || max < 1)) problems.push('`backoff.maxIntervals` must be a positive integer');
  if (problems.length) throw new ConfigError(`[recon:sync] Invalid scheduler options: ${problems.join('; ')}`);
}

/** A failed report for a run that could not start (its `window()` threw). */
function setupFailure(stream: string, error: unknown): SyncReport {
  const now = new Date().toISOString();
  const message = error instanceof Error ? error.message : String(error);
  return {
    stream,
    startedAt: now,
    finishedAt: now,
    records: 0,
    invalid: 0,
    batches: 0,
    checkpoints: 0,
    unacknowledged: 0,
    byStatus: {},
    status: 'failed',
    failedAt: 'setup',
    error: error instanceof ReconError ? error : new ReconError(`[recon:sync] window() threw: ${message}`, { code: 'JOB_WINDOW_FAILED', kind: 'internal', cause: error }),
  };
}

function describe(error: unknown): unknown {
  if (error instanceof ReconError) return error.toJSON();
  return error instanceof Error ? { name: error.name, message: error.message } : String(error);
}
