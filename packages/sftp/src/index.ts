/**
 * @recon/sftp: statement files over SFTP, each exactly once. Host-key pinning, a processed-file
 * ledger, streaming download with sha256, archive / delete / quarantine, bounded retries and
 * concurrency; plus an in-process SFTP sandbox for demos and tests.
 * @packageDocumentation
 */
export { VERSION } from './version';
export { sftp } from './connector/sftp-connector';
export { SftpConfig, type ResolvedSftpConfig, type SftpCredentials, type SftpCredentialProvider } from './config';
export type { SftpCursor, CursorFile } from './connector/cursor';
export type { SftpEvent, RemoteFile, FileOutcome } from './events';
export type { LedgerStore, LedgerDocument, LedgerEntry, Disposition } from './ledger/types';
export { createFileLedgerStore } from './ledger/file-ledger-store';
export { createMemoryLedgerStore, type MemoryLedgerStore } from './ledger/memory-ledger-store';
export type { FileParser, DownloadedFile, ParseContext, ParsedFile, InvalidFileRecord } from './parse/types';
export { createFormatsParser, type FormatsParserOptions } from './parse/formats-parser';
export { defaultParser } from './parse/default-parser';
export { fingerprintOf as hostKeyFingerprint } from './transport/host-key';
export { startSftpSandbox, type SftpSandbox, type SftpSandboxOptions, type SftpSandboxUser } from './sandbox/start-sftp-sandbox';
