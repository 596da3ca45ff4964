import type { RemoteFile, SftpEvent } from '../events';
import { abortedError } from '../transport/classify-error';
import { sleep } from '../transport/backoff';

/** Result of {@link splitStable}. */
export interface StabilityResult {
  stable: RemoteFile[];
  unstable: Array<{ file: RemoteFile; reason: string }>;
}

/**
 * Keep the files whose size and mtime did not change over `intervalMs`: a file still being
 * uploaded grows (or its mtime moves) and is left for a later read. `relist` lists the folder
 * again after the wait (one listing instead of a stat per file).
 */
export async function splitStable(
  files: RemoteFile[],
  options: { intervalMs: number; relist: () => Promise<RemoteFile[]>; emit: (event: SftpEvent) => Promise<void>; signal?: AbortSignal },
): Promise<StabilityResult> {
  if (files.length === 0 || options.intervalMs === 0) return { stable: files, unstable: [] };
  await options.emit({ type: 'stability-wait', files, intervalMs: options.intervalMs });
  await sleep(options.intervalMs, options.signal, abortedError);
  const now = new Map((await options.relist()).map((f) => [f.name, f]));
  const result: StabilityResult = { stable: [], unstable: [] };
  for (const file of files) {
    const later = now.get(file.name);
    if (!later) result.unstable.push({ file, reason: 'it disappeared during the stability check' });
    else if (later.size !== file.size || later.mtimeMs !== file.mtimeMs) result.unstable.push({ file, reason: `it changed during the stability check (size ${file.size} → ${later.size}, mtime ${file.mtimeMs} → ${later.mtimeMs})` });
    else result.stable.push(file);
  }
  return result;
}
