import { join, resolve } from 'node:path';
import type { Cursor } from '../connector/types';
import { ConfigError, ReconError } from '../errors';
import { openJournal, type Journal } from './json-lines-journal';
import type { Sink } from './types';

/** Options of {@link createJsonLinesSink}: exactly one of `path` (one file for every stream) or `dir` (one file per stream). */
export type JsonLinesSinkOptions = ({ path: string; dir?: undefined } | { dir: string; path?: undefined }) & {
  /** Sink name in logs and errors. Default `json-lines`. */
  name?: string;
  /**
   * fsync after every batch (default `true`). Turning it off keeps exactly-once across process
   * crashes (the OS holds the bytes) but not across power loss or a kernel crash.
   */
  fsync?: boolean;
};

/** A {@link Sink} writing JSON lines, keeping each stream's cursor in the same file as its records. */
export interface JsonLinesSink extends Sink {
  loadCursor(stream: string): Promise<Cursor | undefined>;
  close(): Promise<void>;
  /** The file a stream's lines go to. */
  pathFor(stream: string): string;
}

/**
 * Append-only JSON-lines files that store records and their checkpoint together (format:
 * {@link JsonLine}). Each batch is one write plus fsync ending in a `state` line; on open, a torn last
 * line and any lines after a stream's last `state` line are removed, and `loadCursor` does the same
 * for its stream before answering. So after any crash, resuming from `loadCursor` yields every
 * record exactly once in the file. One process may write a file at a time.
 *
 * With `dir`, stream `sftp:kotak` goes to `<dir>/sftp%3Akotak.jsonl` (characters outside
 * `[A-Za-z0-9._-]` are percent-encoded, so any stream name is a safe file name).
 */
export function createJsonLinesSink(options: JsonLinesSinkOptions): JsonLinesSink {
  const name = options.name ?? 'json-lines';
  if ((options.path === undefined) === (options.dir === undefined)) {
    throw new ConfigError(`[recon:sync] Sink "${name}" needs exactly one of \`path\` or \`dir\``, { code: 'CONFIG_INVALID' });
  }
  const fsync = options.fsync ?? true;
  const journals = new Map<string, Promise<Journal>>();
  let closed = false;

  const pathFor = (stream: string) => (options.path !== undefined ? resolve(options.path) : join(resolve(options.dir as string), `${encodeFileName(stream)}.jsonl`));

  const journalFor = (stream: string): Promise<Journal> => {
    if (closed) return Promise.reject(new ReconError(`[recon:sync] Sink "${name}" is closed`, { code: 'SINK_CLOSED', kind: 'internal' }));
    const path = pathFor(stream);
    let journal = journals.get(path);
    if (!journal) {
      // Not cached when opening fails (e.g. a damaged file): the next call tries again.
      journal = openJournal(path, { fsync }).catch((error: unknown) => {
        journals.delete(path);
        throw error;
      });
      journals.set(path, journal);
    }
    return journal;
  };

  return {
    name,
    pathFor,
    async write(batch) {
      await (await journalFor(batch.stream)).append(batch);
    },
    async loadCursor(stream) {
      const journal = await journalFor(stream);
      // A new run starts from the last cursor: records this stream wrote after it will come again.
      await journal.discardUncommitted(stream);
      return journal.cursor(stream);
    },
    async close() {
      if (closed) return;
      closed = true;
      const opened = await Promise.allSettled(journals.values());
      await Promise.all(opened.map((j) => (j.status === 'fulfilled' ? j.value.close() : undefined)));
    },
  };
}

/** Percent-encode every character outside `[A-Za-z0-9._-]` (UTF-8 bytes): injective and safe on every OS. */
function encodeFileName(stream: string): string {
  return [...Buffer.from(stream, 'utf8')].map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
