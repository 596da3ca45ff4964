import { AuthError, isReconError, NetworkError, UpstreamError, type ReconError } from '@recon/core';

/** What kind of failure an ssh2 / SFTP error is, as the connector acts on it. */
export type FailureClass = 'network' | 'timeout' | 'auth' | 'permission' | 'not-found' | 'failure';

/** SFTP status codes (draft-ietf-secsh-filexfer-02, what OpenSSH speaks). */
const SFTP_STATUS = { NO_SUCH_FILE: 2, PERMISSION_DENIED: 3, NO_CONNECTION: 6, CONNECTION_LOST: 7 } as const;

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_NOT_CONNECTED']);
const NETWORK_MESSAGE = /No SFTP connection|Unexpected (close|end)|No response from server|connection (lost|closed|reset)|socket hang up|Not connected|channel (open|close)|closed the connection|write after end|aborted/i;

/** Classify an error thrown by ssh2, ssh2-sftp-client or a stream on top of them. */
export function classifyFailure(error: unknown): FailureClass {
  const e = (error ?? {}) as { code?: unknown; level?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = e.code;
  if (code === SFTP_STATUS.PERMISSION_DENIED || code === 'EACCES' || /permission denied/i.test(message)) return 'permission';
  if (code === SFTP_STATUS.NO_SUCH_FILE || code === 'ENOENT' || /no such file/i.test(message)) return 'not-found';
  if (e.level === 'client-authentication' || code === 'ERR_BAD_AUTH' || /authentication methods failed|authentication failed/i.test(message)) return 'auth';
  if (e.level === 'client-timeout' || code === 'ETIMEDOUT' || /timed out/i.test(message)) return 'timeout';
  if (e.level === 'client-socket' || code === SFTP_STATUS.NO_CONNECTION || code === SFTP_STATUS.CONNECTION_LOST || (typeof code === 'string' && NETWORK_CODES.has(code)) || NETWORK_MESSAGE.test(message)) return 'network';
  return 'failure';
}

/** Where an error happened, for its message. */
export interface ErrorContext {
  /** `connect`, `list`, `download`, `rename`, ... */
  operation: string;
  /** `host:port`. */
  server: string;
  path?: string;
  /** Scrubs secrets from text. */
  scrub: (text: string) => string;
}

/**
 * Turn anything thrown by the SSH stack into a classified {@link ReconError} with a `SFTP_*`
 * code. Messages are scrubbed; a ReconError passes through unchanged.
 */
export function toSftpError(error: unknown, context: ErrorContext): ReconError {
  if (isReconError(error)) return error;
  const cls = classifyFailure(error);
  const original = context.scrub(error instanceof Error ? error.message : String(error));
  const where = `${context.operation}${context.path ? ` ${context.path}` : ''} on ${context.server}`;
  const base = { connector: 'sftp', cause: scrubbed(error, context.scrub), details: { operation: context.operation, server: context.server, ...(context.path !== undefined && { path: context.path }) } };
  switch (cls) {
    case 'auth':
      return new AuthError(`[recon:sftp] the server refused the credentials of ${context.server}: ${original}`, { ...base, code: 'SFTP_AUTH_FAILED' });
    case 'permission':
      return new UpstreamError(`[recon:sftp] permission denied: ${where}: ${original}`, { ...base, code: 'SFTP_PERMISSION_DENIED', retryable: false });
    case 'not-found':
      return new UpstreamError(`[recon:sftp] not found: ${where}: ${original}`, { ...base, code: 'SFTP_NOT_FOUND', retryable: false });
    case 'timeout':
      return new NetworkError(`[recon:sftp] timed out: ${where}: ${original}`, { ...base, code: 'SFTP_TIMEOUT', kind: 'timeout' });
    case 'network':
      return new NetworkError(`[recon:sftp] connection failed: ${where}: ${original}`, { ...base, code: context.operation === 'connect' ? 'SFTP_CONNECT_FAILED' : 'SFTP_CONNECTION_LOST' });
    default:
      return new UpstreamError(`[recon:sftp] ${where} failed: ${original}`, { ...base, code: 'SFTP_FAILURE', retryable: false });
  }
}

/** A copy of an error with its message scrubbed (the original may be shared with ssh2 internals). */
function scrubbed(error: unknown, scrub: (text: string) => string): Error | undefined {
  if (!(error instanceof Error)) return undefined;
  const copy = new Error(scrub(error.message));
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

/** The read was aborted through its signal. */
export function abortedError(): ReconError {
  return new NetworkError('[recon:sftp] the read was aborted', { kind: 'aborted', code: 'SFTP_ABORTED', connector: 'sftp' });
}
