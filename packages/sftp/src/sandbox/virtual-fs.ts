import type { Stats as FsStats } from 'node:fs';
import { join, posix } from 'node:path';
import type { Attributes, FileEntry } from 'ssh2';

/**
 * The sandbox's view of its root folder: client paths are POSIX paths from `/` (the root folder),
 * resolved so `..` can never climb out of it.
 */
export function createVirtualFs(root: string) {
  return {
    /** `/inbox/../a.txt` → `/a.txt`; relative paths start at `/`. */
    virtual: (path: string) => posix.resolve('/', path || '.'),
    /** The local path of a client path. */
    local: (path: string) => join(root, posix.resolve('/', path || '.')),
  };
}

/** SFTP attributes of a local file (mode carries the type bits, as OpenSSH sends them). */
export function attributesOf(stats: FsStats): Attributes {
  return { mode: stats.mode, uid: stats.uid, gid: stats.gid, size: stats.size, atime: Math.floor(stats.atimeMs / 1000), mtime: Math.floor(stats.mtimeMs / 1000) };
}

/** One READDIR entry, with an `ls -l` style long name (clients read the type from its first character). */
export function fileEntryOf(name: string, stats: FsStats): FileEntry {
  return { filename: name, longname: longName(name, stats), attrs: attributesOf(stats) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function longName(name: string, stats: FsStats): string {
  const type = stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : stats.isFile() ? '-' : '?';
  let perms = '';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const bits = (stats.mode >> shift) & 7;
    perms += `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${bits & 1 ? 'x' : '-'}`;
  }
  const date = new Date(stats.mtimeMs);
  const when = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${type}${perms}    1 ${stats.uid} ${stats.gid} ${String(stats.size).padStart(12, ' ')} ${when} ${name}`;
}

/**
 * Owner permission bits, honoured even when the sandbox runs as root (root would read a mode-000
 * file), so a permission test behaves as it does against a real server with an ordinary user.
 */
export function ownerMay(stats: FsStats, access: 'read' | 'write' | 'search'): boolean {
  const bit = access === 'read' ? 0o400 : access === 'write' ? 0o200 : 0o100;
  return (stats.mode & bit) !== 0;
}
