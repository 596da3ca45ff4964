import { createHttpClient, oauth2ClientCredentials, type AuthRequest, type AuthStrategy, type Logger, type Redactor } from '@recon/core';
import type { SbiResolvedConfig } from '../config/config-schema';
import { SBI_DEFAULT_TOKEN_PATH, SBI_SOURCE } from '../constants';
import { loadPrivateKey, loadPublicKey } from '../crypto/rsa';
import { createSbiEnvelope } from '../crypto/sbi-envelope';
import { readEisResponse } from './eis-result';
import { newRequestReference } from './request-reference';
import { buildStatementPlaintext, type SbiStatementQuery } from './statement-request';

/** Session keys remembered for scrubbing; a call uses one, so a handful covers any late log line. */
const MAX_REMEMBERED_SESSION_KEYS = 8;

/** The SBI API as the connector uses it. */
export interface SbiApi {
  /** One statement call through the envelope; resolves to the `EIS_RESPONSE` object. */
  fetchStatement(query: Omit<SbiStatementQuery, 'account' | 'corporateCode' | 'sourceId'>, signal?: AbortSignal): Promise<unknown>;
}

/**
 * The transport: OAuth2 client credentials (as the integration guide says; token cached, refreshed
 * before expiry and once on a 401), the client-side rate limit and retries of the core HTTP kit,
 * and the AES-GCM + RSA envelope around every statement call.
 */
export function createSbiApi(config: SbiResolvedConfig, context: { logger: Logger; redact: Redactor }): SbiApi {
  const privateKey = loadPrivateKey(config.privateKey, config.privateKeyPassphrase);
  const envelope = createSbiEnvelope({ privateKey, bankPublicKey: loadPublicKey(config.bankPublicKey) }, config.envelope);
  const shared = { connector: SBI_SOURCE, logger: context.logger, redactor: context.redact };
  const oauth =
    config.oauth && config.clientId !== undefined && config.clientSecret !== undefined
      ? oauth2ClientCredentials({
          tokenUrl: config.tokenUrl ?? new URL(SBI_DEFAULT_TOKEN_PATH, config.baseUrl).toString(),
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          ...(config.scope !== undefined && { scope: config.scope }),
          httpClientOptions: { ...shared, timeoutMs: config.timeoutMs },
        })
      : undefined;
  // Session keys are secrets born per request: the kit asks the auth strategy for the values to
  // scrub on every failure, so recent ones are added there (a server echoing one back in an error
  // body must not put it in an error or a log).
  const recentSessionKeys: string[] = [];
  const auth: AuthStrategy = Object.freeze({
    name: oauth?.name ?? 'none',
    apply: async (request: AuthRequest, signal?: AbortSignal) => oauth?.apply(request, signal),
    ...(oauth?.onUnauthorized && { onUnauthorized: oauth.onUnauthorized }),
    secrets: () => [...(oauth?.secrets() ?? []), ...recentSessionKeys],
  });
  const client = createHttpClient({
    ...shared,
    baseURL: config.baseUrl,
    timeoutMs: config.timeoutMs,
    auth,
    ...(config.rateLimit !== false && { rateLimit: config.rateLimit }),
    ...(config.retry && { retry: config.retry }),
  });

  return Object.freeze({
    async fetchStatement(query: Omit<SbiStatementQuery, 'account' | 'corporateCode' | 'sourceId'>, signal?: AbortSignal): Promise<unknown> {
      const plaintext = buildStatementPlaintext(config.statementRequest, { ...query, account: config.accountNumber, corporateCode: config.corporateCode, sourceId: config.sourceId }, privateKey);
      const sealed = envelope.seal(plaintext, newRequestReference(config.sourceId));
      if (sealed.sessionKey !== undefined) {
        recentSessionKeys.push(sealed.sessionKey);
        if (recentSessionKeys.length > MAX_REMEMBERED_SESSION_KEYS) recentSessionKeys.shift();
      }
      const response = await client.post<unknown>(config.statementRequest.path, sealed.body, {
        headers: { ...sealed.headers, 'Content-Type': 'application/json' },
        // A statement read changes nothing at the bank: safe to repeat, with the same reference number.
        idempotent: true,
        ...(signal && { signal }),
      });
      return readEisResponse(envelope.open(response.data, sealed), context.redact);
    },
  });
}
