import type { ErrorContext, ErrorRule, ErrorVerdict } from './types';

/** Transport codes that mean "try again later": the connection broke or never formed. */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_NETWORK',
  'ERR_BAD_RESPONSE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * Codes that prove the request never left this process (no TCP connection, no DNS answer), so even
 * a non-idempotent POST can be repeated without risk of a duplicate on the server.
 */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

/** Our own code for a per-attempt deadline. */
export const TIMEOUT_CODE = 'TIMEOUT';
/** Our own code for a body that did not decode as the requested type. */
export const MALFORMED_CODE = 'RESPONSE_MALFORMED';

const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 425, 500, 502, 503, 504]);

const hasStatus = (status: number) => (ctx: ErrorContext) => ctx.status === status;

/**
 * The default classification table, tried after any connector rules. Order matters: a malformed
 * body is checked before statuses because it arrives with a 2xx.
 */
export const DEFAULT_ERROR_RULES: readonly ErrorRule[] = Object.freeze([
  { match: (ctx) => ctx.code === MALFORMED_CODE, action: 'retry', kind: 'upstream', code: MALFORMED_CODE },
  { match: hasStatus(401), action: 'refresh_auth', kind: 'auth' },
  { match: hasStatus(403), action: 'fail', kind: 'auth' },
  { match: hasStatus(429), action: 'rate_limited', kind: 'rate_limit' },
  { match: (ctx) => ctx.status !== undefined && RETRY_STATUSES.has(ctx.status), action: 'retry', kind: 'upstream' },
  { match: (ctx) => ctx.status !== undefined && ctx.status >= 400, action: 'fail', kind: 'upstream' },
  { match: (ctx) => ctx.code === TIMEOUT_CODE, action: 'retry', kind: 'timeout' },
  { match: (ctx) => ctx.code !== undefined && TRANSIENT_NETWORK_CODES.has(ctx.code), action: 'retry', kind: 'network' },
  // TLS certificate failures, invalid URLs, too many redirects: retrying cannot help.
  { match: (ctx) => ctx.status === undefined, action: 'fail', kind: 'network' },
]);

/** First matching rule of `rules` then of the default table; a catch-all `fail` when none matches. */
export function classifyError(ctx: ErrorContext, rules: readonly ErrorRule[] = []): ErrorVerdict {
  for (const rule of [...rules, ...DEFAULT_ERROR_RULES]) {
    if (rule.match(ctx)) {
      const { match: _match, ...verdict } = rule;
      return verdict;
    }
  }
  return { action: 'fail', kind: 'upstream' };
}
