import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ReconError, writeFileAtomic } from '@recon/core';
import { isLedgerDocument } from './validate';
import type { LedgerStore } from './types';

/**
 * The file-backed ledger: one pretty-printed JSON document (an operator can read it). Every save
 * replaces the file atomically (temp file in the same folder, fsync, rename, fsync of the folder),
 * so a crash leaves the previous ledger or the new one, never a torn file. `lock()` takes
 * `<path>.lock` (pid inside); a lock left by a process that no longer runs is taken over.
 */
export function createFileLedgerStore(path: string): LedgerStore {
  const lockPath = `${path}.lock`;
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        throw corrupt(path, 'it is not valid JSON', cause);
      }
      if (!isLedgerDocument(parsed)) throw corrupt(path, 'expected { "version": 1, "entries": [ ... ] } with well-formed entries');
      return parsed;
    },
    async save(document) {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, JSON.stringify(document, null, 1) + '\n');
    },
    async lock() {
      await mkdir(dirname(path), { recursive: true });
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const handle = await open(lockPath, 'wx');
          await handle.writeFile(`${process.pid}\n`);
          await handle.close();
          return async () => {
            await rm(lockPath, { force: true });
          };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
          if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) {
            throw new ReconError(`[recon:sftp] the ledger ${path} is in use by process ${holder}${holder === process.pid ? ' (this one: another read of the same ledger is still going)' : ''}`, {
              code: 'SFTP_LEDGER_LOCKED',
              kind: 'config',
              retryable: true,
              details: { path, holder },
            });
          }
          // Stale: its process is gone (crash, kill -9). Remove and try once more.
          await rm(lockPath, { force: true });
        }
      }
      throw new ReconError(`[recon:sftp] could not take the ledger lock ${lockPath}`, { code: 'SFTP_LEDGER_LOCKED', kind: 'config', retryable: true, details: { path } });
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function corrupt(path: string, why: string, cause?: unknown): ReconError {
  return new ReconError(`[recon:sftp] the ledger ${path} is unreadable: ${why}. It is not replaced automatically: without it every file would be processed again.`, {
    code: 'SFTP_LEDGER_CORRUPT',
    kind: 'config',
    retryable: false,
    cause,
    details: { path },
  });
}

