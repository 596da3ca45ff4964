import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NetworkError } from '@recon/core';
import type { RemoteFile } from '../events';
import type { SftpSession } from '../transport/session';

/** A complete download: the temp file, its hash and length. */
export interface Downloaded {
  tempPath: string;
  sha256: string;
  bytes: number;
}

/** Options of {@link downloadToTemp}. */
export interface DownloadOptions {
  /** Folder for the `.part` file (the read's own temp folder). */
  tempDir: string;
  /** No byte for this long → the transfer is treated as a dropped connection. */
  idleTimeoutMs: number;
  /** Awaited after every chunk (backpressure). */
  onProgress: (bytes: number) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * Stream a remote file into a fresh temp file, hashing it on the way (sha256 of exactly the
 * bytes written). Resolves only when the remote stream ended cleanly and the temp file is
 * closed; on any failure (dropped connection, idle timeout, abort) the temp file is removed and
 * the error thrown, so a half-downloaded file never reaches a parser.
 */
export async function downloadToTemp(session: SftpSession, file: RemoteFile, options: DownloadOptions): Promise<Downloaded> {
  const tempPath = join(options.tempDir, `${randomBytes(8).toString('hex')}.part`);
  const hash = createHash('sha256');
  let bytes = 0;
  const source = session.readStream(file.path);

  // A hung server never answers the CLOSE that destroying an SFTP stream sends, so the pipeline
  // may never settle: failures are raced against it instead of awaited through it.
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const abandon = (error: Error) => {
    fail(error);
    if (!source.destroyed) source.destroy(error);
  };

  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abandon(new NetworkError(`[recon:sftp] no data for ${options.idleTimeoutMs} ms while downloading ${file.path}`, { code: 'SFTP_TIMEOUT', kind: 'timeout', connector: 'sftp' })), options.idleTimeoutMs);
  };
  // A connection that ends without an error on the stream (killed server process) must still fail it.
  const stopWatching = session.onClose(() => abandon(new NetworkError(`[recon:sftp] the connection closed while downloading ${file.path}`, { code: 'SFTP_CONNECTION_LOST', connector: 'sftp' })));
  const onAbort = () => abandon(Object.assign(new Error('the download was aborted'), { name: 'AbortError' }));
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      // The idle clock measures the server, not a slow progress handler: paused while it runs.
      clearTimeout(idle);
      options.onProgress(bytes).then(
        () => {
          armIdle();
          callback(null, chunk);
        },
        (error: unknown) => callback(error as Error),
      );
    },
  });
  const sink = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 });

  armIdle();
  try {
    if (options.signal?.aborted) onAbort();
    const piping = pipeline(source, meter, sink);
    piping.catch(() => undefined);
    await Promise.race([piping, failed]);
  } catch (error) {
    sink.destroy();
    await rm(tempPath, { force: true });
    throw error;
  } finally {
    clearTimeout(idle);
    stopWatching();
    options.signal?.removeEventListener('abort', onAbort);
  }
  return { tempPath, sha256: hash.digest('hex'), bytes };
}
