import picomatch from 'picomatch';
import type { RemoteFile } from '../events';
import type { SftpSession } from '../transport/session';

/** Join a remote folder and a name with exactly one `/` (SFTP paths are POSIX whatever the server OS). */
export function joinRemote(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

/** A name matcher for the `pattern` option: a glob on the file name; dot files only when the glob names them. */
export function fileNameMatcher(pattern: string): (name: string) => boolean {
  const isMatch = picomatch(pattern, { dot: false, nocase: false });
  // One argument only: picomatch's second parameter returns a details object (truthy).
  return (name) => isMatch(name);
}

/**
 * The regular files of `dir` whose name matches, oldest first (then by name), so statements are
 * processed in the order the bank wrote them. Folders, links and anything else are left alone.
 */
export async function listMatchingFiles(session: SftpSession, dir: string, matches: (name: string) => boolean): Promise<RemoteFile[]> {
  const entries = await session.list(dir);
  return entries
    .filter((e) => e.type === '-' && matches(e.name))
    .map((e) => ({ name: e.name, path: joinRemote(dir, e.name), size: e.size, mtimeMs: e.mtimeMs }))
    .sort(compareFiles);
}

/** Oldest first, then by name: a stable order for checkpoints. */
export function compareFiles(a: RemoteFile, b: RemoteFile): number {
  return a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
