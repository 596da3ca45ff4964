import { readFile } from 'node:fs/promises';
import type { Cursor } from '../connector/types';
import { ReconError } from '../errors';
import { writeFileAtomic } from './durable-fs';
import type { CursorStore } from './types';

/**
 * The cursor file: `{ "version": 1, "cursors": { "<stream>": <cursor>, ... } }`, pretty-printed
 * so an operator can read (or, with the process stopped, edit) it.
 */
interface CursorFile {
  version: 1;
  cursors: Record<string, Cursor>;
}

/**
 * A {@link CursorStore} in one JSON file. Every `save` replaces the file atomically (temp file,
 * fsync, rename, fsync of the directory), so a crash leaves either the previous cursors or the new
 * ones, never a torn file. Saves from concurrent runs are serialised. One process should own the
 * file: the store reads it once and keeps it in memory afterwards.
 */
export function createFileCursorStore(path: string): CursorStore {
  let cursors: Promise<Map<string, Cursor>> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  // A failed read is not cached: the next call tries again (the file may have been fixed).
  const loaded = () =>
    (cursors ??= readCursorFile(path).catch((error: unknown) => {
      cursors = undefined;
      throw error;
    }));

  return {
    async load(stream) {
      const cursor = (await loaded()).get(stream);
      return cursor === undefined ? undefined : copy(cursor);
    },
    save(stream, cursor) {
      const value = copy(cursor);
      const next = queue.then(async () => {
        const map = await loaded();
        const file: CursorFile = { version: 1, cursors: Object.fromEntries(new Map(map).set(stream, value)) };
        await writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
        // Only after the file is durable does memory agree with it, so a failed save changes nothing.
        map.set(stream, value);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

async function readCursorFile(path: string): Promise<Map<string, Cursor>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw corrupt(path, 'it is not valid JSON', cause);
  }
  if (!isCursorFile(parsed)) throw corrupt(path, 'expected { "version": 1, "cursors": { ... } }');
  return new Map(Object.entries(parsed.cursors));
}

function isCursorFile(value: unknown): value is CursorFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<CursorFile>;
  return file.version === 1 && typeof file.cursors === 'object' && file.cursors !== null && !Array.isArray(file.cursors);
}

function corrupt(path: string, why: string, cause?: unknown): ReconError {
  return new ReconError(`[recon:sync] Cursor file ${path} is unreadable: ${why}`, { code: 'CURSOR_STORE_CORRUPT', kind: 'internal', cause, details: { path } });
}

function copy(cursor: Cursor): Cursor {
  return JSON.parse(JSON.stringify(cursor)) as Cursor;
}
