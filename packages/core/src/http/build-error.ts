import { AuthError, ConfigError, InvalidDataError, NetworkError, RateLimitError, ReconError, UpstreamError } from '../errors';
import type { ErrorKind, RedactedRequest, Redactor } from '../errors';
import { MALFORMED_CODE, TIMEOUT_CODE } from './classify';
import { bodySnippet } from './sanitize';
import type { ErrorContext, ErrorVerdict } from './types';

/** Everything needed to turn one failed attempt into a typed error. */
export interface FailureFacts {
  connector: string;
  ctx: ErrorContext;
  verdict: ErrorVerdict;
  request: RedactedRequest;
  scrub: Redactor;
  attempts: number;
  retryAfterMs?: number;
  requestId?: string;
  /** Why the kit stopped, when it did (`retries_exhausted`, `retry_after_too_long`, ...). */
  gaveUp?: string;
}

/** The kind a verdict means when it does not say: from the action, then status, then transport code. */
export function inferKind(ctx: ErrorContext, verdict: ErrorVerdict): ErrorKind {
  if (verdict.kind) return verdict.kind;
  if (verdict.action === 'rate_limited' || ctx.status === 429) return 'rate_limit';
  if (verdict.action === 'refresh_auth' || ctx.status === 401 || ctx.status === 403) return 'auth';
  if (ctx.status !== undefined) return 'upstream';
  if (ctx.code === TIMEOUT_CODE) return 'timeout';
  return 'network';
}

function describe(ctx: ErrorContext): string {
  if (ctx.code === MALFORMED_CODE) return `malformed response body (HTTP ${ctx.status ?? '?'})`;
  if (ctx.status !== undefined) return `HTTP ${ctx.status}`;
  if (ctx.code === TIMEOUT_CODE) return 'timed out';
  return ctx.error?.message ?? ctx.code ?? 'network error';
}

/**
 * Build the ReconError for a failed attempt. Only redacted or scrubbed material goes in: the
 * redacted request, a scrubbed message, a scrubbed body excerpt, and a sanitized cause.
 */
export function buildError(facts: FailureFacts): ReconError {
  const { ctx, verdict, scrub, connector } = facts;
  const kind = inferKind(ctx, verdict);
  const retryable = verdict.action === 'retry' || verdict.action === 'rate_limited';
  const what = verdict.message === undefined ? describe(ctx) : `${describe(ctx)}: ${verdict.message}`;
  const message = scrub(`[recon:${connector}] ${facts.request.method} ${facts.request.url} failed: ${what}${facts.attempts > 1 ? ` (after ${facts.attempts} attempts)` : ''}`);
  const body = ctx.response ? bodySnippet(ctx.response.data, scrub) : undefined;
  const details = scrub.value({
    attempts: facts.attempts,
    ...(ctx.code !== undefined && { transportCode: ctx.code }),
    ...(body !== undefined && { body }),
    ...(facts.gaveUp !== undefined && { gaveUp: facts.gaveUp }),
    ...verdict.details,
  });
  const code = verdict.code ?? (ctx.code === MALFORMED_CODE ? MALFORMED_CODE : ctx.status !== undefined ? `HTTP_${ctx.status}` : undefined);
  const common = {
    connector,
    request: facts.request,
    details,
    ...(code !== undefined && { code }),
    ...(ctx.status !== undefined && { status: ctx.status }),
    ...(facts.requestId !== undefined && { requestId: facts.requestId }),
    ...(facts.retryAfterMs !== undefined && { retryAfterMs: facts.retryAfterMs }),
    ...(ctx.error !== undefined && { cause: ctx.error }),
  };
  switch (kind) {
    case 'auth':
      return new AuthError(message, { ...common, retryable });
    case 'rate_limit':
      return new RateLimitError(message, { ...common, retryable });
    case 'network':
    case 'timeout':
    case 'aborted':
      return new NetworkError(message, { ...common, kind, retryable: kind !== 'aborted' && retryable });
    case 'config':
      return new ConfigError(message, common);
    case 'invalid_data':
      return new InvalidDataError(message, common);
    case 'upstream':
      return new UpstreamError(message, { ...common, retryable });
    default:
      return new ReconError(message, { ...common, code: code ?? 'HTTP_CLIENT_ERROR', kind, retryable });
  }
}
