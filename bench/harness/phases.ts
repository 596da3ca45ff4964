/** Wall time and memory of one benchmark phase. */
export interface PhaseRecord {
  name: string;
  seconds: number;
  /**
   * CPU time of the whole process (user + system, all threads) during the phase. On a shared
   * machine wall time includes waiting for a CPU; CPU time does not, so it is the steadier figure.
   */
  cpuSeconds: number;
  /** V8 heap in use at the end of the phase. */
  heapMB: number;
  /** Resident set size at the end of the phase. */
  rssMB: number;
  /** Peak RSS of the process so far (`process.resourceUsage().maxRSS`): it never goes down. */
  peakRssMB: number;
  /** When the phase started and ended (`performance.now()` ms); absent for phases timed elsewhere. */
  startedAt?: number;
  endedAt?: number;
  /** Full V8 collections that started during the phase (filled in by the benchmark when it reports). */
  majorGcs?: number;
}

const MB = 1024 * 1024;

/** Runs phases one after another and records each one's wall time and memory. */
export interface PhaseLog {
  readonly phases: readonly PhaseRecord[];
  run<T>(name: string, fn: () => T): T;
  /**
   * Runs `fn` `times` times, one row each (`name #k`), and returns the last value. Each earlier
   * value is dropped before the next run starts, so results never stack up in memory and every
   * row's peak RSS is that of one run. `before` runs (and is awaited) ahead of each run, outside
   * its timing.
   */
  repeat<T>(name: string, times: number, fn: () => T, before?: () => void | Promise<void>): Promise<T>;
  /** Records a phase timed elsewhere (e.g. inside the Python process). */
  add(name: string, seconds: number, extra?: { cpuSeconds?: number; peakRssMB?: number }): void;
}

/** A new, empty {@link PhaseLog}. */
export function createPhaseLog(): PhaseLog {
  const phases: PhaseRecord[] = [];
  const snapshot = (name: string, startedAt: number, endedAt: number, cpu: NodeJS.CpuUsage): PhaseRecord => {
    const memory = process.memoryUsage();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const seconds = (endedAt - startedAt) / 1000;
    return { name, seconds, cpuSeconds, heapMB: memory.heapUsed / MB, rssMB: memory.rss / MB, peakRssMB: process.resourceUsage().maxRSS / 1024, startedAt, endedAt };
  };
  const run = <T>(name: string, fn: () => T): T => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = fn();
    const ended = performance.now();
    phases.push(snapshot(name, started, ended, process.cpuUsage(cpu)));
    return value;
  };
  return {
    phases,
    run,
    async repeat(name, times, fn, before) {
      const label = (k: number) => (times === 1 ? name : `${name} #${k}`);
      for (let k = 1; k < times; k++) {
        await before?.();
        run(label(k), () => void fn());
      }
      await before?.();
      return run(label(times), fn);
    },
    add(name, seconds, extra = {}) {
      phases.push({ name, seconds, cpuSeconds: extra.cpuSeconds ?? Number.NaN, heapMB: Number.NaN, rssMB: Number.NaN, peakRssMB: extra.peakRssMB ?? Number.NaN });
    },
  };
}
