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

/** A hook installed until {@link EnginePhaseRecorder.stop}: keeps the breakdown of the last run. */
export interface EnginePhaseRecorder {
  /** Phases of the most recent run, in first-seen order. */
  lastRun(): EnginePhase[];
  /**
   * The `join` phase of the most recent run per link, in the config's link order: the engine
   * ends each link with an `order` mark, so the joins between two of them are one link's (a link
   * without a key pass has zeros). The run's last `order` mark (all links' outcomes in one list)
   * adds one more entry, also zero.
   */
  lastRunJoinByLink(): EnginePhase[];
  stop(): void;
}

/** Install the hook. Each `start` mark (a new `reconcile` call) resets the breakdown. */
export function recordEnginePhases(): EnginePhaseRecorder {
  let phases = new Map<string, EnginePhase>();
  let joins: EnginePhase[] = [];
  let linkJoin: EnginePhase = { name: 'join', seconds: 0, cpuSeconds: 0 };
  let wall = 0;
  let cpu = process.cpuUsage();
  const hook = (phase: string): void => {
    const nowWall = performance.now();
    const nowCpu = process.cpuUsage();
    if (phase === 'start') {
      phases = new Map();
      joins = [];
      linkJoin = { name: 'join', seconds: 0, cpuSeconds: 0 };
    } else {
      if (phase === 'join') {
        linkJoin.seconds += (nowWall - wall) / 1000;
        linkJoin.cpuSeconds += (nowCpu.user - cpu.user + nowCpu.system - cpu.system) / 1e6;
      } else if (phase === 'order') {
        joins.push(linkJoin);
        linkJoin = { name: 'join', seconds: 0, cpuSeconds: 0 };
      }
      let p = phases.get(phase);
      if (!p) {
        p = { name: phase, seconds: 0, cpuSeconds: 0 };
        phases.set(phase, p);
      }
      p.seconds += (nowWall - wall) / 1000;
      p.cpuSeconds += (nowCpu.user - cpu.user + nowCpu.system - cpu.system) / 1e6;
    }
    wall = nowWall;
    cpu = nowCpu;
  };
  const g = globalThis as { [PHASE_MARKS]?: (phase: string) => void };
  g[PHASE_MARKS] = hook;
  return {
    lastRun: () => [...phases.values()],
    lastRunJoinByLink: () => [...joins],
    stop: () => {
      if (g[PHASE_MARKS] === hook) delete g[PHASE_MARKS];
    },
  };
}
