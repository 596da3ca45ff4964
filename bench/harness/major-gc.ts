import { constants, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Full (mark-compact) collections of the V8 heap, by start time. Why the benchmark counts them: at
 * a million orders the caller's input records are a ~1 GB heap, and when the engine's own
 * allocations push the old generation over V8's limit, V8 marks that whole heap during the run.
 * The marking runs on a background thread whose CPU time is this process's CPU time, so such a
 * run is 0.6–2 s slower for reasons that are not the engine's code. Every phase row says how
 * many it contained.
 */
export interface MajorGcWatch {
  /** Full collections that started in [from, to] (`performance.now()` ms). Call {@link flush} first. */
  countBetween(from: number, to: number): number;
  /** Waits until the observer has been handed every entry so far (they arrive asynchronously). */
  flush(): Promise<void>;
  stop(): void;
}

/** Starts watching full collections. */
export function watchMajorGcs(): MajorGcWatch {
  const starts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) starts.push(entry.startTime);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    countBetween: (from, to) => starts.filter((t) => t >= from && t <= to).length,
    flush: () => new Promise((resolve) => setTimeout(resolve, 20)),
    stop: () => observer.disconnect(),
  };
}

let collect: (() => void) | undefined;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A full collection (`global.gc`, exposed on demand) and then a turn of the event loop, so that
 * a timed run starts from a heap whose garbage and marking debt from earlier phases (generating
 * the dataset, an earlier run's dropped result) are paid: `--settle-heap`. The turn lets
 * finalizers run: the engine reserves its first slab outside V8's external-memory accounting only
 * when the previous run's slab is known to be collected (see `ScratchPool`), which a finalizer
 * reports. The input records stay; only work left over is moved out of the timed run.
 */
export async function settleHeap(): Promise<void> {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  await nextTask();
  collect();
  await nextTask();
  await nextTask();
}
