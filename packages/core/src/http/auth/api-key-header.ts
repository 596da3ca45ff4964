import { requireNonEmpty } from './require-secret';
import { setHeader } from './set-header';
import type { AuthStrategy } from './types';

/** A static API key sent in a header (HDFC/ICICI gateways use names like `apikey`). */
export function apiKeyHeader(headerName: string, key: string): AuthStrategy {
  requireNonEmpty('api_key', 'headerName', headerName);
  requireNonEmpty('api_key', 'key', key);
  const strategy: AuthStrategy = {
    name: 'api_key',
    apply: async (request) => setHeader(request.headers, headerName, key),
    secrets: () => [key],
  };
  return Object.freeze(strategy);
}
