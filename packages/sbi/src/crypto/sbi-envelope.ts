import type { KeyObject } from 'node:crypto';
import { UpstreamError } from '@recon/core';
import { SBI_SOURCE } from '../constants';
import { decryptPayload, encryptPayload, newSessionKey } from './aes-gcm';
import type { SbiEnvelopeSettings } from './envelope-settings';
import { signText, verifyText, wrapSessionKey } from './rsa';

/** A sealed request: what to send, and what is needed to open its answer. */
export interface SealedRequest {
  headers: Record<string, string>;
  body: Record<string, unknown>;
  requestReference: string;
  /** Absent when the envelope is off. */
  sessionKey?: string;
}

/** Seal requests and open responses. */
export interface SbiEnvelope {
  /** Plaintext payload → `{ REQUEST_REFERENCE_NUMBER, REQUEST, DIGI_SIGN }` plus the wrapped session key header. */
  seal(plaintext: Record<string, unknown>, requestReference: string): SealedRequest;
  /**
   * `{ REQUEST_REFERENCE_NUMBER, RESPONSE_DATE, RESPONSE, DIGI_SIGN }` → the decrypted, verified
   * object. Rejects (UpstreamError, not retryable) a response for another request, one that does
   * not decrypt, is unsigned or badly signed, or is not JSON. A plain error answer
   * (`RESPONSE_STATUS` not `0`, no `RESPONSE`) is returned as is for the caller to report.
   */
  open(body: unknown, sealed: SealedRequest): Record<string, unknown>;
}

const failure = (code: string, message: string) => new UpstreamError(`[recon:${SBI_SOURCE}] ${message}`, { code, retryable: false, connector: SBI_SOURCE });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The AES-GCM + RSA envelope around SBI CMP/EIS payloads [S, aerele `sbi_connector.py` and the §4
 * summary]: a fresh session key per request, RSA-wrapped to the bank key in the `AccessToken`
 * header; the compact JSON encrypted with AES-GCM into `REQUEST` and signed (SHA256withRSA) into
 * `DIGI_SIGN`; the answer encrypted with the same session key and signed by the bank.
 */
export function createSbiEnvelope(keys: { privateKey: KeyObject; bankPublicKey: KeyObject }, settings: SbiEnvelopeSettings): SbiEnvelope {
  return Object.freeze({
    seal(plaintext: Record<string, unknown>, requestReference: string): SealedRequest {
      if (!settings.enabled) return { headers: {}, body: { REQUEST_REFERENCE_NUMBER: requestReference, ...plaintext }, requestReference };
      const json = JSON.stringify(plaintext);
      const sessionKey = newSessionKey(settings.sessionKeyLength);
      return {
        headers: { [settings.sessionKeyHeader]: wrapSessionKey(sessionKey, keys.bankPublicKey, settings.rsaPadding) },
        body: { REQUEST_REFERENCE_NUMBER: requestReference, REQUEST: encryptPayload(json, sessionKey, settings), DIGI_SIGN: signText(json, keys.privateKey) },
        requestReference,
        sessionKey,
      };
    },
    open(body: unknown, sealed: SealedRequest): Record<string, unknown> {
      if (!isObject(body)) throw failure('RESPONSE_SHAPE', 'Response is not a JSON object');
      const echoed = body['REQUEST_REFERENCE_NUMBER'];
      if (echoed !== undefined && echoed !== sealed.requestReference) throw failure('RESPONSE_MISMATCH', 'Response names another REQUEST_REFERENCE_NUMBER than the request');
      if (!settings.enabled || sealed.sessionKey === undefined) return body;
      const encrypted = body['RESPONSE'];
      if (typeof encrypted !== 'string' || encrypted === '') {
        // Errors may come back in clear (aerele returns such a body as is); a success never may.
        const status = body['RESPONSE_STATUS'];
        if (status !== undefined && String(status) !== '0') return body;
        throw failure('RESPONSE_NOT_ENCRYPTED', 'Response carries no encrypted RESPONSE');
      }
      let json: string;
      try {
        json = decryptPayload(encrypted, sealed.sessionKey, settings);
      } catch {
        throw failure('PAYLOAD_DECRYPT_FAILED', 'Response could not be decrypted with the session key (tampered, truncated, or sealed differently)');
      }
      const signature = body['DIGI_SIGN'];
      if (typeof signature !== 'string' || signature === '') {
        if (settings.requireResponseSignature) throw failure('PAYLOAD_SIGNATURE_MISSING', 'Response carries no DIGI_SIGN');
      } else if (!verifyText(json, signature, keys.bankPublicKey)) {
        throw failure('PAYLOAD_SIGNATURE_INVALID', "Response DIGI_SIGN does not verify with the bank's public key");
      }
      let decrypted: unknown;
      try {
        decrypted = JSON.parse(json);
      } catch {
        throw failure('PAYLOAD_MALFORMED', 'Decrypted response is not JSON');
      }
      if (!isObject(decrypted)) throw failure('PAYLOAD_MALFORMED', 'Decrypted response is not a JSON object');
      return decrypted;
    },
  });
}
