import { generateKeyPairSync } from 'node:crypto';
import { createRng, createSandboxServer, requireBearer, type SandboxHandle, type SandboxStartOptions } from '@recon/core/testing';
import type { SbiConfig } from '../config/config-schema';
import { SBI_DEFAULT_STATEMENT_PATH, SBI_DEFAULT_TOKEN_PATH } from '../constants';
import { SbiEnvelopeSchema, type SbiEnvelopeInput } from '../crypto/envelope-settings';
import { createSbiDataset, type SbiDataset, type SbiDatasetOptions } from './sbi-dataset';
import { createSbiStatementEndpoint, type SbiResponseCorruption } from './statement-endpoint';
import { createSbiTokenEndpoint } from './token-endpoint';

/** Options of {@link startSbiSandbox}. */
export interface SbiSandboxOptions extends SandboxStartOptions, Omit<SbiDatasetOptions, 'seed'> {
  /** Envelope the server speaks (same shape as the connector's `envelope`); §4 defaults. */
  envelope?: SbiEnvelopeInput;
  /** Require this OAuth2 scope (default: none). */
  scope?: string;
  /** Demand a Bearer token on statement calls (default true); `false` serves them on the envelope alone. */
  requireOAuth?: boolean;
  tokenTtlSeconds?: number;
  /** Rows per page (default 20). */
  pageSize?: number;
  /** Longest range per request (default 31 days). */
  maxRangeDays?: number;
}

/** Credentials and keys the sandbox hands a connector. */
export interface SbiSandboxCredentials {
  clientId: string;
  clientSecret: string;
  scope?: string;
  accountNumber: string;
  corporateCode: string;
  sourceId: string;
  /** The client's private key (PEM), generated at start. */
  privateKey: string;
  /** The bank's public key (PEM). */
  bankPublicKey: string;
}

/** A running SBI sandbox. */
export interface SbiSandbox extends SandboxHandle<SbiSandboxCredentials> {
  dataset: SbiDataset;
  expireTokens(): void;
  corruptResponses(kind: SbiResponseCorruption, times?: number): void;
  readonly tokensIssued: number;
  /** Every access token issued, for leak scans. */
  readonly issuedTokens: readonly string[];
  /** Every session key the server unwrapped, for leak scans. */
  readonly sessionKeys: readonly string[];
}

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

/**
 * Start an SBI corporate API sandbox on 127.0.0.1: an OAuth2 token endpoint, the statement endpoint
 * behind the AES-GCM + RSA envelope (the server holds the bank key pair and the client's public key,
 * all generated at start), EIS request checks (reference number, `HASH`), record-number paging, the
 * one-row-as-object and `EIS_RESPONSE`-as-string quirks, seeded statement data, the core fault
 * vocabulary plus response corruptions.
 */
export async function startSbiSandbox(options: SbiSandboxOptions = {}): Promise<SbiSandbox> {
  const seed = options.seed ?? 1;
  const dataset = createSbiDataset({ ...options, seed });
  const rng = createRng(`sbi-credentials:${seed}`);
  const alphanumeric = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const clientId = `sbi-${rng.string(24, alphanumeric)}`;
  const clientSecret = rng.string(40, alphanumeric);
  const corporateCode = `CORP${rng.digits(6)}`;
  const sourceId = rng.string(2, 'ABCDEFGHJKLMNPQRSTUVWXYZ');
  const envelope = SbiEnvelopeSchema.parse(options.envelope ?? {});
  const client = pem();
  const bank = pem();
  const stranger = pem();
  const tokens = createSbiTokenEndpoint({ clientId, clientSecret, ...(options.scope !== undefined && { scope: options.scope }), ttlSeconds: options.tokenTtlSeconds ?? 3600 });
  const statements = createSbiStatementEndpoint({
    dataset,
    envelope,
    sourceId,
    corporateCode,
    bankPrivateKey: bank.privateKey,
    clientPublicKey: client.publicKey,
    stranger: stranger.privateKey,
    pageSize: options.pageSize ?? 20,
    maxRangeDays: options.maxRangeDays ?? 31,
  });
  const server = await createSandboxServer({
    name: 'sbi',
    routes: [
      { method: 'POST', path: SBI_DEFAULT_TOKEN_PATH, public: true, handler: (req) => tokens.handle(req) },
      { method: 'POST', path: SBI_DEFAULT_STATEMENT_PATH, ...(options.requireOAuth === false ? { public: true } : { auth: requireBearer((token) => tokens.isValid(token)) }), handler: (req) => statements.handle(req) },
    ],
    ...(options.faults && { faults: options.faults }),
    ...(options.logger && { logger: options.logger }),
  });
  return {
    url: server.url,
    credentials: {
      clientId,
      clientSecret,
      ...(options.scope !== undefined && { scope: options.scope }),
      accountNumber: dataset.accountNumber,
      corporateCode,
      sourceId,
      privateKey: client.privateKeyPem,
      bankPublicKey: bank.publicKeyPem,
    },
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
    get sessionKeys() {
      return statements.sessionKeys;
    },
    close: () => server.close(),
  };
}

/** A connector config for a running sandbox; spread your own options over it (e.g. the same `envelope`). */
export function sbiSandboxConfig(sandbox: Pick<SbiSandbox, 'url' | 'credentials'>): SbiConfig {
  const { clientId, clientSecret, scope, accountNumber, corporateCode, sourceId, privateKey, bankPublicKey } = sandbox.credentials;
  return { baseUrl: sandbox.url, clientId, clientSecret, ...(scope !== undefined && { scope }), accountNumber, corporateCode, sourceId, privateKey, bankPublicKey };
}
