import { AuthError, isReconError } from '../../errors';
import { requireNonEmpty } from './require-secret';
import { setHeader } from './set-header';
import type { AuthStrategy } from './types';

const MAX_REMEMBERED = 8;

/** A token value, or a function returning the current one (for rotation by the app). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * `Authorization: Bearer <token>`. With a provider, the token is asked for on every request, and
 * the last few tokens it returned stay known as secrets (an old one may still appear in a late log).
 */
export function bearerToken(tokenOrProvider: TokenSource): AuthStrategy {
  const seen = new Set<string>();
  if (typeof tokenOrProvider === 'string') seen.add(requireNonEmpty('bearer', 'token', tokenOrProvider));
  const current = async (): Promise<string> => {
    if (typeof tokenOrProvider === 'string') return tokenOrProvider;
    let token: string;
    try {
      token = await tokenOrProvider();
    } catch (error) {
      if (isReconError(error)) throw error;
      throw new AuthError('[recon:bearer] The token provider failed', { code: 'AUTH_TOKEN_PROVIDER_FAILED', retryable: false });
    }
    if (typeof token !== 'string' || token === '') throw new AuthError('[recon:bearer] The token provider returned no token', { code: 'AUTH_TOKEN_PROVIDER_FAILED' });
    seen.add(token);
    // Keep the last few only: a long-running process rotating hourly must not grow without bound.
    if (seen.size > MAX_REMEMBERED) seen.delete(seen.values().next().value as string);
    return token;
  };
  const strategy: AuthStrategy = {
    name: 'bearer',
    apply: async (request) => setHeader(request.headers, 'Authorization', `Bearer ${await current()}`),
    secrets: () => [...seen],
  };
  return Object.freeze(strategy);
}
