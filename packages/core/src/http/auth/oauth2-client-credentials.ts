import { z } from 'zod';
import { AuthError, ConfigError } from '../../errors';
import type { ReconError } from '../../errors';
import { raceAbort } from '../abort';
import { createHttpClient } from '../create-http-client';
import type { HttpClientOptions } from '../types';
import { requireNonEmpty } from './require-secret';
import { setHeader } from './set-header';
import type { AuthRequest, AuthStrategy } from './types';

/** Options of {@link oauth2ClientCredentials}. */
export interface OAuth2ClientCredentialsOptions {
  /** Absolute URL of the token endpoint. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-joined when an array. */
  scope?: string | string[];
  audience?: string;
  /** How the client proves itself (RFC 6749 §2.3.1): HTTP Basic header or form fields ['basic']. */
  clientAuthentication?: 'basic' | 'body';
  /** Refresh this long before `expires_in` runs out (capped at half the token's lifetime) [60 000]. */
  refreshSkewMs?: number;
  /** Extra form fields for the token request (e.g. `resource`). */
  extraParams?: Record<string, string>;
  /** Options of the internal client that calls the token endpoint (logger, timeout, retry, agents). */
  httpClientOptions?: Partial<Omit<HttpClientOptions, 'baseURL' | 'auth' | 'classifyResponse'>>;
  /** Clock in ms since the epoch; injectable so expiry is testable without waiting. */
  now?: () => number;
}

const TokenResponse = z
  .object({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: z.union([z.number().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
  })
  .loose();

interface CachedToken {
  value: string;
  /** When to stop using it; undefined when the server gave no lifetime (valid until a 401). */
  refreshAt: number | undefined;
}

/** Tokens remembered for redaction after they rotate (a late log line may still carry one). */
const MAX_REMEMBERED = 8;

/**
 * OAuth2 client-credentials grant. The token is cached and refreshed shortly before it expires;
 * concurrent callers share a single in-flight token request; a 401 from the API invalidates the
 * token that was sent (only that one) and the request is repeated once. Token endpoint failures
 * become `AuthError` (`AUTH_TOKEN_FAILED`) keeping the upstream `retryable` flag; fetched tokens are
 * reported by `secrets()` so they are scrubbed like the client secret.
 */
export function oauth2ClientCredentials(options: OAuth2ClientCredentialsOptions): AuthStrategy {
  const tokenUrl = requireNonEmpty('oauth2', 'tokenUrl', options.tokenUrl);
  const clientId = requireNonEmpty('oauth2', 'clientId', options.clientId);
  const clientSecret = requireNonEmpty('oauth2', 'clientSecret', options.clientSecret);
  const clientAuthentication = options.clientAuthentication ?? 'basic';
  if (clientAuthentication !== 'basic' && clientAuthentication !== 'body') {
    throw new ConfigError("[recon:oauth2] `clientAuthentication` must be 'basic' or 'body'.");
  }
  const refreshSkewMs = options.refreshSkewMs ?? 60_000;
  const now = options.now ?? Date.now;
  const connector = options.httpClientOptions?.connector ?? 'oauth2';
  // RFC 6749 §2.3.1: id and secret are form-encoded before being joined for the Basic header.
  const encodedPair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  const staticSecrets = [clientSecret, encodedPair, `${clientId}:${clientSecret}`];

  const tokenClient = createHttpClient({
    retry: { retries: 2, maxElapsedMs: 30_000 },
    timeoutMs: 15_000,
    ...options.httpClientOptions,
    connector,
    baseURL: tokenUrl,
    secrets: [...(options.httpClientOptions?.secrets ?? []), ...staticSecrets],
  });

  let token: CachedToken | undefined;
  let inflight: Promise<string> | undefined;
  const remembered: string[] = [];

  const fetchToken = async (): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const scope = Array.isArray(options.scope) ? options.scope.join(' ') : options.scope;
    if (scope) form.set('scope', scope);
    if (options.audience) form.set('audience', options.audience);
    for (const [key, value] of Object.entries(options.extraParams ?? {})) form.set(key, value);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (clientAuthentication === 'basic') headers.Authorization = `Basic ${Buffer.from(encodedPair, 'utf8').toString('base64')}`;
    else {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    const requestedAt = now();
    let data: unknown;
    try {
      // A token request changes nothing on the server, so it is safe to retry though it is a POST.
      ({ data } = await tokenClient.post(tokenUrl, form, { headers, idempotent: true }));
    } catch (error) {
      const failure = error as ReconError;
      if (failure.kind === 'aborted') throw failure;
      throw new AuthError(`[recon:${connector}] OAuth2 token request failed: ${failure.message}`, {
        code: 'AUTH_TOKEN_FAILED',
        retryable: failure.retryable,
        connector,
        cause: failure,
        ...(failure.status !== undefined && { status: failure.status }),
        ...(failure.request !== undefined && { request: failure.request }),
        ...(failure.requestId !== undefined && { requestId: failure.requestId }),
        ...(failure.details !== undefined && { details: failure.details }),
      });
    }
    const parsed = TokenResponse.safeParse(data);
    if (!parsed.success) {
      // Only paths and messages: the raw body may hold a token we failed to recognise.
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      throw new AuthError(`[recon:${connector}] OAuth2 token response has no usable access_token`, { code: 'AUTH_TOKEN_INVALID', connector, details: { issues } });
    }
    const value = parsed.data.access_token;
    remembered.push(value);
    if (remembered.length > MAX_REMEMBERED) remembered.shift();
    const lifetimeMs = parsed.data.expires_in === undefined ? undefined : Number(parsed.data.expires_in) * 1000;
    token = { value, refreshAt: lifetimeMs === undefined ? undefined : requestedAt + lifetimeMs - Math.min(refreshSkewMs, lifetimeMs / 2) };
    return value;
  };

  const currentToken = (signal?: AbortSignal): Promise<string> => {
    if (token && (token.refreshAt === undefined || now() < token.refreshAt)) return Promise.resolve(token.value);
    if (!inflight) {
      const started = fetchToken().finally(() => {
        if (inflight === started) inflight = undefined;
      });
      // Callers may all abort and walk away; the shared request must not become an unhandled rejection.
      started.catch(() => undefined);
      inflight = started;
    }
    return raceAbort(inflight, signal, connector, 'Aborted while waiting for an OAuth2 token');
  };

  return Object.freeze({
    name: 'oauth2',
    apply: async (request: AuthRequest, signal?: AbortSignal) => setHeader(request.headers, 'Authorization', `Bearer ${await currentToken(signal)}`),
    onUnauthorized: async (failed: AuthRequest) => {
      const sent = Object.entries(failed.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
      // Only drop the token that failed: when another request already rotated it, just repeat.
      if (token && sent === `Bearer ${token.value}`) token = undefined;
      return true;
    },
    secrets: () => [...staticSecrets, ...remembered],
  });
}
