import type { KeyObject } from 'node:crypto';
import { UpstreamError } from '@recon/core';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify } from 'jose';
import { HDFC_SOURCE } from '../constants';

/** The keys of one JOSE envelope. */
export interface JoseEnvelopeKeys {
  /** Ours: signs requests, decrypts responses. */
  privateKey: KeyObject;
  /** The bank's: encrypts requests, verifies responses. */
  bankPublicKey: KeyObject;
  /** `kid` of our JWS header. */
  signingKeyId: string;
  /** `kid` of the JWE header (the bank key it is encrypted to). */
  bankKeyId: string;
}

/** Seal and open HDFC payloads. */
export interface JoseEnvelope {
  /** JSON payload → compact JWS (RS256) → compact JWE (RSA-OAEP-256 / A256GCM), as HDFC's `corp-*` APIs expect. */
  seal(payload: unknown): Promise<string>;
  /**
   * Compact JWE → compact JWS → verified JSON payload. Rejects with an UpstreamError
   * (`PAYLOAD_DECRYPT_FAILED`, `PAYLOAD_SIGNATURE_INVALID` or `PAYLOAD_MALFORMED`, not retryable):
   * a response that fails any step is never read as data.
   */
  open(body: string): Promise<unknown>;
}

const JWE_ALG = 'RSA-OAEP-256';
const JWE_ENC = 'A256GCM';
const JWS_ALG = 'RS256';

function failure(code: string, message: string, cause: unknown): UpstreamError {
  const joseCode = typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string' ? (cause as { code: string }).code : undefined;
  return new UpstreamError(`[recon:${HDFC_SOURCE}] ${message}`, {
    code,
    retryable: false,
    connector: HDFC_SOURCE,
    ...(joseCode !== undefined && { details: { joseCode } }),
  });
}

/**
 * JWS-in-JWE with the `jose` library [S, aerele `bank_connector.encrypt_payload` /
 * `decrypt_response`]: the JWS header is `{ alg: RS256, typ: "JWS", kid }`, the JWE header
 * `{ alg: RSA-OAEP-256, enc: A256GCM, cty: "JWE", kid }` (`cty` as HDFC integrations set it).
 * Only these algorithms are accepted on the way back, so a downgraded or unsigned response fails.
 */
export function createJoseEnvelope(keys: JoseEnvelopeKeys): JoseEnvelope {
  return Object.freeze({
    async seal(payload: unknown): Promise<string> {
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: JWS_ALG, typ: 'JWS', kid: keys.signingKeyId })
        .sign(keys.privateKey);
      return new CompactEncrypt(new TextEncoder().encode(jws))
        .setProtectedHeader({ alg: JWE_ALG, enc: JWE_ENC, cty: 'JWE', kid: keys.bankKeyId })
        .encrypt(keys.bankPublicKey);
    },
    async open(body: string): Promise<unknown> {
      let jws: string;
      try {
        const { plaintext } = await compactDecrypt(body.trim(), keys.privateKey, { keyManagementAlgorithms: [JWE_ALG], contentEncryptionAlgorithms: [JWE_ENC] });
        jws = new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
      } catch (error) {
        throw failure('PAYLOAD_DECRYPT_FAILED', 'Response could not be decrypted with the configured private key (tampered, truncated, or encrypted to another key)', error);
      }
      let payload: Uint8Array;
      try {
        ({ payload } = await compactVerify(jws, keys.bankPublicKey, { algorithms: [JWS_ALG] }));
      } catch (error) {
        throw failure('PAYLOAD_SIGNATURE_INVALID', "Response signature does not verify with the bank's public key", error);
      }
      try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown;
      } catch (error) {
        throw failure('PAYLOAD_MALFORMED', 'Response payload is not JSON', error);
      }
    },
  });
}
