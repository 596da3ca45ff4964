import { connect as connectTcp } from 'node:net';
import SftpClient from 'ssh2-sftp-client';
import { AuthError, ConfigError, type Logger } from '@recon/core';
import type { SftpCredentials } from '../config';
import { abortedError, toSftpError } from './classify-error';
import { describeOfferedKey, hostKeyAlgorithmsFor, hostPattern, pinnedFingerprints, verifyHostKey, type HostKeyPin, type HostKeyVerdict } from './host-key';
import { wrapClient, type SftpSession } from './session';

/** Everything needed to open one connection. */
export interface ConnectOptions {
  host: string;
  port: number;
  username: string;
  /** Resolved per connection (a provider may rotate them). */
  credentials: () => Promise<SftpCredentials>;
  /** Trusted keys; `'any'` only with `dangerouslyAcceptAnyHostKey`. */
  pins: readonly HostKeyPin[] | 'any';
  hostKeyAlgorithms?: string[];
  readyTimeoutMs: number;
  keepaliveIntervalMs: number;
  logger: Logger;
  /** Scrubs configured and provider-given secrets from text. */
  scrub: (text: string) => string;
  /** Remembers secrets a provider handed out, so they are scrubbed too. */
  addSecrets: (credentials: SftpCredentials) => void;
  signal?: AbortSignal;
}

/**
 * Open an SFTP session: SSH handshake with the host key checked against the pins, then
 * authentication, then the SFTP subsystem. Every failure is a classified ReconError; a refused
 * host key names the key the server offered, so an operator can compare it out of band.
 */
export async function connectSftp(options: ConnectOptions): Promise<SftpSession> {
  const { host, port, logger, scrub, signal } = options;
  const server = `${host}:${port}`;
  if (signal?.aborted) throw abortedError();

  let credentials: SftpCredentials;
  try {
    credentials = await options.credentials();
  } catch (error) {
    throw new AuthError(`[recon:sftp] the credential provider failed: ${scrub(error instanceof Error ? error.message : String(error))}`, { code: 'SFTP_CREDENTIALS_UNAVAILABLE', connector: 'sftp', retryable: true });
  }
  if (!isCredentials(credentials)) {
    throw new ConfigError('[recon:sftp] the credential provider must return { password } or { privateKey, passphrase? }', { code: 'SFTP_CREDENTIALS_INVALID', connector: 'sftp' });
  }
  options.addSecrets(credentials);

  let verdict: HostKeyVerdict | undefined;
  const hostVerifier = (key: Buffer): boolean => {
    if (options.pins === 'any') {
      const offered = describeOfferedKey(key);
      verdict = { trusted: true, offered };
      logger.warn(
        { server, hostKey: offered },
        `sftp: HOST KEY NOT VERIFIED (dangerouslyAcceptAnyHostKey): accepted ${offered.keyType} ${offered.fingerprint} from ${server} without checking; anyone on the path can read and change these statements. Pin it with hostKey: '${offered.fingerprint}'.`,
      );
      return true;
    }
    verdict = verifyHostKey(key, options.pins);
    return verdict.trusted;
  };

  // ssh2-sftp-client's default listeners print to the console; ours log (scrubbed) instead.
  const client = new SftpClient('recon-sftp', {
    error: (error) => logger.debug({ server, error: scrub(error instanceof Error ? error.message : String(error)) }, 'sftp: connection error'),
    end: () => logger.debug({ server }, 'sftp: connection ended'),
    close: () => logger.debug({ server }, 'sftp: connection closed'),
  });
  // The raw ssh2 error keeps its `level` (client-authentication, client-socket, ...); the
  // wrapper's rejection only keeps the message.
  let rawError: unknown;
  const onError = (error: unknown) => {
    rawError ??= error;
  };
  client.on('error', onError);
  const onAbort = () => void client.end().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });

  // Our own socket, for TCP_NODELAY: SFTP is request/response, and Nagle's algorithm with
  // delayed ACKs adds ~40 ms to every small request (a listing of 100 files took seconds).
  const sock = connectTcp({ host, port, noDelay: true });
  // ssh2 reports socket errors itself once it listens; this covers the moments before (and a
  // key that fails to parse, after which ssh2 never listens).
  sock.on('error', () => undefined);
  const algorithms = options.hostKeyAlgorithms ?? (options.pins === 'any' ? undefined : hostKeyAlgorithmsFor(options.pins));
  try {
    await client.connect({
      host,
      port,
      sock,
      username: options.username,
      ...('password' in credentials ? { password: credentials.password } : { privateKey: credentials.privateKey, ...(credentials.passphrase !== undefined && { passphrase: credentials.passphrase }) }),
      hostVerifier,
      readyTimeout: options.readyTimeoutMs,
      keepaliveInterval: options.keepaliveIntervalMs,
      keepaliveCountMax: 3,
      ...(algorithms && { algorithms: { serverHostKey: algorithms as never } }),
    });
  } catch (error) {
    // No waiting for a polite end: the handshake failed, or the server may be hung.
    sock.destroy();
    await client.end().catch(() => undefined);
    if (signal?.aborted) throw abortedError();
    if (verdict && !verdict.trusted) throw hostKeyRefused(verdict, host, port, options.pins as HostKeyPin[]);
    if (isKeyParseError(error)) {
      throw new ConfigError(`[recon:sftp] the private key could not be read: ${scrub(errorMessage(error))}`, { code: 'SFTP_PRIVATE_KEY_INVALID', connector: 'sftp' });
    }
    throw toSftpError(rawError ?? error, { operation: 'connect', server, scrub });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    client.removeListener('error', onError);
  }
  logger.debug({ server, hostKey: verdict?.offered }, 'sftp: connected');
  return wrapClient(client, logger, scrub, () => sock.destroy());
}

function hostKeyRefused(verdict: Extract<HostKeyVerdict, { trusted: false }>, host: string, port: number, pins: HostKeyPin[]): AuthError {
  const { offered } = verdict;
  const server = `${host}:${port}`;
  const pinned = pinnedFingerprints(pins);
  const why = verdict.reason === 'revoked' ? 'that key is marked @revoked' : `it is not the pinned key (${pinned.join(', ')})`;
  return new AuthError(
    `[recon:sftp] host key refused: ${server} offered ${offered.keyType} ${offered.fingerprint}, but ${why}. ` +
      `If the server's key really changed, confirm the new fingerprint with the bank out of band, then add it to \`hostKey\`.`,
    {
      code: 'SFTP_HOST_KEY_REJECTED',
      connector: 'sftp',
      details: { server, knownHostsName: hostPattern(host, port), offered, pinned, reason: verdict.reason },
    },
  );
}

function isCredentials(value: unknown): value is SftpCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.password === 'string' && v.password.length > 0) return v.privateKey === undefined;
  return (typeof v.privateKey === 'string' && v.privateKey.length > 0) || Buffer.isBuffer(v.privateKey);
}

function isKeyParseError(error: unknown): boolean {
  return /Cannot parse privateKey|Encrypted private OpenSSH key detected, but no passphrase|bad passphrase|Malformed OpenSSH private key|Unsupported key format|Failed to decrypt/i.test(errorMessage(error));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
