import { z } from 'zod';
import type { LedgerStore } from './ledger/types';
import type { FileParser } from './parse/types';
import type { SftpEvent } from './events';
import { parseHostKeyPins } from './transport/host-key';

/** Credentials handed out by a {@link SftpCredentialProvider}: a password, or a private key with its optional passphrase. */
export type SftpCredentials = { password: string } | { privateKey: string | Buffer; passphrase?: string };

/**
 * Called before every connection (so rotated credentials are picked up without a restart): a
 * vault, a secrets manager, a file read at connect time. What it returns is scrubbed from every
 * error and log line, like configured secrets.
 */
export type SftpCredentialProvider = () => SftpCredentials | Promise<SftpCredentials>;

const remotePath = z
  .string()
  .trim()
  .min(1)
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".." segments');

const positiveMs = z.number().int().min(0);

/**
 * Config of the {@link sftp} connector. Validated eagerly with every issue reported; unknown keys
 * are rejected. Exactly one way to authenticate (`password`, `privateKey`, `credentials`), and a
 * host key pin unless `dangerouslyAcceptAnyHostKey` says otherwise.
 */
export const SftpConfig = z
  .object({
    /** Server host name or address. */
    host: z.string().trim().min(1),
    /** SSH port (default 22). */
    port: z.number().int().min(1).max(65_535).default(22),
    username: z.string().min(1),
    /** Password auth. Never logged, never in an error. */
    password: z.string().min(1).optional(),
    /** Private key (OpenSSH or PEM text) for key auth. Never logged, never in an error. */
    privateKey: z.union([z.string().min(1), z.instanceof(Buffer)]).optional(),
    /** Passphrase of an encrypted `privateKey`. */
    passphrase: z.string().min(1).optional(),
    /** A function returning credentials at each connect, instead of `password`/`privateKey` in config. */
    credentials: z.custom<SftpCredentialProvider>((v) => typeof v === 'function', 'must be a function returning { password } or { privateKey, passphrase? }').optional(),
    /**
     * The server's host key, pinned: `SHA256:...` as `ssh-keygen -lf` prints it, a known_hosts
     * line, or a public key line. Several are allowed (key rotation: old and new). Required.
     */
    hostKey: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /**
     * Accept whatever host key the server offers. Anyone between you and the bank can then read
     * and alter the statements; a warning is logged on every connect. For throwaway test servers only.
     */
    dangerouslyAcceptAnyHostKey: z.boolean().default(false),
    /** Restrict the host-key algorithms offered (e.g. `['ssh-ed25519']`). Default: derived from known_hosts pins, else ssh2's list. */
    hostKeyAlgorithms: z.array(z.string().min(1)).min(1).optional(),

    /** Remote folder the bank drops statements into. */
    remoteDir: remotePath,
    /** Glob on file names in `remoteDir` (not recursive), e.g. `*.sta`, `KOTAK_*.{csv,txt}`. Default `*`. Dot files only when the glob names them. */
    pattern: z.string().min(1).default('*'),
    /** What happens to a processed file on the server: `leave` (default), `archive` (move to `archiveDir`), `delete`. */
    afterProcessing: z.enum(['leave', 'archive', 'delete']).default('leave'),
    /** Where `archive` moves processed files (created if missing). */
    archiveDir: remotePath.optional(),
    /** Where files that fail to parse are moved (created if missing). Without it they stay where they are. */
    quarantineDir: remotePath.optional(),

    /**
     * Where the processed-file ledger lives: a file path (atomic JSON file, created on first use)
     * or a {@link LedgerStore}. Required: it is what makes each file processed once across restarts.
     */
    ledger: z.union([z.string().min(1), z.custom<LedgerStore>((v) => typeof v === 'object' && v !== null && typeof (v as LedgerStore).load === 'function' && typeof (v as LedgerStore).save === 'function', 'must be a file path or a LedgerStore { load, save }')]),
    /** Turns a downloaded file into transactions. Default: format detection and parsing with `@recon/formats`. */
    parse: z.custom<FileParser>((v) => typeof v === 'function', 'must be a function (file, context) => ParsedFile').optional(),
    /** `source` of every transaction (default `sftp`; e.g. `sftp:kotak`). */
    source: z
      .string()
      .max(64)
      .regex(/^[a-z0-9][a-z0-9_.:-]*$/, 'must be lower-case letters, digits and _.:-')
      .default('sftp'),
    /** `account_id` for files that do not name their account (CSV presets); statement formats carry their own. */
    accountId: z.string().trim().min(1).max(128).optional(),

    /** A file must keep the same size and mtime over this interval to count as fully written (default 2000 ms; 0 skips the check). */
    stabilityIntervalMs: positiveMs.default(2_000),
    /** Files downloaded and parsed at once (default 2). Checkpoints still come in listing order. */
    concurrency: z.number().int().min(1).max(16).default(2),
    /** Larger files are recorded as failed instead of downloaded (default 256 MiB): parsers hold a file in memory. */
    maxFileBytes: z.number().int().positive().default(256 * 1024 * 1024),
    /** Local folder for downloads in progress (default: the OS temp folder). */
    tempDir: z.string().min(1).optional(),
    /** Connection attempts and retries of a dropped transfer: bounded, exponential backoff with full jitter. */
    retry: z
      .object({
        /** Retries after the first attempt (default 3). */
        retries: z.number().int().min(0).max(10),
        minDelayMs: positiveMs,
        maxDelayMs: positiveMs,
      })
      .partial()
      .strict()
      .default({}),
    /** SSH handshake deadline (default 20 000 ms). */
    readyTimeoutMs: positiveMs.default(20_000),
    /** A transfer that receives nothing for this long, or any other operation unanswered this long, is treated as a dropped connection (default 60 000 ms). */
    idleTimeoutMs: z.number().int().positive().default(60_000),
    /** SSH keepalive interval (default 10 000 ms; 0 turns keepalives off). */
    keepaliveIntervalMs: positiveMs.default(10_000),
    /**
     * Observes what the connector does: listing, files skipped as still being written, download
     * progress, retries, outcomes. Awaited, so a slow handler slows the read (backpressure).
     */
    onEvent: z.custom<(event: SftpEvent) => void | Promise<void>>((v) => typeof v === 'function', 'must be a function').optional(),
  })
  .superRefine((config, ctx) => {
    const ways = [config.password !== undefined, config.privateKey !== undefined, config.credentials !== undefined].filter(Boolean).length;
    if (ways !== 1) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: ways === 0 ? 'give one of `password`, `privateKey` or `credentials`' : 'give only one of `password`, `privateKey` or `credentials`' });
    }
    if (config.passphrase !== undefined && config.privateKey === undefined) {
      ctx.addIssue({ code: 'custom', path: ['passphrase'], message: '`passphrase` needs `privateKey`' });
    }
    if (config.afterProcessing === 'archive' && config.archiveDir === undefined) {
      ctx.addIssue({ code: 'custom', path: ['archiveDir'], message: '`afterProcessing: "archive"` needs `archiveDir`' });
    }
    if (config.archiveDir !== undefined && config.afterProcessing !== 'archive') {
      ctx.addIssue({ code: 'custom', path: ['archiveDir'], message: '`archiveDir` is only used with `afterProcessing: "archive"`' });
    }
    if (config.hostKey === undefined && !config.dangerouslyAcceptAnyHostKey) {
      ctx.addIssue({ code: 'custom', path: ['hostKey'], message: 'pin the server\'s host key (`SHA256:...` from `ssh-keygen -lf`, or a known_hosts line); only `dangerouslyAcceptAnyHostKey: true` turns the check off' });
    }
    if (config.hostKey !== undefined && config.dangerouslyAcceptAnyHostKey) {
      ctx.addIssue({ code: 'custom', path: ['dangerouslyAcceptAnyHostKey'], message: 'give either `hostKey` or `dangerouslyAcceptAnyHostKey`, not both' });
    }
    if (config.hostKey !== undefined) {
      const parsed = parseHostKeyPins(typeof config.hostKey === 'string' ? [config.hostKey] : config.hostKey, config.host, config.port);
      if (!parsed.ok) for (const message of parsed.problems) ctx.addIssue({ code: 'custom', path: ['hostKey'], message });
    }
    const { minDelayMs, maxDelayMs } = config.retry;
    if (minDelayMs !== undefined && maxDelayMs !== undefined && minDelayMs > maxDelayMs) {
      ctx.addIssue({ code: 'custom', path: ['retry', 'maxDelayMs'], message: 'must be at least `minDelayMs`' });
    }
    for (const [key, dir] of [['archiveDir', config.archiveDir], ['quarantineDir', config.quarantineDir]] as const) {
      if (dir !== undefined && trimSlash(dir) === trimSlash(config.remoteDir)) ctx.addIssue({ code: 'custom', path: [key], message: 'must differ from `remoteDir`' });
    }
  });

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** What a caller passes to {@link sftp} (defaults optional). */
export type SftpConfig = z.input<typeof SftpConfig>;
/** The config after defaults. */
export type ResolvedSftpConfig = z.output<typeof SftpConfig>;
