import type { InvalidDataError, StandardTransactionInput } from '@recon/core';

/** A downloaded file, complete and verified, as a parser sees it. */
export interface DownloadedFile {
  /** File name within the remote folder (`KOTAK_20240601.sta`). */
  name: string;
  /** Full remote path it was downloaded from. */
  remotePath: string;
  /** The whole content. */
  bytes: Uint8Array;
  /** Hex sha256 of `bytes`. */
  sha256: string;
  /** Server-side modification time. */
  mtime: Date;
}

/** What the connector tells a parser besides the file. */
export interface ParseContext {
  /** `source` the transactions must carry (the connector's `source` option). */
  source: string;
  /** `account_id` for files that do not name their account. */
  accountId?: string;
}

/** One record of a file that could not become a transaction, kept with its raw form. */
export interface InvalidFileRecord {
  raw: unknown;
  error: InvalidDataError;
}

/** What a parser makes of one file. */
export interface ParsedFile {
  /** Transactions in standard form; the connector validates each again on the way out. */
  transactions: StandardTransactionInput[];
  /** Records that could not become transactions: each becomes an `invalid` message. */
  invalid: InvalidFileRecord[];
  /** Things worth knowing that did not stop parsing (logged). */
  warnings: string[];
  /** What the file was recognised as (`mt940`, `camt.053`, `json`, ...), for logs and the ledger. */
  format?: string;
}

/**
 * Turns one downloaded file into transactions. Throwing (or rejecting) means the file as a whole
 * cannot be read: it is recorded as failed with the error's message, optionally quarantined, and
 * the other files go on. Individual bad records belong in `invalid` instead.
 */
export type FileParser = (file: DownloadedFile, context: ParseContext) => ParsedFile | Promise<ParsedFile>;
