/** A remote file as listed: name within `remoteDir`, size in bytes, mtime in ms since the epoch. */
export interface RemoteFile {
  name: string;
  /** Full remote path. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** How one file ended in a read. */
export type FileOutcome = 'processed' | 'failed' | 'duplicate';

/**
 * What the connector reports through `onEvent` while it works: for metrics, progress bars and
 * tests that need to act at an exact point (append to a file while it is being checked, drop the
 * connection halfway through a download).
 */
export type SftpEvent =
  /** `remoteDir` was listed: these matching files are new (not yet in the ledger). */
  | { type: 'listed'; files: RemoteFile[] }
  /** The stability check starts: these files are stat'ed again after the interval. */
  | { type: 'stability-wait'; files: RemoteFile[]; intervalMs: number }
  /** A file changed during the stability check or the download: left for a later read. */
  | { type: 'unstable'; file: RemoteFile; reason: string }
  /** Bytes of a file received so far (every chunk). */
  | { type: 'download-progress'; file: RemoteFile; bytes: number }
  /** A connection or transfer failed and will be tried again after `delayMs`. */
  | { type: 'retry'; operation: string; path?: string; attempt: number; delayMs: number; error: { code: string; message: string } }
  /** A file was downloaded and parsed (or failed to parse); its checkpoint comes next. */
  | { type: 'file'; file: RemoteFile; outcome: FileOutcome; records: number; invalid: number; sha256: string }
  /** A file's after-processing step (archive, delete, quarantine) is done. */
  | { type: 'disposed'; file: string; action: 'archive' | 'delete' | 'quarantine'; to?: string };
