export * from './types';
export { basicAuth } from './basic-auth';
export { bearerToken } from './bearer-token';
export type { TokenSource } from './bearer-token';
export { apiKeyHeader } from './api-key-header';
export { oauth2ClientCredentials } from './oauth2-client-credentials';
export type { OAuth2ClientCredentialsOptions } from './oauth2-client-credentials';
