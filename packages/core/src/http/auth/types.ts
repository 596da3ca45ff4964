/** The mutable view of an outgoing request that an {@link AuthStrategy} may sign. */
export interface AuthRequest {
  /** Header map; an auth strategy adds its credential here. */
  headers: Record<string, string>;
  /** Upper-case HTTP method. */
  method: string;
  /** Full URL including the query string, before redaction (strategies may sign it). */
  url: string;
}

/**
 * How a client authenticates. A plain object built by a factory ({@link basicAuth},
 * {@link bearerToken}, {@link apiKeyHeader}, {@link oauth2ClientCredentials}); credentials live in
 * closures, never on enumerable fields, so `console.log(strategy)` prints no secret.
 */
export interface AuthStrategy {
  /** Short name for logs (`basic`, `bearer`, `api_key`, `oauth2`). */
  readonly name: string;
  /** Add credentials to the request (may fetch a token first). Rejects with a ReconError. */
  apply(request: AuthRequest, signal?: AbortSignal): Promise<void>;
  /**
   * Called once when the server answered 401 (or a rule said `refresh_auth`). Resolve `true` when
   * the credential was refreshed and the request is worth repeating once; `false` to fail.
   * `failed` is the request as it was sent, so a strategy can tell whether the token it carried is
   * still the current one (concurrent 401s then cause one refresh, not many).
   */
  onUnauthorized?(failed: AuthRequest): Promise<boolean>;
  /** The values to scrub from logs and errors, including derived ones (encoded pairs, fetched tokens). */
  secrets(): string[];
}
