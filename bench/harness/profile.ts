import { Session } from 'node:inspector/promises';

/** The parts of a V8 CPU profile the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function or file, in milliseconds. */
export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

/** Where the time of a profiled call went. */
export interface ProfileSummary {
  totalMs: number;
  /** Self time per source file (engine files by their path under `src/`), GC and runtime apart. */
  byFile: ProfileRow[];
  /** The functions with the most self time. */
  byFunction: ProfileRow[];
}

/**
 * Runs `fn` under the V8 sampling profiler (through the inspector, so only this call is profiled)
 * and returns its value with the raw profile. Profiling slows the call down: use it to see where
 * time goes, not for the timings themselves.
 */
export async function profileCall<T>(fn: () => T): Promise<{ value: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const value = fn();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    return { value, profile };
  } finally {
    session.disconnect();
  }
}

function fileOf(url: string, functionName: string): string {
  // The inspector's own native frame: time spent starting and stopping the profiler.
  if (!url && functionName === 'dispatch') return '(profiler)';
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const src = url.lastIndexOf('/src/');
  if (src >= 0) return url.slice(src + 5);
  if (url.includes('/bench/')) return url.slice(url.indexOf('/bench/') + 1);
  return url.startsWith('node:') ? 'node internals' : url.split('/').slice(-2).join('/');
}

/** Adds up self time per file and per function. */
export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fileMs = new Map<string, number>();
  const fnMs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[k] ?? 0) / 1000;
    if (!node || ms <= 0) return;
    total += ms;
    const { functionName, url } = node.callFrame;
    const file = fileOf(url, functionName);
    fileMs.set(file, (fileMs.get(file) ?? 0) + ms);
    // No line numbers: under tsx they point into transpiled code, not the source.
    const fn = url ? `${functionName || '(anonymous)'} (${file})` : file === '(profiler)' ? file : functionName || '(native)';
    fnMs.set(fn, (fnMs.get(fn) ?? 0) + ms);
  });
  const rows = (m: Map<string, number>): ProfileRow[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: total === 0 ? 0 : ms / total }));
  return { totalMs: total, byFile: rows(fileMs), byFunction: rows(fnMs) };
}
