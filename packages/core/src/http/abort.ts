import { NetworkError } from '../errors';

/** The error every abort in the kit becomes: never retryable. */
export function abortedError(connector: string | undefined, message = 'Request aborted'): NetworkError {
  return new NetworkError(message, { kind: 'aborted', ...(connector !== undefined && { connector }) });
}

/** Wait `ms`, rejecting with an aborted {@link NetworkError} as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal, connector?: string): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(connector));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(connector, 'Request aborted while waiting to retry'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settle with `promise`, or reject with an aborted {@link NetworkError} when `signal` fires first.
 * The promise itself keeps running (it may be shared, e.g. a token request other callers await);
 * `onAbandon` lets the owner know nobody waits for it here any more.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, connector?: string, message?: string, onAbandon?: () => void): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbandon?.();
    return Promise.reject(abortedError(connector, message));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      onAbandon?.();
      reject(abortedError(connector, message));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
