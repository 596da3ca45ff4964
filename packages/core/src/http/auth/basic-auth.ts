import { requireNonEmpty } from './require-secret';
import { setHeader } from './set-header';
import type { AuthStrategy } from './types';

/**
 * HTTP Basic authentication (RFC 7617). The password, the `user:password` pair and therefore its
 * base64 form are all reported as secrets, so none survives in a log line.
 */
export function basicAuth(username: string, password: string): AuthStrategy {
  requireNonEmpty('basic', 'username', username);
  requireNonEmpty('basic', 'password', password);
  const pair = `${username}:${password}`;
  const header = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  const strategy: AuthStrategy = {
    name: 'basic',
    apply: async (request) => setHeader(request.headers, 'Authorization', header),
    secrets: () => [password, pair],
  };
  return Object.freeze(strategy);
}
