import { createPublicKey } from 'node:crypto';
import { constantTimeEqual, createRng, createSandboxServer, type Authenticate, type SandboxHandle, type SandboxStartOptions } from '@recon/core/testing';
import type { IciciConfig } from '../config';
import { ICICI_API_KEY_HEADER, ICICI_MAX_RANGE_DAYS, ICICI_MAX_RECORDS_PER_PAGE, ICICI_STATEMENT_PATH } from '../constants';
import { sealResponse, type HybridEnvelope } from '../crypto/hybrid-envelope';
import { loadRsaPrivateKey } from '../crypto/rsa';
import { createIciciDataset, type IciciDataset } from './dataset';
import { generateRsaKeyPair } from './keys';
import { statementRoute, type SandboxRegistration, type StatementCall } from './statement-route';

/** Options of {@link startIciciSandbox}. */
export interface IciciSandboxOptions extends SandboxStartOptions {
  /** Statement rows [40]. */
  count?: number;
  /** IST day of the first row [2024-04-01]. */
  start?: string;
  /** Largest gap between rows in minutes [240]; raise it to spread rows over years. */
  maxGapMinutes?: number;
  /** Make every n-th row deliberately invalid. */
  invalidEvery?: number;
  /** Records per page, 1 to 200 [200, ICICI's maximum]. */
  pageSize?: number;
  /** Longest range one call may ask for [365]. */
  maxRangeDays?: number;
  /** RSA modulus of both generated key pairs [4096, as ICICI issues]; 2048 makes tests faster. */
  keyBits?: 2048 | 3072 | 4096;
  /** Path of the statement route [`/api/Corporate/CIB/v1/AccountStatements`]. */
  statementPath?: string;
}

/** What a client needs to talk to the sandbox. Keys are generated at start; none is ever stored. */
export interface IciciSandboxCredentials extends SandboxRegistration {
  apiKey: string;
  /** The client's private key (PEM); the sandbox holds its public half. */
  clientPrivateKey: string;
  /** The "bank" public key (PEM); the sandbox holds its private half. */
  bankPublicKey: string;
}

/** A running ICICI CIB sandbox. */
export interface IciciSandbox extends SandboxHandle<IciciSandboxCredentials> {
  dataset: IciciDataset;
  /** Every statement call, decrypted, oldest first. */
  readonly calls: readonly StatementCall[];
  /** Empty the call log. */
  clearCalls(): void;
  /** Every AES session key seen or made, both directions: none may ever show up in client output. */
  readonly sessionKeys: readonly string[];
  /** A config for the `icici` connector pointing at this sandbox. */
  connectorConfig(overrides?: Partial<IciciConfig>): IciciConfig;
  /** Encrypt any payload as the bank would, e.g. to serve a scripted failure through a fault. */
  encryptForClient(payload: unknown): HybridEnvelope;
  /**
   * Rewrite encrypted responses (tamper tests): let `after` statement responses through untouched
   * [0], then rewrite the next `times` [1]. Queued plans run one after the other.
   */
  tamperNext(mutate: (envelope: HybridEnvelope) => unknown, options?: { times?: number; after?: number }): void;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function requireIciciApiKey(key: string): Authenticate {
  return (req) => {
    const value = req.headers[ICICI_API_KEY_HEADER];
    const presented = Array.isArray(value) ? value[0] : value;
    // The gateway's own refusal, unencrypted. Its real shape is not public; this one is plausible.
    if (!presented || !constantTimeEqual(presented, key)) return { status: 401, body: { success: false, description: 'Invalid or missing API key' } };
    return true;
  };
}

/**
 * Start an ICICI CIB sandbox on 127.0.0.1: the `apikey` header, the hybrid RSA/AES envelope both
 * ways (fresh key pairs for "bank" and "client", generated now with node:crypto), the paginated
 * statement with `CONFLG`/`LASTTRID`, ICICI's quirks, a seeded Indian statement, and the kit's
 * fault plans. The same seed gives the same rows, identifiers and API key.
 */
export async function startIciciSandbox(options: IciciSandboxOptions = {}): Promise<IciciSandbox> {
  const seed = options.seed ?? 1;
  const pageSize = options.pageSize ?? ICICI_MAX_RECORDS_PER_PAGE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > ICICI_MAX_RECORDS_PER_PAGE) throw new RangeError(`pageSize must be 1 to ${ICICI_MAX_RECORDS_PER_PAGE}`);
  const rng = createRng(`icici-sandbox:${seed}`);
  const registration: SandboxRegistration = {
    corpId: `CIBNEXT${rng.digits(6)}`,
    userId: `USER${rng.digits(2)}`,
    aggrId: `CUST${rng.digits(4)}`,
    urn: `SR${rng.digits(9)}`,
    accountNumber: `0004${rng.digits(8)}`,
  };
  const apiKey = rng.string(32, ALPHANUMERIC);
  const bank = generateRsaKeyPair(options.keyBits ?? 4096);
  const client = generateRsaKeyPair(options.keyBits ?? 4096);
  const clientPublicKey = createPublicKey(client.publicKeyPem);
  const dataset = createIciciDataset({
    seed,
    count: options.count ?? 40,
    accountNumber: registration.accountNumber,
    ...(options.start !== undefined && { start: options.start }),
    ...(options.maxGapMinutes !== undefined && { maxGapMinutes: options.maxGapMinutes }),
    ...(options.invalidEvery !== undefined && { invalidEvery: options.invalidEvery }),
  });

