import { randomBytes } from 'node:crypto';
import { constantTimeEqual, type SandboxRequest, type SandboxResponse } from '@recon/core/testing';

/** The sandbox's OAuth2 client-credentials token endpoint and the tokens it issued. */
export interface TokenEndpoint {
  handle(req: SandboxRequest): SandboxResponse;
  /** True for a token this endpoint issued that has not expired or been revoked. */
  isValid(token: string): boolean;
  /** Make every issued token invalid at once (the server-side view of expiry). */
  expireAll(): void;
  /** Tokens issued so far. */
  readonly issued: number;
  /** Every token issued, oldest first (for leak scans in tests). */
  readonly tokens: readonly string[];
}

/** Who may get a token. */
export interface TokenEndpointOptions {
  clientId: string;
  clientSecret: string;
  scope: string;
  /** Lifetime announced in `expires_in` and enforced (default 3600 s). */
  ttlSeconds: number;
  now?: () => number;
}

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({ status, body: { error, error_description: description } });

/**
 * HDFC's token call as integrations make it [S x3]: `POST …/token?grant_type=client_credentials&scope=…`
 * with `Authorization: Basic base64(client_key:client_secret)`. Grant type and scope are read from
 * the query string; the answer carries `access_token`, `token_type` and `expires_in` (the last two
 * are not confirmed for HDFC [U]).
 */
export function createTokenEndpoint(options: TokenEndpointOptions): TokenEndpoint {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, number>();
  const everIssued: string[] = [];
  let issued = 0;
  return {
    handle(req) {
      if (req.query['grant_type'] !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'grant_type=client_credentials is required in the query string');
      const header = req.headers['authorization'];
      const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header) : null;
      const presented = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
      if (!constantTimeEqual(presented, `${options.clientId}:${options.clientSecret}`)) return oauthError(401, 'invalid_client', 'Client authentication failed');
      if (req.query['scope'] !== options.scope) return oauthError(400, 'invalid_scope', 'The scope is missing or not granted to this client');
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, now() + options.ttlSeconds * 1000);
      everIssued.push(token);
      issued += 1;
      return { body: { access_token: token, token_type: 'Bearer', expires_in: options.ttlSeconds, scope: options.scope } };
    },
    isValid(token) {
      const expiresAt = tokens.get(token);
      return expiresAt !== undefined && now() < expiresAt;
    },
    expireAll() {
      tokens.clear();
    },
    get issued() {
      return issued;
    },
    get tokens() {
      return everIssued;
    },
  };
}
