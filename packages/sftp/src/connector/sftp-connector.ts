import { createRedactor, defineConnector, UpstreamError } from '@recon/core';
import { SftpConfig, type SftpCredentials } from '../config';
import type { SftpEvent } from '../events';
import { createFileLedgerStore } from '../ledger/file-ledger-store';
import { openLedger } from '../ledger/ledger';
import { defaultParser } from '../parse/default-parser';
import { fileNameMatcher, listMatchingFiles } from '../remote/list-files';
import { DEFAULT_RETRY } from '../transport/backoff';
import { connectSftp } from '../transport/connect';
import { createConnection } from '../transport/connection';
import { parseHostKeyPins } from '../transport/host-key';
import { VERSION } from '../version';
import type { SftpCursor } from './cursor';
import { readFiles, type ReadContext } from './read-files';

/**
 * The SFTP connector: statement files from a bank's SFTP folder as standard transactions, each
 * file exactly once.
 *
 * - Host key pinned (`hostKey`), refused with the offered key's fingerprint when it differs.
 * - Auth by password or private key (with passphrase), from config or a `credentials` provider.
 * - Files matching `pattern` in `remoteDir`, once their size and mtime hold still for
 *   `stabilityIntervalMs`; streamed to a temp file with sha256; parsed; then left, archived or
 *   deleted. A file that fails to parse becomes one `invalid` message and is recorded (and
 *   quarantined when `quarantineDir` is set); the others go on.
 * - A processed-file ledger makes every file count once across restarts; the cursor is a
 *   position in that ledger, so with a sink that keeps cursors (JSON lines, Kafka) records and
 *   ledger agree exactly: one checkpoint per file.
 *
 * @example
 * const kotak = sftp({
 *   host: 'sftp.kotak.example', username: 'acme', privateKey: readFileSync('id_ed25519', 'utf8'),
 *   hostKey: 'SHA256:4rT0...', remoteDir: '/outbox', pattern: '*.sta',
 *   afterProcessing: 'archive', archiveDir: '/outbox/done', ledger: './state/kotak-ledger.json', source: 'sftp:kotak',
 * });
 * await runSync({ connector: kotak, sink: createJsonLinesSink({ path: './out/kotak.jsonl' }) });
 */
export const sftp = defineConnector<typeof SftpConfig, SftpCursor>({
  id: 'sftp',
  version: VERSION,
  description: 'Statement files over SFTP: host-key pinning, processed-file ledger, archive or quarantine, exactly once.',
  config: SftpConfig,
  secrets: (config) => [config.password, typeof config.privateKey === 'string' ? config.privateKey : config.privateKey?.toString('utf8'), config.passphrase],
  create(config, { logger, redact }) {
    const server = `${config.host}:${config.port}`;
    const pins = config.dangerouslyAcceptAnyHostKey ? ('any' as const) : pinsOf(config.hostKey, config.host, config.port);
    const store = typeof config.ledger === 'string' ? createFileLedgerStore(config.ledger) : config.ledger;
    const retry = { ...DEFAULT_RETRY, ...config.retry };

    // Secrets a credential provider hands out are only known at connect time: scrub them too.
    let providerSecrets = createRedactor([]);
    const seen = new Set<string>();
    const addSecrets = (credentials: SftpCredentials) => {
      const values = 'password' in credentials ? [credentials.password] : [typeof credentials.privateKey === 'string' ? credentials.privateKey : credentials.privateKey.toString('utf8'), credentials.passphrase];
      let added = false;
      for (const value of values) {
        if (!value || seen.has(value)) continue;
        seen.add(value);
        added = true;
      }
      if (added) providerSecrets = createRedactor(seen);
    };
    const scrub = (text: string) => redact(providerSecrets(text));

    const credentials = async (): Promise<SftpCredentials> => {
      if (config.credentials) return config.credentials();
      if (config.password !== undefined) return { password: config.password };
      return { privateKey: config.privateKey as string | Buffer, ...(config.passphrase !== undefined && { passphrase: config.passphrase }) };
    };
    const emit = async (event: SftpEvent) => {
      if (config.onEvent) await config.onEvent(event);
    };
    const open = (signal?: AbortSignal) =>
      connectSftp({
        host: config.host,
        port: config.port,
        username: config.username,
        credentials,
        pins,
        ...(config.hostKeyAlgorithms && { hostKeyAlgorithms: config.hostKeyAlgorithms }),
        readyTimeoutMs: config.readyTimeoutMs,
        keepaliveIntervalMs: config.keepaliveIntervalMs,
        logger,
        scrub,
        addSecrets,
        ...(signal && { signal }),
      });
    const connect = (signal?: AbortSignal) => createConnection({ open: () => open(signal), retry, server, scrub, emit, operationTimeoutMs: config.idleTimeoutMs, ...(signal && { signal }) });

    const context: ReadContext = {
      remoteDir: config.remoteDir,
      pattern: config.pattern,
      store,
      dispose: { afterProcessing: config.afterProcessing, ...(config.archiveDir !== undefined && { archiveDir: config.archiveDir }), ...(config.quarantineDir !== undefined && { quarantineDir: config.quarantineDir }) },
      parser: config.parse ?? defaultParser,
      parseContext: { source: config.source, ...(config.accountId !== undefined && { accountId: config.accountId }) },
      stabilityIntervalMs: config.stabilityIntervalMs,
      concurrency: config.concurrency,
      maxFileBytes: config.maxFileBytes,
      idleTimeoutMs: config.idleTimeoutMs,
      ...(config.tempDir !== undefined && { tempDir: config.tempDir }),
      connect,
      emit,
      scrub,
      logger,
    };

    return {
      async check({ signal }) {
        const ledger = await openLedger(store);
        const connection = connect(signal);
        try {
          const files = await connection.run('list', config.remoteDir, async (session) => {
            const stats = await session.stat(config.remoteDir);
            if (stats.isFile) throw new UpstreamError(`[recon:sftp] remoteDir ${config.remoteDir} is a file, not a folder`, { code: 'SFTP_NOT_A_FOLDER', retryable: false, connector: 'sftp' });
            return listMatchingFiles(session, config.remoteDir, fileNameMatcher(config.pattern));
          });
          const fresh = files.filter((f) => !ledger.findInPlace(f)).length;
          return {
            ok: true,
            message: `connected to ${server} as ${config.username}; ${files.length} file(s) match ${config.pattern} in ${config.remoteDir}, ${fresh} not yet processed`,
            details: { matching: files.length, unprocessed: fresh, ledgerEntries: ledger.length, hostKeyPinned: pins !== 'any' },
          };
        } finally {
          await connection.close();
        }
      },
      read: (options) => readFiles(context, options),
    };
  },
});

function pinsOf(hostKey: string | string[] | undefined, host: string, port: number) {
  const parsed = parseHostKeyPins(typeof hostKey === 'string' ? [hostKey] : (hostKey ?? []), host, port);
  // The config schema already refused unusable pins; this cannot fail here.
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.pins;
}
