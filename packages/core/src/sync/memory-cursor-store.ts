import type { Cursor } from '../connector/types';
import type { CursorStore } from './types';

/** A {@link CursorStore} kept in memory, with a read-only view of what it holds (for tests and demos). */
export interface MemoryCursorStore extends CursorStore {
  /** A copy of every stored cursor, by stream. */
  snapshot(): Record<string, Cursor>;
}

/**
 * Cursors in a `Map`, copied on the way in and out so a caller mutating a cursor object cannot
 * change what was "persisted". Lost when the process ends: use {@link createFileCursorStore} to resume
 * across restarts.
 */
export function createMemoryCursorStore(initial: Record<string, Cursor> = {}): MemoryCursorStore {
  const cursors = new Map<string, Cursor>(Object.entries(initial).map(([stream, cursor]) => [stream, copy(cursor)]));
  return {
    async load(stream) {
      const cursor = cursors.get(stream);
      return cursor === undefined ? undefined : copy(cursor);
    },
    async save(stream, cursor) {
      cursors.set(stream, copy(cursor));
    },
    snapshot() {
      return Object.fromEntries([...cursors].map(([stream, cursor]) => [stream, copy(cursor)]));
    },
  };
}

function copy(cursor: Cursor): Cursor {
  return JSON.parse(JSON.stringify(cursor)) as Cursor;
}
