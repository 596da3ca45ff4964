import { randomBytes } from 'node:crypto';
import { constantTimeEqual, type SandboxRequest, type SandboxResponse } from '@recon/core/testing';

/** The sandbox's OAuth2 token endpoint and the tokens it issued. */
export interface SbiTokenEndpoint {
  handle(req: SandboxRequest): SandboxResponse;
  isValid(token: string): boolean;
  expireAll(): void;
  readonly issued: number;
  /** Every token issued, oldest first. */
  readonly tokens: readonly string[];
}

const oauthError = (status: number, error: string): SandboxResponse => ({ status, body: { error } });

/**
 * A standard RFC 6749 client-credentials endpoint (SBI's own is not public [U]): form body
 * `grant_type=client_credentials[&scope=…]`, client authenticated with HTTP Basic, answer
 * `{ access_token, token_type, expires_in }`. Tokens expire after `ttlSeconds`.
 */
export function createSbiTokenEndpoint(options: { clientId: string; clientSecret: string; scope?: string; ttlSeconds: number }): SbiTokenEndpoint {
  const tokens = new Map<string, number>();
  const everIssued: string[] = [];
  let issued = 0;
  return {
    handle(req) {
      const form = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, string>;
      if (form['grant_type'] !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
      const header = req.headers['authorization'];
      const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header) : null;
      const presented = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
      if (!constantTimeEqual(presented, `${options.clientId}:${options.clientSecret}`)) return oauthError(401, 'invalid_client');
      if (options.scope !== undefined && form['scope'] !== options.scope) return oauthError(400, 'invalid_scope');
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, Date.now() + options.ttlSeconds * 1000);
      everIssued.push(token);
      issued += 1;
      return { body: { access_token: token, token_type: 'Bearer', expires_in: options.ttlSeconds } };
    },
    isValid(token) {
      const expiresAt = tokens.get(token);
      return expiresAt !== undefined && Date.now() < expiresAt;
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
