/**
 * Per-phase time of the engine's runs, through its internal timing hook (a function installed on
 * `globalThis` under a registered symbol; the engine calls it at each phase's end and reads no
 * clock itself). The symbol's description must match `match/engine/phase-marks.ts`.
 */
const PHASE_MARKS = Symbol.for('@recon/core/match/phase-marks');

/** Wall and CPU seconds of one engine phase, summed over its occurrences in one run. */
export interface EnginePhase {
  name: string;
  seconds: number;
  cpuSeconds: number;
}

/** The breakdown of one `reconcile` call. */
export interface EngineRun {
  /** Phases in first-seen order. */
  phases: EnginePhase[];
  /**
   * The `join` phase per link, in the config's link order: the engine ends each link with an
   * `order` mark, so the joins between two of them are one link's (a link without a key pass has
   * zeros). The run's last `order` mark (all links' outcomes in one list) adds one more entry,
   * also zero.
   */
  joinByLink: EnginePhase[];
}

/** A hook installed until {@link EnginePhaseRecorder.stop}: keeps the breakdown of every run. */
export interface EnginePhaseRecorder {
  /** Every run since the hook was installed, oldest first. */
  runs(): EngineRun[];
  /** The most recent run (none: empty lists). */
  lastRun(): EngineRun;
  /**
   * The run whose `join` phase took the least CPU: what the comparison with pandas reads, since
   * the pandas script reports its fastest merges too.
   */
  fastestJoinRun(): EngineRun;
  stop(): void;
}

const zero = (name: string): EnginePhase => ({ name, seconds: 0, cpuSeconds: 0 });
const joinCpu = (run: EngineRun) => run.phases.find((p) => p.name === 'join')?.cpuSeconds ?? Number.POSITIVE_INFINITY;

/** Install the hook. Each `start` mark (a new `reconcile` call) opens a new run. */
export function recordEnginePhases(): EnginePhaseRecorder {
  const runs: EngineRun[] = [];
  let phases = new Map<string, EnginePhase>();
  let joins: EnginePhase[] = [];
  let linkJoin = zero('join');
  let wall = 0;
  let cpu = process.cpuUsage();
  const hook = (phase: string): void => {
    const nowWall = performance.now();
    const nowCpu = process.cpuUsage();
    const seconds = (nowWall - wall) / 1000;
    const cpuSeconds = (nowCpu.user - cpu.user + nowCpu.system - cpu.system) / 1e6;
    if (phase === 'start') {
      phases = new Map();
      joins = [];
      linkJoin = zero('join');
      runs.push({ phases: [], joinByLink: joins });
    } else {
      if (phase === 'join') {
        linkJoin.seconds += seconds;
        linkJoin.cpuSeconds += cpuSeconds;
      } else if (phase === 'order') {
        joins.push(linkJoin);
        linkJoin = zero('join');
      }
      let p = phases.get(phase);
      if (!p) {
        p = zero(phase);
        phases.set(phase, p);
        runs.at(-1)?.phases.push(p);
      }
      p.seconds += seconds;
      p.cpuSeconds += cpuSeconds;
    }
    wall = nowWall;
    cpu = nowCpu;
  };
  const g = globalThis as { [PHASE_MARKS]?: (phase: string) => void };
  g[PHASE_MARKS] = hook;
  const empty = (): EngineRun => ({ phases: [], joinByLink: [] });
  return {
    runs: () => [...runs],
    lastRun: () => runs.at(-1) ?? empty(),
    fastestJoinRun: () => runs.reduce<EngineRun | undefined>((best, run) => (best === undefined || joinCpu(run) < joinCpu(best) ? run : best), undefined) ?? empty(),
    stop: () => {
      if (g[PHASE_MARKS] === hook) delete g[PHASE_MARKS];
    },
  };
}
