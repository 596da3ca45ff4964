import { NetworkError, type ReconError } from '@recon/core';
import type { SftpEvent } from '../events';
import { abortedError, toSftpError } from './classify-error';
import { backoffDelay, sleep, type RetryPolicy } from './backoff';
import { withDeadline } from './deadline';
import type { SftpSession } from './session';

/** Options of {@link createConnection}. */
export interface ConnectionOptions {
  /** Opens a new session (handshake, host key, auth). */
  open: () => Promise<SftpSession>;
  retry: RetryPolicy;
  /** `host:port`, for messages. */
  server: string;
  scrub: (text: string) => string;
  emit: (event: SftpEvent) => Promise<void>;
  /**
   * Deadline of one attempt (connect included) of an ordinary operation: a hung server answers
   * nothing and closes nothing, so only a clock notices. Transfers pass `untimed` and keep their
   * own idle clock instead (a big file may take long, yet data keeps coming).
   */
  operationTimeoutMs: number;
  signal?: AbortSignal;
}

/**
 * One SFTP connection shared by a read's concurrent operations, reopened when it drops. `run`
 * retries an operation whose failure is a network one (reset, timeout, lost connection) on a
 * fresh session, a bounded number of times with backoff; any other failure (auth, host key,
 * permission, missing file) is thrown at once. Concurrent operations that lose the same
 * session share one reconnect.
 */
export interface Connection {
  run<T>(operation: string, path: string | undefined, work: (session: SftpSession) => Promise<T>, options?: { untimed?: boolean }): Promise<T>;
  close(): Promise<void>;
}

/** Create a {@link Connection}. Nothing is opened until the first `run`. */
export function createConnection(options: ConnectionOptions): Connection {
  const { retry, signal } = options;
  /** The open (or opening) session operations share. */
  let current: Promise<SftpSession> | undefined;
  /** `current` once it has opened, for comparisons that must not wait. */
  let currentSession: SftpSession | undefined;
  let closed = false;

  const forget = () => {
    current = undefined;
    currentSession = undefined;
  };

  const session = (): Promise<SftpSession> => {
    if (current) return current;
    const opening = options.open();
    current = opening;
    // A failed open is not cached: the next attempt opens again. One given up on (it took too
    // long, or the connection was closed meanwhile) is closed as soon as it completes, if ever.
    opening.then(
      (s) => {
        if (current !== opening) return void s.close();
        currentSession = s;
        s.onClose(() => {
          if (currentSession === s) forget();
        });
      },
      () => {
        if (current === opening) forget();
      },
    );
    return opening;
  };

  /** Close a session that failed with a network error, so the next attempt opens a fresh one. */
  const discard = async (failed: SftpSession | undefined) => {
    if (!failed) return;
    if (currentSession === failed) forget();
    await failed.close({ force: true });
  };

  return {
    async run(operation, path, work, runOptions = {}) {
      for (let attempt = 0; ; attempt++) {
        if (signal?.aborted || closed) throw abortedError();
        let used: SftpSession | undefined;
        let opening: Promise<SftpSession> | undefined;
        let failure: ReconError;
        try {
          const attemptOnce = async () => {
            opening = session();
            used = await opening;
            return work(used);
          };
          return runOptions.untimed ? await attemptOnce() : await withDeadline(attemptOnce(), options.operationTimeoutMs, () => timeoutError(operation, path, options));
        } catch (error) {
          if (signal?.aborted) throw abortedError();
          failure = toSftpError(error, { operation: used ? operation : 'connect', server: options.server, ...(used && path !== undefined && { path }), scrub: options.scrub });
        }
        // An open that never completed (a hung handshake) is not waited for again.
        if (!used && current === opening) forget();
        // A network failure makes the session suspect: replace it (it is shared with concurrent
        // work). Other failures (permission, missing file) leave it in service.
        if (failure.retryable) await discard(used);
        if (!failure.retryable || attempt >= retry.retries) throw failure;
        const delayMs = backoffDelay(attempt + 1, retry);
        await options.emit({ type: 'retry', operation, ...(path !== undefined && { path }), attempt: attempt + 1, delayMs, error: { code: failure.code, message: failure.message } });
        await sleep(delayMs, signal, abortedError);
      }
    },
    async close() {
      closed = true;
      const live = currentSession;
      forget();
      // A session still opening is closed by `session()`'s handler when it completes.
      await live?.close();
    },
  };
}

function timeoutError(operation: string, path: string | undefined, options: ConnectionOptions): NetworkError {
  return new NetworkError(`[recon:sftp] timed out: ${operation}${path ? ` ${path}` : ''} on ${options.server}: no answer within ${options.operationTimeoutMs} ms`, {
    code: 'SFTP_TIMEOUT',
    kind: 'timeout',
    connector: 'sftp',
    details: { operation, server: options.server, ...(path !== undefined && { path }) },
  });
}
