import { randomUUID } from 'node:crypto';
import { Agent as HttpsAgent } from 'node:https';
import { createHttpClient, oauth2ClientCredentials, type ErrorVerdict, type HttpResponse, type Logger, type Redactor } from '@recon/core';
import type { HdfcResolvedConfig } from '../config/config-schema';
import { HDFC_SOURCE, HDFC_TOKEN_PATH, JOSE_CONTENT_TYPE } from '../constants';
import { createJoseEnvelope } from '../crypto/jose-envelope';
import { compactJweDefect } from '../crypto/jwe-shape';
import { keyIdOf, loadPrivateKey, loadPublicKey } from '../crypto/key-material';
import { buildStatementRequest, type StatementQuery } from './statement-request';

/** The HDFC API as the connector uses it. */
export interface HdfcApi {
  /** One statement call: the body signed and encrypted, the answer decrypted and verified. Resolves to the plaintext payload. */
  fetchStatement(query: StatementQuery, signal?: AbortSignal): Promise<unknown>;
  /** Release keep-alive sockets. */
  close(): void;
}

/**
 * The token URL with grant type and scope in its query string, where HDFC reads them
 * [S x3: aerele `get_oauth_token`, public C# and Angular samples]. (The form body carries them too.)
 */
export function hdfcTokenUrl(config: Pick<HdfcResolvedConfig, 'baseUrl' | 'tokenUrl' | 'scope'>): string {
  const url = new URL(config.tokenUrl ?? new URL(HDFC_TOKEN_PATH, config.baseUrl).toString());
  url.searchParams.set('grant_type', 'client_credentials');
  url.searchParams.set('scope', config.scope);
  return url.toString();
}

/**
 * A 2xx body must be a whole compact JWE. One that is cut short (a dropped connection mid-body)
 * is retried like a truncated JSON body; a plain JSON body in a 2xx is a gateway answer that was
 * never encrypted, which no retry fixes.
 */
function classifyJoseResponse(response: HttpResponse): ErrorVerdict | undefined {
  const defect = compactJweDefect(response.data);
  if (defect === undefined) return undefined;
  if (typeof response.data === 'string' && /^\s*[{[]/.test(response.data)) {
    try {
      JSON.parse(response.data);
      return { action: 'fail', kind: 'upstream', code: 'RESPONSE_NOT_ENCRYPTED', message: 'the bank answered with a plain JSON body instead of a JWE' };
    } catch {
      // not JSON either: fall through to "cut short"
    }
  }
  return { action: 'retry', kind: 'upstream', code: 'RESPONSE_MALFORMED', message: `the body is not a whole compact JWE (${defect})` };
}

/**
 * Build the transport: OAuth2 client credentials (Basic auth, scope in the query, mutual TLS when
 * configured; the token is cached, refreshed before expiry and once on a 401), the client-side rate
 * limit, retries through the core HTTP kit, and the JOSE envelope around every statement call with
 * the headers HDFC's `corp-*` APIs take: `apikey`, `scope`, `transactionId`, `Content-Type:
 * application/jose` [S, aerele].
 */
export function createHdfcApi(config: HdfcResolvedConfig, context: { logger: Logger; redact: Redactor }): HdfcApi {
  const privateKey = loadPrivateKey(config.privateKey, config.privateKeyPassphrase);
  const bankPublicKey = loadPublicKey(config.bankPublicKey);
  const envelope = createJoseEnvelope({
    privateKey,
    bankPublicKey,
    signingKeyId: config.signingKeyId ?? keyIdOf(privateKey),
    bankKeyId: config.bankKeyId ?? keyIdOf(bankPublicKey),
  });
  const httpsAgent = config.tls
    ? new HttpsAgent({
        keepAlive: true,
        ...(config.tls.cert !== undefined && { cert: config.tls.cert }),
        ...(config.tls.key !== undefined && { key: config.tls.key }),
        ...(config.tls.passphrase !== undefined && { passphrase: config.tls.passphrase }),
        ...(config.tls.ca !== undefined && { ca: config.tls.ca }),
      })
    : undefined;
  const shared = { connector: HDFC_SOURCE, logger: context.logger, redactor: context.redact, ...(httpsAgent && { httpsAgent }) };
  const auth = oauth2ClientCredentials({
    tokenUrl: hdfcTokenUrl(config),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scope: config.scope,
    clientAuthentication: 'basic',
    httpClientOptions: { ...shared, timeoutMs: config.timeoutMs },
  });
  const client = createHttpClient({
    ...shared,
    baseURL: config.baseUrl,
    timeoutMs: config.timeoutMs,
    auth,
    ...(config.rateLimit !== false && { rateLimit: config.rateLimit }),
    ...(config.retry && { retry: config.retry }),
    classifyResponse: classifyJoseResponse,
    requestIdHeaders: ['transactionid'],
  });

  return Object.freeze({
    async fetchStatement(query: StatementQuery, signal?: AbortSignal): Promise<unknown> {
      const body = await envelope.seal(buildStatementRequest(config.statementRequest, query));
      const response = await client.post<string>(config.statementRequest.path, body, {
        headers: {
          apikey: config.clientId,
          scope: config.scope,
          transactionId: randomUUID().replaceAll('-', ''),
          'Content-Type': JOSE_CONTENT_TYPE,
          Accept: JOSE_CONTENT_TYPE,
        },
        // A statement read changes nothing at the bank, so repeating it is safe though it is a POST.
        idempotent: true,
        responseType: 'text',
        ...(signal && { signal }),
      });
      return envelope.open(response.data);
    },
    close() {
      httpsAgent?.destroy();
    },
  });
}
