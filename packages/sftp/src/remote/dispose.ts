import type { Disposition, LedgerEntry } from '../ledger/types';
import type { Connection } from '../transport/connection';
import type { SftpSession } from '../transport/session';
import { joinRemote } from './list-files';

/** Where processed and failed files go. */
export interface DisposePlan {
  afterProcessing: 'leave' | 'archive' | 'delete';
  archiveDir?: string;
  quarantineDir?: string;
}

/** The step a file gets after its checkpoint: failed files go to quarantine (when set), the others as configured. */
export function plannedDisposition(outcome: LedgerEntry['outcome'], location: string, plan: DisposePlan): Disposition {
  if (outcome === 'failed') return plan.quarantineDir ? { action: 'quarantine', done: false, location } : { action: 'leave', done: true, location };
  return plan.afterProcessing === 'leave' ? { action: 'leave', done: true, location } : { action: plan.afterProcessing, done: false, location };
}

/**
 * Carries out after-processing steps on the server. Moves never overwrite: when the target name
 * is taken, the file keeps its name plus a short content hash. Every step is safe to repeat
 * after a crash: a file that is already at its target (or already deleted) counts as done.
 */
export function createDisposer(connection: Connection, plan: DisposePlan) {
  const ensured = new Set<string>();

  const ensureDir = async (dir: string) => {
    if (ensured.has(dir)) return;
    await connection.run('mkdir', dir, async (s) => {
      if (!(await s.exists(dir))) await s.mkdirp(dir);
    });
    ensured.add(dir);
  };

  const move = async (entry: LedgerEntry, from: string, dir: string): Promise<string | undefined> => {
    await ensureDir(dir);
    const plain = joinRemote(dir, entry.name);
    return connection.run('rename', from, async (s) => {
      const candidates = [plain, `${plain}.${entry.sha256.slice(0, 12)}`, `${plain}.${entry.sha256.slice(0, 12)}.${entry.seq}`];
      if (!(await isSameFile(s, from, entry))) {
        // Moved before a crash (or removed by someone else): find it, or accept that it is gone.
        for (const candidate of candidates) if (await s.exists(candidate)) return candidate;
        return undefined;
      }
      for (const candidate of candidates) {
        if (await s.exists(candidate)) continue;
        await s.rename(from, candidate);
        return candidate;
      }
      throw new Error(`every archive name for ${entry.name} in ${dir} is taken`);
    });
  };

  /** Carry out `entry`'s pending step; resolves with its new disposition. Throws a ReconError when the step fails. */
  return async function dispose(entry: LedgerEntry): Promise<Disposition> {
    const d = entry.disposition;
    if (d.done) return d;
    const from = d.location;
    if (from === undefined) return { action: d.action, done: true };
    switch (d.action) {
      case 'leave':
        return { ...d, done: true };
      case 'delete':
        await connection.run('delete', from, async (s) => {
          // Only the file that was processed: a new upload under the same name is left alone.
          if (await isSameFile(s, from, entry)) await s.delete(from);
        });
        return { action: 'delete', done: true };
      case 'archive':
      case 'quarantine': {
        const dir = d.action === 'archive' ? plan.archiveDir : plan.quarantineDir;
        if (!dir) return { ...d, done: true };
        const to = await move(entry, from, dir);
        return { action: d.action, done: true, ...(to !== undefined && { location: to }) };
      }
    }
  };
}

/** Is the file at `path` still the one the entry describes (same size and mtime)? False when absent. */
async function isSameFile(session: SftpSession, path: string, entry: LedgerEntry): Promise<boolean> {
  if (!(await session.exists(path))) return false;
  const stats = await session.stat(path);
  return stats.size === entry.size && stats.mtimeMs === entry.mtimeMs;
}
