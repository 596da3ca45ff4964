import { lstat, mkdir, open, readdir, rename, rmdir, stat, unlink, utimes, chmod, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from 'ssh2';
import type { Logger } from '@recon/core';
import { attributesOf, createVirtualFs, fileEntryOf, ownerMay } from './virtual-fs';

const { STATUS_CODE, flagsToString } = ssh2.utils.sftp;

type Handle = { kind: 'file'; fd: FileHandle; path: string } | { kind: 'dir'; entries: FileEntry[]; sent: boolean };

/** A refusal with an SFTP status, thrown inside a handler. */
class SftpStatus extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_TEXT: Record<number, string> = { [STATUS_CODE.NO_SUCH_FILE]: 'No such file', [STATUS_CODE.PERMISSION_DENIED]: 'Permission denied', [STATUS_CODE.FAILURE]: 'Failure' };

const denied = (what?: string) => new SftpStatus(STATUS_CODE.PERMISSION_DENIED, what === undefined ? 'Permission denied' : `Permission denied: ${what}`);

/**
 * Serve one SFTP session from `root`: the operations an SFTP client needs to list, read, write,
 * rename, delete and make folders. Owner permission bits are honoured (see `ownerMay`).
 *
 * @returns `release`: closes every file the session still has open. It runs when the session
 * closes; call it too when the connection under it drops.
 */
export function serveSftp(sftp: SFTPWrapper, root: string, logger: Logger): () => void {
  const fs = createVirtualFs(root);
  const handles = new Map<number, Handle>();
  let nextHandle = 1;
  let released = false;

  const handleBuffer = (handle: Handle) => {
    const id = nextHandle++;
    handles.set(id, handle);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id);
    return buffer;
  };
  const handleOf = (buffer: Buffer) => (buffer.length === 4 ? handles.get(buffer.readUInt32BE(0)) : undefined);

  /** Run a request; a thrown error becomes the matching SFTP status. */
  const serve = (reqId: number, work: () => Promise<void>) => {
    work().catch((error: unknown) => {
      const code = statusOf(error);
      const message = error instanceof Error ? error.message : String(error);
      if (code === STATUS_CODE.FAILURE) logger.debug({ error: message }, 'sftp sandbox: request failed');
      // The client gets the status's usual words, never a local path (they would reveal the root).
      sftp.status(reqId, code, error instanceof SftpStatus ? message : (STATUS_TEXT[code] ?? 'Failure'));
    });
  };
  const mayWriteIn = async (path: string) => {
    // `path` is local: the client is told no more than the status.
    if (!ownerMay(await stat(dirname(path)), 'write')) throw denied();
  };

  sftp.on('REALPATH', (reqId, path) => {
    serve(reqId, async () => {
      const virtual = fs.virtual(path);
      const stats = await stat(fs.local(virtual)).catch(() => undefined);
      sftp.name(reqId, [{ filename: virtual, longname: virtual, attrs: stats ? attributesOf(stats) : ({} as Attributes) }]);
    });
  });
  const onStat = (follow: boolean) => (reqId: number, path: string) =>
    serve(reqId, async () => {
      sftp.attrs(reqId, attributesOf(await (follow ? stat : lstat)(fs.local(path))));
    });
  sftp.on('STAT', onStat(true));
  sftp.on('LSTAT', onStat(false));
  sftp.on('FSTAT', (reqId, buffer) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new SftpStatus(STATUS_CODE.FAILURE, 'bad handle');
      sftp.attrs(reqId, attributesOf(await handle.fd.stat()));
    }),
  );

  sftp.on('OPEN', (reqId, path, flags) =>
    serve(reqId, async () => {
      const local = fs.local(path);
      const mode = flagsToString(flags);
      if (!mode) throw new SftpStatus(STATUS_CODE.OP_UNSUPPORTED, `unsupported open flags ${flags}`);
      const existing = await stat(local).catch(() => undefined);
      if (existing?.isDirectory()) throw new SftpStatus(STATUS_CODE.FAILURE, `${path} is a folder`);
      if (mode.startsWith('r') && existing && !ownerMay(existing, 'read')) throw denied(path);
      if (/[wa+]/.test(mode) && existing && !ownerMay(existing, 'write')) throw denied(path);
      if (!existing && /[wa]/.test(mode)) await mayWriteIn(local);
      const fd = await open(local, mode);
      // The session may have gone while the file was opening: nobody would ever close it.
      if (released) return void (await fd.close());
      sftp.handle(reqId, handleBuffer({ kind: 'file', fd, path: local }));
    }),
  );
  sftp.on('READ', (reqId, buffer, offset, length) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new SftpStatus(STATUS_CODE.FAILURE, 'bad handle');
      const data = Buffer.alloc(length);
      const { bytesRead } = await handle.fd.read(data, 0, length, offset);
      if (bytesRead === 0) sftp.status(reqId, STATUS_CODE.EOF);
      else sftp.data(reqId, data.subarray(0, bytesRead));
    }),
  );
  sftp.on('WRITE', (reqId, buffer, offset, data) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new SftpStatus(STATUS_CODE.FAILURE, 'bad handle');
      await handle.fd.write(data, 0, data.length, offset);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('CLOSE', (reqId, buffer) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (!handle) throw new SftpStatus(STATUS_CODE.FAILURE, 'bad handle');
      handles.delete(buffer.readUInt32BE(0));
      if (handle.kind === 'file') await handle.fd.close();
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  sftp.on('OPENDIR', (reqId, path) =>
    serve(reqId, async () => {
      const local = fs.local(path);
      const stats = await stat(local);
      if (!stats.isDirectory()) throw new SftpStatus(STATUS_CODE.FAILURE, `${path} is not a folder`);
      if (!ownerMay(stats, 'read') || !ownerMay(stats, 'search')) throw denied(path);
      const entries: FileEntry[] = [];
      for (const name of await readdir(local)) {
        const entryStats = await lstat(`${local}/${name}`).catch(() => undefined);
        if (entryStats) entries.push(fileEntryOf(name, entryStats));
      }
      sftp.handle(reqId, handleBuffer({ kind: 'dir', entries, sent: false }));
    }),
  );
  sftp.on('READDIR', (reqId, buffer) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'dir') throw new SftpStatus(STATUS_CODE.FAILURE, 'bad handle');
      if (handle.sent || handle.entries.length === 0) {
        sftp.status(reqId, STATUS_CODE.EOF);
        return;
      }
      handle.sent = true;
      sftp.name(reqId, handle.entries);
    }),
  );

  sftp.on('REMOVE', (reqId, path) =>
    serve(reqId, async () => {
      const local = fs.local(path);
      await mayWriteIn(local);
      await unlink(local);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('RMDIR', (reqId, path) =>
    serve(reqId, async () => {
      const local = fs.local(path);
      await mayWriteIn(local);
      await rmdir(local);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('MKDIR', (reqId, path) =>
    serve(reqId, async () => {
      const local = fs.local(path);
      await mayWriteIn(local);
      await mkdir(local);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('RENAME', (reqId, from, to) =>
    serve(reqId, async () => {
      const source = fs.local(from);
      const target = fs.local(to);
      await lstat(source);
      await mayWriteIn(source);
      await mayWriteIn(target);
      // SFTP v3 rename never replaces (OpenSSH links then unlinks): refuse an existing target.
      if (await lstat(target).catch(() => undefined)) throw new SftpStatus(STATUS_CODE.FAILURE, `${to} exists`);
      await rename(source, target);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  const setstat = async (local: string, attrs: Attributes) => {
    if (typeof attrs.mode === 'number') await chmod(local, attrs.mode & 0o7777);
    if (typeof attrs.mtime === 'number') await utimes(local, typeof attrs.atime === 'number' ? attrs.atime : attrs.mtime, attrs.mtime);
  };
  sftp.on('SETSTAT', (reqId, path, attrs) =>
    serve(reqId, async () => {
      await setstat(fs.local(path), attrs);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('FSETSTAT', (reqId, buffer, attrs) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new SftpStatus(STATUS_CODE.FAILURE, 'bad handle');
      await setstat(handle.path, attrs);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  for (const unsupported of ['READLINK', 'SYMLINK', 'EXTENDED'] as const) {
    sftp.on(unsupported, (reqId: number) => sftp.status(reqId, STATUS_CODE.OP_UNSUPPORTED, `${unsupported} is not supported by the sandbox`));
  }

  // The session ended (or the connection dropped): release what it had open.
  const release = () => {
    released = true;
    for (const handle of handles.values()) if (handle.kind === 'file') void handle.fd.close().catch(() => undefined);
    handles.clear();
  };
  sftp.on('close', release);
  return release;
}

function statusOf(error: unknown): number {
  if (error instanceof SftpStatus) return error.code;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return STATUS_CODE.NO_SUCH_FILE;
  if (code === 'EACCES' || code === 'EPERM') return STATUS_CODE.PERMISSION_DENIED;
  return STATUS_CODE.FAILURE;
}
