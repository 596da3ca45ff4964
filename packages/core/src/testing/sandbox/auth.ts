import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthFailure, Authenticate, SandboxRequest } from './types';

/**
 * Compare two strings in time independent of where they differ. Both sides are hashed first so
 * lengths match too; a sandbox is a test double, but it should model what real servers do.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function unauthorized(message: string, challenge?: string): AuthFailure {
  return {
    status: 401,
    headers: challenge ? { 'www-authenticate': challenge } : {},
    body: { error: { code: 'UNAUTHORIZED', message } },
  };
}

function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Require HTTP Basic auth with exactly this user and password. */
export function requireBasic(user: string, pass: string): Authenticate {
  const expected = `${user}:${pass}`;
  return (req) => {
    const value = header(req, 'authorization');
    const match = value ? /^Basic\s+(\S+)$/i.exec(value) : null;
    if (!match?.[1]) return unauthorized('Basic credentials required', 'Basic realm="sandbox"');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    return constantTimeEqual(decoded, expected) ? true : unauthorized('Invalid credentials', 'Basic realm="sandbox"');
  };
}

/** Require `Authorization: Bearer <token>`; `token` may be a function for tokens issued at runtime. */
export function requireBearer(token: string | ((presented: string) => boolean)): Authenticate {
  const accepts = typeof token === 'string' ? (presented: string) => constantTimeEqual(presented, token) : token;
  return (req) => {
    const value = header(req, 'authorization');
    const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
    if (!match?.[1]) return unauthorized('Bearer token required', 'Bearer');
    return accepts(match[1]) ? true : unauthorized('Invalid or expired token', 'Bearer error="invalid_token"');
  };
}

/** Require an API key in the named header (`x-api-key`, `apikey`, ...). */
export function requireApiKey(headerName: string, key: string): Authenticate {
  return (req) => {
    const value = header(req, headerName);
    if (!value) return unauthorized(`Header ${headerName} required`);
    return constantTimeEqual(value, key) ? true : unauthorized('Invalid API key');
  };
}
