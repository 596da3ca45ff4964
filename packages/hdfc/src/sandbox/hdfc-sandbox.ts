import { createRng, createSandboxServer, requireBearer, type SandboxHandle, type SandboxStartOptions } from '@recon/core/testing';
import type { HdfcConfig } from '../config/config-schema';
import { HDFC_DEFAULT_STATEMENT_PATH, HDFC_TOKEN_PATH } from '../constants';
import { keyIdOf } from '../crypto/key-material';
import { createHdfcDataset, type HdfcDataset, type HdfcDatasetOptions } from './hdfc-dataset';
import type { HdfcSandboxFormat } from './render-rows';
import { generateSandboxKeyPair } from './sandbox-keys';
import { createStatementEndpoint, type ResponseCorruption } from './statement-endpoint';
import { startTlsFront, type SandboxTlsOptions } from './tls-front';
import { createTokenEndpoint } from './token-endpoint';

/** Options of {@link startHdfcSandbox}. */
export interface HdfcSandboxOptions extends SandboxStartOptions, Omit<HdfcDatasetOptions, 'seed'> {
  /** Row layout served (default `aa-deposit`, the connector's default mapping). */
  format?: HdfcSandboxFormat;
  /** Token lifetime announced and enforced (default 3600 s). */
  tokenTtlSeconds?: number;
  /** Serve over (mutual) TLS instead of plain HTTP. */
  tls?: SandboxTlsOptions;
  /** Largest page the API serves (default 100). */
  maxPageSize?: number;
  /** Longest date range one request may ask for (default 31 days). */
  maxRangeDays?: number;
}

/** What the sandbox hands a connector: the portal credentials and both public keys' counterparts. */
export interface HdfcSandboxCredentials {
  clientId: string;
  clientSecret: string;
  scope: string;
  accountNumber: string;
  /** The client's private key (PEM), generated at start: give it to the connector as `privateKey`. */
  privateKey: string;
  /** The bank's public key (PEM): the connector's `bankPublicKey`. */
  bankPublicKey: string;
}

/** A running HDFC sandbox. */
export interface HdfcSandbox extends SandboxHandle<HdfcSandboxCredentials> {
  dataset: HdfcDataset;
  /** Revoke every issued token: the next API call gets a 401. */
  expireTokens(): void;
  /** Spoil the next `times` statement responses (tampered ciphertext, wrong recipient key, bad signature, or not encrypted at all). */
  corruptResponses(kind: ResponseCorruption, times?: number): void;
  /** Tokens issued so far. */
  readonly tokensIssued: number;
  /** Every access token issued, for leak scans: none may appear in a connector's output. */
  readonly issuedTokens: readonly string[];
}

/**
 * Start an HDFC API Banking sandbox on 127.0.0.1: the OAuth2 token endpoint as HDFC integrations
 * call it, a statement endpoint on the JWS-in-JWE transport (the server holds the bank's key pair
 * and the client's public key, all generated at start), token-based paging, the one-row-as-object
 * quirk, seeded NEFT/RTGS/IMPS/UPI statement data, optional mutual TLS, and the core fault
 * vocabulary plus response corruptions.
 */
export async function startHdfcSandbox(options: HdfcSandboxOptions = {}): Promise<HdfcSandbox> {
  const seed = options.seed ?? 1;
  const dataset = createHdfcDataset({ ...options, seed });
  const rng = createRng(`hdfc-credentials:${seed}`);
  const alphanumeric = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const clientId = `l7${rng.string(30, alphanumeric)}`;
  const clientSecret = rng.string(32, alphanumeric);
  const scope = `RECON${rng.string(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}`;
  const client = generateSandboxKeyPair();
  const bank = generateSandboxKeyPair();
  const stranger = generateSandboxKeyPair();

  const tokens = createTokenEndpoint({ clientId, clientSecret, scope, ttlSeconds: options.tokenTtlSeconds ?? 3600 });
  const statements = createStatementEndpoint({
    dataset,
    format: options.format ?? 'aa-deposit',
    clientId,
    scope,
    bankPrivateKey: bank.privateKey,
    bankKeyId: keyIdOf(bank.publicKey),
    clientPublicKey: client.publicKey,
    stranger,
    maxPageSize: options.maxPageSize ?? 100,
    maxRangeDays: options.maxRangeDays ?? 31,
  });
  const server = await createSandboxServer({
    name: 'hdfc',
    routes: [
      { method: 'POST', path: HDFC_TOKEN_PATH, public: true, handler: (req) => tokens.handle(req) },
      { method: 'POST', path: HDFC_DEFAULT_STATEMENT_PATH, auth: requireBearer((token) => tokens.isValid(token)), handler: (req) => statements.handle(req) },
    ],
    ...(options.faults && { faults: options.faults }),
    ...(options.logger && { logger: options.logger }),
  });
  const port = Number(new URL(server.url).port);
  const front = options.tls ? await startTlsFront(port, options.tls) : undefined;
  return {
    url: front?.url ?? server.url,
    credentials: { clientId, clientSecret, scope, accountNumber: dataset.accountNumber, privateKey: client.privateKeyPem, bankPublicKey: bank.publicKeyPem },
    server,
    dataset,
    expireTokens: () => tokens.expireAll(),
    corruptResponses: (kind, times) => statements.corrupt(kind, times),
    get tokensIssued() {
      return tokens.issued;
    },
    get issuedTokens() {
      return tokens.tokens;
    },
    async close() {
      await front?.close();
      await server.close();
    },
  };
}

/** A connector config for a running sandbox (credentials, keys, account); spread your own options over it. */
export function hdfcSandboxConfig(sandbox: Pick<HdfcSandbox, 'url' | 'credentials'>): HdfcConfig {
  const { clientId, clientSecret, scope, accountNumber, privateKey, bankPublicKey } = sandbox.credentials;
  return { baseUrl: sandbox.url, clientId, clientSecret, scope, accountNumber, privateKey, bankPublicKey };
}
