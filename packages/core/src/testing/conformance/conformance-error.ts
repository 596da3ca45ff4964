/** A failed conformance check: the message says what broke the contract, in terms a connector author can act on. */
export class ConformanceError extends Error {
  constructor(
    readonly check: string,
    message: string,
  ) {
    super(`[conformance:${check}] ${message}`);
    this.name = 'ConformanceError';
  }
}

/** Throw a {@link ConformanceError} unless `condition` holds. */
export function ensure(condition: unknown, check: string, message: string | (() => string)): asserts condition {
  if (!condition) throw new ConformanceError(check, typeof message === 'function' ? message() : message);
}
