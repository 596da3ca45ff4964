import type { KeyObject } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '@recon/core/testing';
import { NO_TRANSACTIONS_MESSAGE } from '../constants';
import { openEnvelope, sealResponse, type HybridEnvelope } from '../crypto/hybrid-envelope';
import type { RsaPrivateKey } from '../crypto/rsa';
import { daysBetween, parseIciciDate } from '../mapping/ist-dates';
import type { IciciDataset } from './dataset';
import { decodeLastTrId, encodeLastTrId } from './last-trid';

/** The registration the sandbox checks every request against. */
export interface SandboxRegistration {
  corpId: string;
  userId: string;
  aggrId: string;
  urn: string;
  accountNumber: string;
}

/** One statement call as the sandbox understood it, for tests. */
export interface StatementCall {
  /** The decrypted request body. */
  request: Record<string, unknown>;
  /** How the request carried its IV. */
  ivLayout: 'prepend' | 'field';
  /** What the sandbox answered (before encryption). */
  response: Record<string, unknown>;
}

/** What the statement route needs. */
export interface StatementRouteOptions {
  dataset: IciciDataset;
  registration: SandboxRegistration;
  bankPrivateKey: RsaPrivateKey;
  clientPublicKey: KeyObject;
  pageSize: number;
  maxRangeDays: number;
  /** Records every call. */
  onCall(call: StatementCall): void;
  /** Records every AES session key used, in both directions (for leak scans). */
  onSessionKey(key: string): void;
  /** Applied to the encrypted envelope before sending (tamper tests); identity by default. */
  transform(envelope: HybridEnvelope): unknown;
}

const INVALID_REQUEST = { RESPONSE: 'Failure', MESSAGE: 'Invalid request', ERRORCODE: '8017' } as const;
const ACCESS_DENIED = { RESPONSE: 'Failure', MESSAGE: 'Invalid user access or Account id' } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `POST …/AccountStatements`: open the hybrid envelope with the bank's private key (either IV
 * layout), check the registration, select rows posted `FROMDATE`..`TODATE` (IST days, inclusive),
 * serve `pageSize` of them after `LASTTRID`, and encrypt the answer to the client's public key.
 * The quirks are ICICI's: `Record` as a single object when one row is served, failures as HTTP 200
 * with `RESPONSE: "Failure"`, `LASTTRID` only while more rows remain.
 */
export function statementRoute(options: StatementRouteOptions): (req: SandboxRequest) => SandboxResponse {
  const { dataset, registration } = options;

  const answer = (request: Record<string, unknown>): Record<string, unknown> => {
    // Statement calls must not carry AGGRNAME (the real sandbox answers 8017).
    if ('AGGRNAME' in request) return INVALID_REQUEST;
    const field = (name: string) => (typeof request[name] === 'string' ? (request[name] as string) : undefined);
    const [corpId, userId, aggrId, urn, account] = ['CORPID', 'USERID', 'AGGRID', 'URN', 'ACCOUNTNO'].map(field);
    if (!corpId || !userId || !aggrId || !urn || !account) return INVALID_REQUEST;
    if (corpId !== registration.corpId || userId !== registration.userId || aggrId !== registration.aggrId || urn !== registration.urn || account !== registration.accountNumber) {
      return ACCESS_DENIED;
    }
    const from = parseIciciDate(field('FROMDATE'));
    const to = parseIciciDate(field('TODATE'));
    if (!from || !to || from > to) return INVALID_REQUEST;
    if (daysBetween(from, to) + 1 > options.maxRangeDays) return { RESPONSE: 'Failure', MESSAGE: `Date range should not exceed ${options.maxRangeDays} days` };

    const inRange = dataset.entries.filter((e) => e.day >= from && e.day <= to);
    let start = 0;
    const conflg = field('CONFLG');
    if (conflg === 'Y') {
      const position = decodeLastTrId(field('LASTTRID') ?? '');
      const index = position ? inRange.findIndex((e) => e.row['TRANSACTIONID'] === position.transactionId && e.row['TXNDATE'] === position.txnDate) : -1;
      if (index < 0) return INVALID_REQUEST;
      start = index + 1;
    } else if (conflg !== 'N' || (field('LASTTRID') ?? '') !== '') {
      return INVALID_REQUEST;
    }
    const page = inRange.slice(start, start + options.pageSize).map((e) => e.row);
    if (page.length === 0) return { RESPONSE: 'Failure', MESSAGE: NO_TRANSACTIONS_MESSAGE };
    const more = start + page.length < inRange.length;
    return {
      ACCOUNTNO: registration.accountNumber,
      AGGR_ID: registration.aggrId,
      CORP_ID: registration.corpId,
      USER_ID: registration.userId,
      URN: registration.urn,
      RESPONSE: 'SUCCESS',
      ...(more && { LASTTRID: encodeLastTrId(page.at(-1)!) }),
      // The quirk: one row comes as an object, not an array of one.
      Record: page.length === 1 ? page[0] : page,
    };
  };

  return (req) => {
    const opened = openEnvelope(req.body, options.bankPrivateKey);
    if (!opened.ok) return { status: 400, body: { success: false, description: `Request decryption failed (${opened.stage})` } };
    options.onSessionKey(opened.sessionKey);
    let request: unknown;
    try {
      request = JSON.parse(opened.text);
    } catch {
      request = undefined;
    }
    const response = isRecord(request) ? answer(request) : INVALID_REQUEST;
    options.onCall({ request: isRecord(request) ? request : {}, ivLayout: isRecord(req.body) && req.body['iv'] ? 'field' : 'prepend', response });
    const requestId = isRecord(req.body) && typeof req.body['requestId'] === 'string' ? req.body['requestId'] : undefined;
    const sealed = sealResponse(JSON.stringify(response), options.clientPublicKey, requestId === undefined ? {} : { requestId });
    options.onSessionKey(sealed.sessionKey);
    return { body: options.transform(sealed.envelope) };
  };
}
