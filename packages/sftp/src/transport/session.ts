import type { Readable } from 'node:stream';
import type SftpClient from 'ssh2-sftp-client';
import type { Logger } from '@recon/core';

/** One entry of a remote folder listing. */
export interface RemoteEntry {
  name: string;
  /** `-` regular file, `d` folder, `l` symbolic link. */
  type: string;
  size: number;
  mtimeMs: number;
}

/**
 * The SFTP operations the connector uses, on one open connection. A small seam over
 * ssh2-sftp-client, so the rest of the package speaks in its own terms.
 */
export interface SftpSession {
  /** Entries of a folder (no `.` / `..`). */
  list(dir: string): Promise<RemoteEntry[]>;
  /** Size and mtime of a path (follows links). Rejects with the server's NO_SUCH_FILE when absent. */
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile: boolean }>;
  /** `false` when nothing is there, else the entry type. */
  exists(path: string): Promise<false | string>;
  /** Readable stream of a whole file. The caller must consume or destroy it. */
  readStream(path: string): Readable;
  /** Rename; fails when `to` exists (SFTP v3 semantics, what OpenSSH implements). */
  rename(from: string, to: string): Promise<void>;
  delete(path: string): Promise<void>;
  /** Create a folder and its parents. */
  mkdirp(path: string): Promise<void>;
  /** Called once when the connection ends, for whatever reason. Returns a function that removes the listener. */
  onClose(listener: () => void): () => void;
  readonly closed: boolean;
  /**
   * End the connection; never rejects. Politely (SSH disconnect, waiting briefly for the server),
   * or with `force` at once: the socket is cut (for a connection that already failed).
   */
  close(options?: { force?: boolean }): Promise<void>;
}

/** How long a polite close may take before the socket is cut (a hung server never answers it). */
const CLOSE_GRACE_MS = 2_000;

/** Wrap a connected ssh2-sftp-client instance; `destroySocket` cuts its TCP connection. */
export function wrapClient(client: SftpClient, logger: Logger, scrub: (text: string) => string, destroySocket: () => void): SftpSession {
  let closed = false;
  const listeners: Array<() => void> = [];
  const markClosed = () => {
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  };
  client.on('close', markClosed);
  client.on('end', markClosed);

  return {
    async list(dir) {
      const entries = await client.list(dir);
      return entries.map((e) => ({ name: e.name, type: e.type, size: e.size, mtimeMs: e.modifyTime }));
    },
    async stat(path) {
      const stats = await client.stat(path);
      return { size: stats.size, mtimeMs: stats.modifyTime, isFile: stats.isFile };
    },
    exists: (path) => client.exists(path),
    readStream: (path) => client.createReadStream(path) as unknown as Readable,
    async rename(from, to) {
      await client.rename(from, to);
    },
    async delete(path) {
      await client.delete(path);
    },
    async mkdirp(path) {
      await client.mkdir(path, true);
    },
    onClose(listener) {
      if (closed) {
        listener();
        return () => undefined;
      }
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    get closed() {
      return closed;
    },
    async close(options = {}) {
      if (closed) return;
      if (options.force) {
        destroySocket();
        void client.end().catch(() => undefined);
        markClosed();
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        // end() waits for the server to close its side; a hung server never does.
        await Promise.race([client.end(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
      } catch (error) {
        logger.debug({ error: scrub(error instanceof Error ? error.message : String(error)) }, 'sftp: error while closing the connection (ignored)');
      } finally {
        clearTimeout(timer);
        destroySocket();
      }
      markClosed();
    },
  };
}
