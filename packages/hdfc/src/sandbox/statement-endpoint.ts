import type { KeyObject } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '@recon/core/testing';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader } from 'jose';
import { JOSE_CONTENT_TYPE } from '../constants';
import { daysBetween, isCalendarDate } from '../mapping/dates';
import type { HdfcDataset } from './hdfc-dataset';
import { renderPage, type HdfcSandboxFormat } from './render-rows';

/** Ways the sandbox can spoil its next statement responses, to prove the connector rejects them. */
export type ResponseCorruption = 'tamper' | 'wrong-key' | 'bad-signature' | 'not-encrypted';

/** Everything the statement endpoint needs to know. */
export interface StatementEndpointOptions {
  dataset: HdfcDataset;
  format: HdfcSandboxFormat;
  clientId: string;
  scope: string;
  /** The bank's private key: decrypts requests, signs responses. */
  bankPrivateKey: KeyObject;
  /** `kid` requests must carry in their JWE header. */
  bankKeyId: string;
  /** The client's public key: verifies requests, encrypts responses. */
  clientPublicKey: KeyObject;
  /** A key pair nobody trusts, for the `wrong-key` and `bad-signature` corruptions. */
  stranger: { privateKey: KeyObject; publicKey: KeyObject };
  maxPageSize: number;
  maxRangeDays: number;
}

/** The statement endpoint plus its corruption queue. */
export interface StatementEndpoint {
  handle(req: SandboxRequest): Promise<SandboxResponse>;
  /** Spoil the next `times` successful responses in this way. */
  corrupt(kind: ResponseCorruption, times?: number): void;
}

const gatewayError = (status: number, errorCode: string, errorMessage: string): SandboxResponse => ({ status, body: { errorCode, errorMessage } });
const header = (req: SandboxRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

interface PageToken {
  o: number;
  f: string;
  t: string;
}

function readToken(text: unknown): PageToken | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    return Number.isInteger(value.o) && value.o > 0 && typeof value.f === 'string' && typeof value.t === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Flip one character of the ciphertext part, keeping the JWE well formed, so only the GCM tag can tell. */
function tamper(jwe: string): string {
  const parts = jwe.split('.');
  const ciphertext = parts[3] ?? '';
  const at = Math.floor(ciphertext.length / 2);
  const flipped = ciphertext[at] === 'A' ? 'B' : 'A';
  parts[3] = `${ciphertext.slice(0, at)}${flipped}${ciphertext.slice(at + 1)}`;
  return parts.join('.');
}

/**
 * The project-defined statement endpoint on HDFC's confirmed transport: headers `apikey`, `scope`,
 * `transactionId`, `Content-Type: application/jose`; a JWE (RSA-OAEP-256/A256GCM, `kid` of the
 * bank key) around a JWS (RS256) signed by the client. The request is
 * `{ accountNumber, fromDate, toDate (yyyy-mm-dd, inclusive), pageSize, pageToken? }`; the answer
 * is signed with the bank key and encrypted to the client key. Transport problems are plain JSON
 * gateway errors (400); business problems are encrypted `{ status: "FAILURE", errorCode, errorMessage }`.
 */
export function createStatementEndpoint(options: StatementEndpointOptions): StatementEndpoint {
  const corruptions: ResponseCorruption[] = [];

  const seal = async (payload: unknown, corruption: ResponseCorruption | undefined): Promise<SandboxResponse> => {
    if (corruption === 'not-encrypted') return { body: payload };
    const signingKey = corruption === 'bad-signature' ? options.stranger.privateKey : options.bankPrivateKey;
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256', typ: 'JWS' }).sign(signingKey);
    const recipient = corruption === 'wrong-key' ? options.stranger.publicKey : options.clientPublicKey;
    const jwe = await new CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWE' }).encrypt(recipient);
    return { headers: { 'content-type': JOSE_CONTENT_TYPE }, body: corruption === 'tamper' ? tamper(jwe) : jwe };
  };
  const failure = (errorCode: string, errorMessage: string) => seal({ status: 'FAILURE', errorCode, errorMessage }, undefined);

  return {
    corrupt(kind, times = 1) {
      for (let i = 0; i < times; i++) corruptions.push(kind);
    },
    async handle(req) {
      if (header(req, 'apikey') !== options.clientId) return gatewayError(401, 'GW_APIKEY', 'apikey header missing or unknown');
      if (header(req, 'scope') !== options.scope) return gatewayError(403, 'GW_SCOPE', 'scope header missing or not granted');
      if (!header(req, 'transactionid')) return gatewayError(400, 'GW_TXNID', 'transactionId header is required');
      if (!(header(req, 'content-type') ?? '').startsWith(JOSE_CONTENT_TYPE)) return gatewayError(415, 'GW_CONTENT_TYPE', 'Content-Type must be application/jose');
      const body = typeof req.body === 'string' ? req.body.trim() : '';
      let jws: string;
      try {
        if (decodeProtectedHeader(body).kid !== options.bankKeyId) return gatewayError(400, 'JWE_KID', 'JWE kid does not name the bank key');
        const { plaintext } = await compactDecrypt(body, options.bankPrivateKey, { keyManagementAlgorithms: ['RSA-OAEP-256'], contentEncryptionAlgorithms: ['A256GCM'] });
        jws = new TextDecoder().decode(plaintext);
      } catch {
        return gatewayError(400, 'JWE_DECRYPT', 'Request could not be decrypted');
      }
      let request: Record<string, unknown>;
      try {
        const { payload } = await compactVerify(jws, options.clientPublicKey, { algorithms: ['RS256'] });
        request = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
      } catch {
        return gatewayError(400, 'JWS_SIGNATURE', 'Request signature does not verify');
      }

      const { accountNumber, fromDate, toDate, pageSize, pageToken } = request;
      if (accountNumber !== options.dataset.accountNumber) return failure('STMT_ACCOUNT', 'Invalid account number or not mapped to this client');
      if (typeof fromDate !== 'string' || typeof toDate !== 'string' || !isCalendarDate(fromDate) || !isCalendarDate(toDate) || toDate < fromDate) {
        return failure('STMT_DATES', 'fromDate and toDate must be yyyy-mm-dd with fromDate <= toDate');
      }
      if (daysBetween(fromDate, toDate) + 1 > options.maxRangeDays) return failure('STMT_RANGE', `The date range may span at most ${options.maxRangeDays} days`);
      const size = pageSize === undefined ? 50 : pageSize;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > options.maxPageSize) return failure('STMT_PAGESIZE', `pageSize must be 1 to ${options.maxPageSize}`);
      const token = pageToken === undefined ? { o: 0, f: fromDate, t: toDate } : readToken(pageToken);
      if (!token || token.f !== fromDate || token.t !== toDate) return failure('STMT_PAGETOKEN', 'pageToken is invalid or belongs to another range');

      const matching = options.dataset.lines.filter((line) => line.date >= fromDate && line.date <= toDate);
      const page = matching.slice(token.o, token.o + size);
      const nextOffset = token.o + page.length;
      const next = nextOffset < matching.length ? Buffer.from(JSON.stringify({ o: nextOffset, f: fromDate, t: toDate })).toString('base64url') : undefined;
      return seal(renderPage(page, options.format, { fromDate, toDate }, next), corruptions.shift());
    },
  };
}