  const calls: StatementCall[] = [];
  const sessionKeys: string[] = [];
  const tampers: Array<{ mutate: (envelope: HybridEnvelope) => unknown; after: number; left: number }> = [];
  const statementPath = options.statementPath ?? ICICI_STATEMENT_PATH;

  const server = await createSandboxServer({
    name: 'icici',
    auth: requireIciciApiKey(apiKey),
    routes: [
      {
        method: 'POST',
        path: statementPath,
        handler: statementRoute({
          dataset,
          registration,
          bankPrivateKey: loadRsaPrivateKey(bank.privateKeyPem),
          clientPublicKey,
          pageSize,
          maxRangeDays: options.maxRangeDays ?? ICICI_MAX_RANGE_DAYS,
          onCall: (call) => calls.push(call),
          onSessionKey: (key) => sessionKeys.push(key),
          transform: (envelope) => {
            const tamper = tampers[0];
            if (!tamper) return envelope;
            if (tamper.after > 0) {
              tamper.after -= 1;
              return envelope;
            }
            tamper.left -= 1;
            if (tamper.left <= 0) tampers.shift();
            return tamper.mutate(envelope);
          },
        }),
      },
    ],
    ...(options.faults && { faults: options.faults }),
    ...(options.logger && { logger: options.logger }),
  });

  const credentials: IciciSandboxCredentials = { ...registration, apiKey, clientPrivateKey: client.privateKeyPem, bankPublicKey: bank.publicKeyPem };
  return {
    url: server.url,
    credentials,
    server,
    dataset,
    calls,
    sessionKeys,
    clearCalls: () => {
      calls.length = 0;
    },
    connectorConfig: (overrides = {}) => ({ baseUrl: server.url, statementPath, ...credentials, ...overrides }),
    encryptForClient: (payload) => {
      const sealed = sealResponse(JSON.stringify(payload), clientPublicKey);
      sessionKeys.push(sealed.sessionKey);
      return sealed.envelope;
    },
    tamperNext: (mutate, { times = 1, after = 0 } = {}) => {
      if (!(times >= 1) || !(after >= 0)) throw new RangeError('tamperNext: times must be >= 1 and after >= 0');
      tampers.push({ mutate, after, left: times });
    },
    close: () => server.close(),
  };
}
