import { readFile, rm } from 'node:fs/promises';
import { isReconError, NetworkError, type Logger, type ReconError } from '@recon/core';
import type { RemoteFile, SftpEvent } from '../events';
import type { FileParser, ParseContext, ParsedFile } from '../parse/types';
import { downloadToTemp, type Downloaded } from '../remote/download';
import type { Connection } from '../transport/connection';
import { withDeadline } from '../transport/deadline';

/** How fetching one file ended. */
export type FetchResult =
  /** The file changed or vanished since it was listed: left for a later read, nothing recorded. */
  | { kind: 'unstable'; file: RemoteFile; reason: string }
  /** The file could not be read (permission denied): nothing recorded, reported at the end of the read. */
  | { kind: 'unreadable'; file: RemoteFile; error: ReconError }
  | { kind: 'parsed'; file: RemoteFile; sha256: string; parsed: ParsedFile }
  /** Downloaded completely but not parseable (or too large): recorded as failed. `content` is the file, when small enough to keep. */
  | { kind: 'failed'; file: RemoteFile; sha256: string; reason: string; content?: Buffer };

/** What fetching needs from the read. */
export interface FetchContext {
  connection: Connection;
  tempDir: string;
  idleTimeoutMs: number;
  maxFileBytes: number;
  parser: FileParser;
  parseContext: ParseContext;
  emit: (event: SftpEvent) => Promise<void>;
  scrub: (text: string) => string;
  logger: Logger;
  signal?: AbortSignal;
}

/** Content kept in a failed file's invalid message up to this size (the file itself stays on the server). */
const MAX_RAW_CONTENT = 1024 * 1024;

/**
 * Download one file completely (retried on a fresh connection when it drops), check it is still
 * the file that was listed, then parse it. The temp file is removed whatever happens. Failures
 * that concern only this file come back as a result; a failure of the connection itself
 * (retries exhausted, auth) is thrown and ends the read.
 */
export async function fetchFile(file: RemoteFile, ctx: FetchContext): Promise<FetchResult> {
  let fetched: { complete: Downloaded } | { changed: string };
  try {
    fetched = await ctx.connection.run(
      'download',
      file.path,
      async (session) => {
        const result = await downloadToTemp(session, file, {
          tempDir: ctx.tempDir,
          idleTimeoutMs: ctx.idleTimeoutMs,
          onProgress: (bytes) => ctx.emit({ type: 'download-progress', file, bytes }),
          ...(ctx.signal && { signal: ctx.signal }),
        });
        try {
          // Still the listed file? An upload that went on during the download moved size or mtime.
          // (Timed here: the transfer as a whole is not, and a hung server never answers a stat.)
          const after = await withDeadline(session.stat(file.path), ctx.idleTimeoutMs, () => new NetworkError(`[recon:sftp] timed out: stat ${file.path}`, { code: 'SFTP_TIMEOUT', kind: 'timeout', connector: 'sftp' }));
          if (after.size === file.size && after.mtimeMs === file.mtimeMs && result.bytes === file.size) return { complete: result };
          await rm(result.tempPath, { force: true });
          return { changed: `it changed while downloading (listed ${file.size} bytes, read ${result.bytes}, now ${after.size})` };
        } catch (error) {
          await rm(result.tempPath, { force: true });
          throw error;
        }
      },
      // The transfer keeps its own idle clock: a big file may take long while data keeps coming.
      { untimed: true },
    );
  } catch (error) {
    if (isReconError(error) && error.code === 'SFTP_NOT_FOUND') return { kind: 'unstable', file, reason: 'it disappeared before it could be downloaded' };
    if (isReconError(error) && error.code === 'SFTP_PERMISSION_DENIED') return { kind: 'unreadable', file, error };
    throw error;
  }
  if ('changed' in fetched) return { kind: 'unstable', file, reason: fetched.changed };

  const { tempPath, sha256, bytes } = fetched.complete;
  try {
    if (bytes > ctx.maxFileBytes) return { kind: 'failed', file, sha256, reason: `it is ${bytes} bytes, more than maxFileBytes (${ctx.maxFileBytes}); raise the limit to process it` };
    const content = await readFile(tempPath);
    let parsed: ParsedFile;
    try {
      parsed = await ctx.parser({ name: file.name, remotePath: file.path, bytes: content, sha256, mtime: new Date(file.mtimeMs) }, ctx.parseContext);
    } catch (error) {
      return { kind: 'failed', file, sha256, reason: reasonOf(error, ctx.scrub), ...(content.length <= MAX_RAW_CONTENT && { content }) };
    }
    if (!isParsedFile(parsed)) return { kind: 'failed', file, sha256, reason: 'the parser returned something other than { transactions, invalid, warnings }', ...(content.length <= MAX_RAW_CONTENT && { content }) };
    for (const warning of parsed.warnings) ctx.logger.warn({ file: file.name, warning: ctx.scrub(warning) }, 'sftp: parser warning');
    return { kind: 'parsed', file, sha256, parsed };
  } finally {
    await rm(tempPath, { force: true });
  }
}

function isParsedFile(value: unknown): value is ParsedFile {
  const v = value as Partial<ParsedFile> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.transactions) && Array.isArray(v.invalid) && Array.isArray(v.warnings);
}

function reasonOf(error: unknown, scrub: (text: string) => string): string {
  const text = scrub(error instanceof Error ? error.message : String(error));
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text || 'the parser failed without a message';
}
