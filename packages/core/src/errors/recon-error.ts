import type { RedactedRequest } from './redact';

/**
 * What went wrong, in the vocabulary a caller branches on. Chosen to answer two questions at once:
 * whose fault is it (config, auth, upstream, invalid_data) and is it worth trying again
 * (rate_limit, network, timeout).
 */
export type ErrorKind =
  | 'config'
  | 'auth'
  | 'rate_limit'
  | 'upstream'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid_data'
  | 'internal';

/** A JSON-safe view of a {@link ReconError}, for logs and dead letters. */
export interface ReconErrorJSON {
  name: string;
  code: string;
  kind: ErrorKind;
  message: string;
  retryable: boolean;
  status?: number;
  connector?: string;
  requestId?: string;
  retryAfterMs?: number;
  request?: RedactedRequest;
  details?: unknown;
  cause?: { name: string; message: string } | undefined;
}

/** Options shared by every {@link ReconError} constructor. */
export interface ReconErrorOptions {
  /** SCREAMING_SNAKE code, stable across releases (e.g. `HTTP_429`, `CONFIG_INVALID`). */
  code: string;
  kind: ErrorKind;
  /** Whether repeating the same operation may succeed. Defaults from `kind`. */
  retryable?: boolean;
  cause?: unknown;
  status?: number;
  connector?: string;
  requestId?: string;
  /** Server hint (Retry-After) in milliseconds. */
  retryAfterMs?: number;
  /** The request that failed, with secrets already removed. Never the raw request. */
  request?: RedactedRequest;
  /** Structured, secret-free detail (validation issues, upstream error code, ...). */
  details?: unknown;
}

/** Brand that survives duplicate copies of this package (CJS + ESM, or two installs). */
const BRAND = Symbol.for('@recon/error');

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorKind> = new Set(['rate_limit', 'network', 'timeout']);

/**
 * The one error base of `@recon/*`. Every error a connector, sink or the HTTP kit throws is a
 * ReconError (or subclass) with a stable `code`, a `kind`, and a `retryable` flag; its `request`
 * is a redacted copy, so printing or serialising the error never shows a credential.
 */
export class ReconError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly connector?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  readonly request?: RedactedRequest;
  readonly details?: unknown;

  constructor(message: string, options: ReconErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.kind = options.kind;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(options.kind);
    if (options.status !== undefined) this.status = options.status;
    if (options.connector !== undefined) this.connector = options.connector;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.request !== undefined) this.request = options.request;
    if (options.details !== undefined) this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** `instanceof` that also recognises errors from another copy of `@recon/core`. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ReconError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return isReconError(value);
  }

  toJSON(): ReconErrorJSON {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : undefined;
    return {
      name: this.name,
      code: this.code,
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.connector !== undefined && { connector: this.connector }),
      ...(this.requestId !== undefined && { requestId: this.requestId }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
      ...(this.request !== undefined && { request: this.request }),
      ...(this.details !== undefined && { details: this.details }),
      ...(cause && { cause }),
    };
  }
}

/** True for any ReconError, including one created by a different copy of `@recon/core`. */
export function isReconError(value: unknown): value is ReconError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

type SubclassOptions = Omit<ReconErrorOptions, 'kind' | 'code'> & { code?: string };

/** Bad configuration: missing option, unknown key, wrong type. Never retryable. */
export class ConfigError extends ReconError {
  constructor(message: string, options: SubclassOptions = {}) {
    super(message, { ...options, code: options.code ?? 'CONFIG_INVALID', kind: 'config', retryable: false });
  }
}

/** Credentials refused or expired beyond refresh. */
export class AuthError extends ReconError {
  constructor(message: string, options: SubclassOptions = {}) {
    super(message, { ...options, code: options.code ?? 'AUTH_FAILED', kind: 'auth', retryable: options.retryable ?? false });
  }
}

/** The server (or our own limiter) said slow down. `retryAfterMs` carries the hint when known. */
export class RateLimitError extends ReconError {
  constructor(message: string, options: SubclassOptions = {}) {
    super(message, { ...options, code: options.code ?? 'RATE_LIMITED', kind: 'rate_limit', retryable: options.retryable ?? true });
  }
}

/** The upstream API answered with an error (4xx/5xx or an error envelope in a 200). */
export class UpstreamError extends ReconError {
  constructor(message: string, options: SubclassOptions = {}) {
    super(message, { ...options, code: options.code ?? 'UPSTREAM_ERROR', kind: 'upstream' });
  }
}

/** The request never got a usable answer: reset, refused, DNS, timeout or abort. */
export class NetworkError extends ReconError {
  constructor(message: string, options: SubclassOptions & { kind?: 'network' | 'timeout' | 'aborted' } = {}) {
    const kind = options.kind ?? 'network';
    super(message, { ...options, code: options.code ?? `NETWORK_${kind.toUpperCase()}`, kind, retryable: options.retryable ?? kind !== 'aborted' });
  }
}

/** One problem found while validating data, with the path to the offending field. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

/**
 * A record from outside that failed validation. Carries every issue (not just the first) and the
 * raw payload, so the record can go to a dead letter and be fixed, never silently dropped.
 */
export class InvalidDataError extends ReconError {
  readonly issues: ValidationIssue[];
  readonly raw: unknown;

  constructor(message: string, options: SubclassOptions & { issues?: ValidationIssue[]; raw?: unknown } = {}) {
    const { issues = [], raw, ...rest } = options;
    super(message, { ...rest, code: rest.code ?? 'INVALID_DATA', kind: 'invalid_data', retryable: false, details: rest.details ?? { issues } });
    this.issues = issues;
    this.raw = raw;
  }
}
