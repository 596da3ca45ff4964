import type { KeyObject } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '@recon/core/testing';
import { decryptPayload, encryptPayload, newSessionKey } from '../crypto/aes-gcm';
import { verifyEisHash } from '../crypto/eis-hash';
import type { SbiEnvelopeSettings } from '../crypto/envelope-settings';
import { signText, unwrapSessionKey, verifyText } from '../crypto/rsa';
import { parseSbiDate } from '../mapping/dates';
import { renderEisResponse } from './render-rows';
import type { SbiDataset } from './sbi-dataset';

/** Ways the sandbox can spoil its next statement answers. */
export type SbiResponseCorruption = 'tamper' | 'wrong-key' | 'bad-signature' | 'unsigned' | 'not-encrypted' | 'wrong-reference';

/** What the statement endpoint needs. */
export interface SbiStatementEndpointOptions {
  dataset: SbiDataset;
  envelope: SbiEnvelopeSettings;
  sourceId: string;
  corporateCode: string;
  bankPrivateKey: KeyObject;
  clientPublicKey: KeyObject;
  stranger: KeyObject;
  pageSize: number;
  maxRangeDays: number;
}

/** The endpoint plus its corruption queue. */
export interface SbiStatementEndpoint {
  handle(req: SandboxRequest): SandboxResponse;
  corrupt(kind: SbiResponseCorruption, times?: number): void;
  /** Every session key unwrapped so far (for leak scans in tests). */
  readonly sessionKeys: readonly string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const two = (n: number) => String(n).padStart(2, '0');

function responseDate(): string {
  const ist = new Date(Date.now() + 19_800_000);
  return `${two(ist.getUTCDate())}-${two(ist.getUTCMonth() + 1)}-${ist.getUTCFullYear()} ${two(ist.getUTCHours())}:${two(ist.getUTCMinutes())}:${two(ist.getUTCSeconds())}`;
}

/**
 * The statement endpoint on SBI's EIS/CMP layout (project-defined path and paging): it unwraps the
 * session key from `AccessToken`, decrypts `REQUEST`, verifies `DIGI_SIGN` and the inner `HASH`
 * with the client's public key, checks the EIS header fields, and answers
 * `{ REQUEST_REFERENCE_NUMBER, RESPONSE_DATE, RESPONSE, DIGI_SIGN }` encrypted with the same
 * session key and signed with the bank key. Envelope failures come back in clear with
 * `RESPONSE_STATUS: "1"` and an `SI…` error code, as aerele's code expects; statement problems
 * come back encrypted with `responseStatus: "1"` inside `EIS_RESPONSE`.
 */
export function createSbiStatementEndpoint(options: SbiStatementEndpointOptions): SbiStatementEndpoint {
  const corruptions: SbiResponseCorruption[] = [];
  const sessionKeys: string[] = [];
  const clearError = (reference: unknown, code: string, description: string): SandboxResponse => ({
    body: { REQUEST_REFERENCE_NUMBER: reference, RESPONSE_DATE: responseDate(), RESPONSE_STATUS: '1', ERROR_CODE: code, ERROR_DESCRIPTION: description },
  });

  const answer = (reference: string, sessionKey: string | undefined, eis: string): SandboxResponse => {
    const corruption = corruptions.shift();
    const payload = { RESPONSE_STATUS: '0', ERROR_CODE: '', ERROR_DESCRIPTION: '', EIS_RESPONSE: eis };
    if (!options.envelope.enabled || sessionKey === undefined) return { body: { REQUEST_REFERENCE_NUMBER: reference, RESPONSE_DATE: responseDate(), ...payload } };
    if (corruption === 'not-encrypted') return { body: { REQUEST_REFERENCE_NUMBER: reference, ...payload } };
    const json = JSON.stringify(payload);
    let encrypted = encryptPayload(json, corruption === 'wrong-key' ? newSessionKey(sessionKey.length) : sessionKey, options.envelope);
    if (corruption === 'tamper') {
      const bytes = Buffer.from(encrypted, 'base64');
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      encrypted = bytes.toString('base64');
    }
    const body: Json = {
      REQUEST_REFERENCE_NUMBER: corruption === 'wrong-reference' ? `${reference.slice(0, -1)}${reference.endsWith('0') ? '1' : '0'}` : reference,
      RESPONSE_DATE: responseDate(),
      RESPONSE: encrypted,
    };
    if (corruption !== 'unsigned') body['DIGI_SIGN'] = signText(json, corruption === 'bad-signature' ? options.stranger : options.bankPrivateKey);
    return { body };
  };

  return {
    sessionKeys,
    corrupt(kind, times = 1) {
      for (let i = 0; i < times; i++) corruptions.push(kind);
    },
    handle(req) {
      if (!isObject(req.body)) return { status: 400, body: { error: 'Body must be a JSON object' } };
      const reference = req.body['REQUEST_REFERENCE_NUMBER'];
      if (typeof reference !== 'string' || reference.length !== 25 || !reference.startsWith(`SBI${options.sourceId}`)) return clearError(reference, 'SI005', 'Invalid REQUEST_REFERENCE_NUMBER');

      let plaintext: Json;
      let sessionKey: string | undefined;
      if (options.envelope.enabled) {
        const wrapped = req.headers[options.envelope.sessionKeyHeader.toLowerCase()];
        try {
          sessionKey = unwrapSessionKey(String(wrapped), options.bankPrivateKey, options.envelope.rsaPadding);
          sessionKeys.push(sessionKey);
        } catch {
          return clearError(reference, 'SI001', 'Session key could not be decrypted');
        }
        let json: string;
        try {
          json = decryptPayload(String(req.body['REQUEST']), sessionKey, options.envelope);
          plaintext = JSON.parse(json) as Json;
        } catch {
          return clearError(reference, 'SI002', 'REQUEST could not be decrypted');
        }
        if (!verifyText(json, String(req.body['DIGI_SIGN']), options.clientPublicKey)) return clearError(reference, 'SI004', 'Digital signature verification failed');
      } else {
        plaintext = req.body;
      }

      const eisPayload = isObject(plaintext['EIS_PAYLOAD']) ? plaintext['EIS_PAYLOAD'] : {};
      const inner = eisPayload['AccountStatementRequest'];
      if (plaintext['SOURCE_ID'] !== options.sourceId || plaintext['DESTINATION'] !== 'CMP' || plaintext['TXN_TYPE'] !== 'ACCOUNT' || plaintext['TXN_SUB_TYPE'] !== 'STATEMENT' || !isObject(inner)) {
        return clearError(reference, 'SI006', 'Unknown source, destination or transaction type');
      }
      if (!verifyEisHash(inner, String(eisPayload['HASH']), options.clientPublicKey)) return clearError(reference, 'SI003', 'Content check failed (HASH)');

      const refuse = (errorCode: string, errorDescription: string) => answer(reference, sessionKey, JSON.stringify({ responseStatus: '1', errorCode, errorDescription }));
      if (inner['accountNo'] !== options.dataset.accountNumber || inner['corporateCode'] !== options.corporateCode) return refuse('ACC001', 'Account not linked to the corporate');
      const from = parseSbiDate(String(inner['fromDate']), 'ddmmyyyy');
      const to = parseSbiDate(String(inner['toDate']), 'ddmmyyyy');
      if (from === undefined || to === undefined || to < from) return refuse('STM001', 'fromDate and toDate must be DDMMYYYY with fromDate <= toDate');
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > options.maxRangeDays) return refuse('STM002', `Statement period may not exceed ${options.maxRangeDays} days`);
      const start = inner['startRecordNumber'] === undefined ? 1 : Number(inner['startRecordNumber']);
      if (!Number.isInteger(start) || start < 1) return refuse('STM003', 'startRecordNumber must be a positive integer');

      const matching = options.dataset.lines.filter((line) => line.date >= from && line.date <= to);
      const page = matching.slice(start - 1, start - 1 + options.pageSize);
      const next = start - 1 + page.length < matching.length ? start + page.length : undefined;
      return answer(reference, sessionKey, renderEisResponse(page, next));
    },
  };
}
