import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Cursor } from '../connector/types';
import { isReconError, ReconError } from '../errors';
import { fsyncDir, tempPathFor, writeAll } from './durable-fs';
import { decodeLine, encodeBatch, scanLines } from './json-lines-format';
import type { SinkBatch } from './types';

/** What the journal knows about one stream's lines, by byte offset. */
interface StreamTally {
  /** Cursor of the last `state` line. */
  cursor?: Cursor;
  /** End of the last `state` line: everything of this stream before it is committed. */
  lastStateEnd?: number;
  /** Start of the first line after the last `state` line (uncommitted lines), if any. */
  pendingFrom?: number;
  /** End of this stream's last line. */
  lastEnd: number;
}

/**
 * One JSON-lines file with the bookkeeping that makes it exactly-once: which lines are committed
 * (followed by a `state` line of their stream), where each stream's uncommitted lines start, and
 * each stream's last cursor. Operations are serialised; one process may own a file at a time.
 */
export interface Journal {
  readonly path: string;
  cursor(stream: string): Cursor | undefined;
  /** Append a batch in one write, then fsync: its lines and its state line become durable together. */
  append(batch: SinkBatch): Promise<void>;
  /** Remove the stream's uncommitted lines (a new run re-reads them from the last cursor). */
  discardUncommitted(stream: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open (creating if needed) and repair a journal: a torn last line is cut off, then every stream's
 * uncommitted lines are removed, so the file holds only committed lines when the first write lands.
 */
export async function openJournal(path: string, options: { fsync: boolean }): Promise<Journal> {
  await mkdir(dirname(path), { recursive: true });
  let tallies = new Map<string, StreamTally>();
  let size = 0;
  let handle: FileHandle | undefined;
  let broken: unknown;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => {
      if (broken !== undefined) throw failed(path, 'an earlier write could not be rolled back; reopen the sink to repair the file', broken);
      if (!handle) throw new ReconError(`[recon:sync] ${path} is closed`, { code: 'SINK_CLOSED', kind: 'internal' });
      return task();
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const sync = async (h: FileHandle) => {
    if (options.fsync) await h.datasync();
  };

  /** Rebuild tallies from the file; `size` becomes the end of its complete lines. */
  const scan = async () => {
    tallies = new Map();
    const result = (await scanLines(path, (bytes, start, end) => {
      const line = decodeLine(bytes, path, start);
      const tally = tallies.get(line.stream) ?? { lastEnd: 0 };
      tallies.set(line.stream, tally);
      tally.lastEnd = end;
      if (line.type === 'state') {
        tally.cursor = line.cursor;
        tally.lastStateEnd = end;
        delete tally.pendingFrom;
      } else {
        tally.pendingFrom ??= start;
      }
    })) ?? { size: 0, completeEnd: 0 };
    size = result.completeEnd;
    return result;
  };

  const removeUncommitted = async (streams: string[]) => {
    const targets = new Map<string, number>();
    for (const stream of streams) {
      const from = tallies.get(stream)?.pendingFrom;
      if (from !== undefined) targets.set(stream, from);
    }
    if (!targets.size) return;
    const cut = Math.min(...targets.values());
    // Cheap path: everything after `cut` is uncommitted and belongs to a target stream (always the
    // case for a one-stream file), so cutting the file there removes exactly those lines.
    const isSuffix = [...tallies].every(([stream, t]) => (targets.has(stream) ? (t.lastStateEnd ?? 0) : t.lastEnd) <= cut);
    if (isSuffix) {
      const h = handle as FileHandle;
      await h.truncate(cut);
      await sync(h);
    } else {
      await rewriteWithout(targets);
    }
    await scan();
  };

  /**
   * Copy the file minus the targets' uncommitted lines, then swap it in atomically (temp file,
   * fsync, rename). Only needed when several streams share a file and their lines interleave.
   */
  const rewriteWithout = async (pendingFrom: Map<string, number>) => {
    const temp = tempPathFor(path);
    const out = await open(temp, 'w');
    try {
      let kept: Buffer[] = [];
      let keptBytes = 0;
      await scanLines(path, async (bytes, start) => {
        const { stream } = decodeLine(bytes, path, start);
        if (start >= (pendingFrom.get(stream) ?? Infinity)) return;
        kept.push(Buffer.from(bytes), NEWLINE);
        keptBytes += bytes.length + 1;
        if (keptBytes >= 1 << 20) {
          await writeAll(out, Buffer.concat(kept));
          kept = [];
          keptBytes = 0;
        }
      });
      await writeAll(out, Buffer.concat(kept));
      await out.sync();
      await out.close();
    } catch (error) {
      await out.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
    await handle?.close();
    try {
      await rename(temp, path);
      await fsyncDir(dirname(path));
    } finally {
      // On success this is the new file; if the rename failed, the old one, still intact.
      handle = await open(path, 'a');
    }
  };

  // Open: create if missing (and make the new entry durable), cut a torn tail, drop uncommitted lines.
  const scanned = await scan();
  handle = await open(path, 'a');
  if (scanned.size === 0) await fsyncDir(dirname(path));
  if (scanned.completeEnd < scanned.size) {
    await handle.truncate(scanned.completeEnd);
    await sync(handle);
  }
  await removeUncommitted([...tallies.keys()]);

  return {
    path,
    cursor: (stream) => tallies.get(stream)?.cursor,
    append: (batch) =>
      serial(async () => {
        const h = handle as FileHandle;
        const bytes = Buffer.from(encodeBatch(batch), 'utf8');
        if (!bytes.length) return;
        const start = size;
        try {
          await writeAll(h, bytes);
          await sync(h);
        } catch (error) {
          // Leave no half batch behind; if even that fails, refuse further writes until reopened.
          await h.truncate(start).catch((truncateError: unknown) => (broken = truncateError));
          throw failed(path, 'write failed', error);
        }
        size = start + bytes.length;
        const tally = tallies.get(batch.stream) ?? { lastEnd: 0 };
        tallies.set(batch.stream, tally);
        if (batch.records.length || batch.invalid.length) tally.pendingFrom ??= start;
        if (batch.cursor !== undefined) {
          tally.cursor = JSON.parse(JSON.stringify(batch.cursor)) as Cursor;
          tally.lastStateEnd = size;
          delete tally.pendingFrom;
        }
        tally.lastEnd = size;
      }),
    discardUncommitted: (stream) => serial(() => removeUncommitted([stream])),
    close: async () => {
      await queue;
      const h = handle;
      handle = undefined;
      await h?.close();
    },
  };
}

const NEWLINE = Buffer.from('\n');

function failed(path: string, why: string, cause: unknown): ReconError {
  if (isReconError(cause)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ReconError(`[recon:sync] ${path}: ${why}: ${message}`, { code: 'SINK_WRITE_FAILED', kind: 'internal', cause, details: { path } });
}
