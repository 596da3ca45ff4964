import type { ErrorVerdict } from '@recon/core';
import { NO_TRANSACTIONS_MESSAGE } from '../constants';
import { openEnvelope } from '../crypto/hybrid-envelope';
import type { RsaPrivateKey } from '../crypto/rsa';

/** One decrypted page: its records as received, and the token of the next page (absent on the last). */
export interface StatementPage {
  records: unknown[];
  lastTrId?: string;
}

/** A page, or the verdict the HTTP kit turns into a typed error. */
export type ResponseOutcome = { ok: true; page: StatementPage } | { ok: false; verdict: ErrorVerdict };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

const fail = (code: string, message: string, kind: ErrorVerdict['kind'] = 'upstream', details?: Record<string, unknown>): ResponseOutcome => ({
  ok: false,
  verdict: { action: 'fail', kind, code, message, ...(details && { details }) },
});

/**
 * Failures ICICI serves as HTTP 200 with `RESPONSE: "Failure"`. Messages seen in public code: "Invalid
 * user access or Account id" (the user may not read this account: a permission refusal, kind
 * `auth`), `8017 "Invalid request"`. Anything else is an upstream failure. None is retried: the
 * same request would fail the same way.
 */
function classifyFailure(body: Record<string, unknown>): ResponseOutcome {
  const message = text(body['MESSAGE']) ?? text(body['message']) ?? 'no message';
  const bankCode = text(body['ERRORCODE']) ?? text(body['RESPONSECODE']) ?? text(body['errorCode']);
  const details = { bankMessage: message, ...(bankCode !== undefined && { bankCode }) };
  if (/invalid user access|account id/i.test(message)) return fail('ICICI_ACCESS_DENIED', message, 'auth', details);
  if (bankCode === '8017' || /\b8017\b|invalid request/i.test(message)) return fail('ICICI_INVALID_REQUEST', message, 'upstream', details);
  return fail('ICICI_FAILURE', message, 'upstream', details);
}

/** An answer from the API gateway in front of CIB: not encrypted, shape not publicly documented. */
function gatewayError(body: Record<string, unknown>): ResponseOutcome {
  const message = text(body['description']) ?? text(body['message']) ?? text(body['moreInformation']) ?? text(body['httpMessage']) ?? 'unencrypted answer without an error message';
  const code = text(body['errorCode']) ?? text(body['httpCode']);
  return fail('ICICI_GATEWAY_ERROR', message, 'upstream', { ...(code !== undefined && { gatewayCode: code }) });
}

/**
 * Turn a statement response body (the JSON the HTTP kit decoded) into a page or a verdict:
 * decrypt with the client's private key, parse strictly, then read `RESPONSE`.
 *
 * - `SUCCESS`: `Record` is an array, or a single object when one row matched (normalised to an
 *   array); `LASTTRID` non-empty means more pages.
 * - `Failure` with "The transactions do not exist…" is an empty page, not an error.
 * - Anything undecryptable or malformed is `ICICI_DECRYPT_FAILED` / `ICICI_RESPONSE_SHAPE`: never
 *   records. A response for another account is refused outright.
 */
export function readStatementResponse(body: unknown, clientKey: RsaPrivateKey, accountNumber: string): ResponseOutcome {
  if (isRecord(body) && body['encryptedKey'] === undefined && body['encryptedData'] === undefined) return gatewayError(body);
  const opened = openEnvelope(body, clientKey);
  if (!opened.ok) return fail('ICICI_DECRYPT_FAILED', `the response could not be decrypted (${opened.stage}): ${opened.reason}`, 'upstream', { stage: opened.stage });

  let payload: unknown;
  try {
    payload = JSON.parse(opened.text) as unknown;
  } catch {
    return fail('ICICI_DECRYPT_FAILED', 'the decrypted response is not JSON (corrupted data or a wrong key)', 'upstream', { stage: 'json' });
  }
  if (!isRecord(payload)) return fail('ICICI_RESPONSE_SHAPE', 'the decrypted response is not a JSON object');
  const status = text(payload['RESPONSE'])?.toUpperCase();
  if (status === 'FAILURE') {
    const message = text(payload['MESSAGE']) ?? '';
    if (message.toLowerCase() === NO_TRANSACTIONS_MESSAGE.toLowerCase() || /transactions do not exist/i.test(message)) return { ok: true, page: { records: [] } };
    return classifyFailure(payload);
  }
  if (status !== 'SUCCESS') return fail('ICICI_RESPONSE_SHAPE', `unexpected RESPONSE ${JSON.stringify(payload['RESPONSE'] ?? null)}`);

  const account = text(payload['ACCOUNTNO']);
  if (account !== undefined && account !== accountNumber) return fail('ICICI_ACCOUNT_MISMATCH', 'the response is for another account than the one requested');

  const record = payload['Record'];
  let records: unknown[];
  if (Array.isArray(record)) records = record;
  else if (isRecord(record)) records = [record];
  else return fail('ICICI_RESPONSE_SHAPE', '`Record` is missing or neither an array nor an object');

  const rawToken = payload['LASTTRID'];
  if (rawToken !== undefined && rawToken !== null && typeof rawToken !== 'string' && typeof rawToken !== 'number') {
    return fail('ICICI_RESPONSE_SHAPE', '`LASTTRID` is neither a string nor absent');
  }
  // Opaque and echoed back verbatim: not even trimmed.
  const lastTrId = typeof rawToken === 'string' ? (rawToken.trim() === '' ? undefined : rawToken) : typeof rawToken === 'number' ? String(rawToken) : undefined;
  return { ok: true, page: { records, ...(lastTrId !== undefined && { lastTrId }) } };
}
