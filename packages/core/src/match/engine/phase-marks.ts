/**
 * Internal timing hook for the benchmark (not exported from the package): when a function is
 * installed under {@link PHASE_MARKS}, the engine calls it at the end of each phase of a run with
 * the phase's name, meaning "the time since the previous mark was spent in this phase"; `start`
 * opens a run. The caller owns the clocks (wall, CPU), so the engine reads none: without a hook
 * a mark costs one global property read, a few dozen times per run.
 */
export const PHASE_MARKS = Symbol.for('@recon/core/match/phase-marks');

/** A phase's end, as the benchmark records it. */
export type PhaseMarkFn = (phase: string) => void;

/** Record the end of `phase` if a hook is installed. */
export function markPhase(phase: string): void {
  const hook = (globalThis as { [PHASE_MARKS]?: PhaseMarkFn })[PHASE_MARKS];
  if (hook !== undefined) hook(phase);
}
