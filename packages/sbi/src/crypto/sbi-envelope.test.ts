import { constants, createDecipheriv, createHash, generateKeyPairSync, privateDecrypt, verify } from 'node:crypto';
import { isReconError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { encryptPayload } from './aes-gcm';
import { SBI_EIS_AERELE_ENVELOPE, SbiEnvelopeSchema } from './envelope-settings';
import { eisHash, verifyEisHash } from './eis-hash';
import { signText } from './rsa';
import { createSbiEnvelope, type SealedRequest } from './sbi-envelope';

const client = generateKeyPairSync('rsa', { modulusLength: 2048 });
const bank = generateKeyPairSync('rsa', { modulusLength: 2048 });
const defaults = SbiEnvelopeSchema.parse({});
const ours = createSbiEnvelope({ privateKey: client.privateKey, bankPublicKey: bank.publicKey }, defaults);

/** The bank's answer, built by hand from the same session key. */
function answer(sealed: SealedRequest, payload: unknown, settings = defaults, signer = bank.privateKey) {
  const json = JSON.stringify(payload);
  return { REQUEST_REFERENCE_NUMBER: sealed.requestReference, RESPONSE_DATE: '05-01-2026 10:00:00', RESPONSE: encryptPayload(json, sealed.sessionKey ?? '', settings), DIGI_SIGN: signText(json, signer) };
}

function rejection(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isReconError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createSbiEnvelope', () => {
  it('follows §4 by default: RSA-OAEP-SHA1 wrapped session key, AES-128-GCM with SHA-256(key)[0..16], random 12-byte IV first, SHA256withRSA signature', () => {
    const plaintext = { SOURCE_ID: 'RC', EIS_PAYLOAD: { AccountStatementRequest: { accountNo: '00000031234567890' } } };
    const sealed = ours.seal(plaintext, 'SBIRC26005101500123123456');
    expect(Object.keys(sealed.headers)).toEqual(['AccessToken']);
    // Independent of the module: unwrap, derive, decrypt, verify with plain node:crypto.
    const sessionKey = privateDecrypt({ key: bank.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(sealed.headers['AccessToken'] ?? '', 'base64')).toString();
    expect(sessionKey).toMatch(/^[A-Za-z0-9]{32}$/);
    const bytes = Buffer.from(String(sealed.body['REQUEST']), 'base64');
    const key = createHash('sha256').update(sessionKey).digest().subarray(0, 16);
    const decipher = createDecipheriv('aes-128-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const json = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString();
    expect(JSON.parse(json)).toEqual(plaintext);
    expect(verify('sha256', Buffer.from(json), client.publicKey, Buffer.from(String(sealed.body['DIGI_SIGN']), 'base64'))).toBe(true);
    expect(sealed.body['REQUEST_REFERENCE_NUMBER']).toBe('SBIRC26005101500123123456');
  });

  it("can seal the way aerele's integration does: the session key as AES-256 key, its first 12 bytes as IV", () => {
    const settings = SbiEnvelopeSchema.parse(SBI_EIS_AERELE_ENVELOPE);
    const sealed = createSbiEnvelope({ privateKey: client.privateKey, bankPublicKey: bank.publicKey }, settings).seal({ a: 1 }, 'R1');
    const key = Buffer.from(sealed.sessionKey ?? '');
    const bytes = Buffer.from(String(sealed.body['REQUEST']), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, key.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    expect(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString()).toBe('{"a":1}');
  });

  it('opens a well-formed answer and rejects tampering, the wrong signer, a missing signature, a foreign reference and a clear success', () => {
    const sealed = ours.seal({ a: 1 }, 'R2');
    const payload = { RESPONSE_STATUS: '0', EIS_RESPONSE: '{"responseStatus":"0"}' };
    expect(ours.open(answer(sealed, payload), sealed)).toEqual(payload);

    const tampered = answer(sealed, payload);
    const bytes = Buffer.from(tampered.RESPONSE, 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(rejection(() => ours.open({ ...tampered, RESPONSE: bytes.toString('base64') }, sealed)).code).toBe('PAYLOAD_DECRYPT_FAILED');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(rejection(() => ours.open(answer(sealed, payload, defaults, stranger.privateKey), sealed)).code).toBe('PAYLOAD_SIGNATURE_INVALID');
    expect(rejection(() => ours.open({ ...answer(sealed, payload), DIGI_SIGN: '' }, sealed)).code).toBe('PAYLOAD_SIGNATURE_MISSING');
    expect(rejection(() => ours.open({ ...answer(sealed, payload), REQUEST_REFERENCE_NUMBER: 'R3' }, sealed)).code).toBe('RESPONSE_MISMATCH');
    expect(rejection(() => ours.open({ REQUEST_REFERENCE_NUMBER: 'R2', RESPONSE_STATUS: '0' }, sealed)).code).toBe('RESPONSE_NOT_ENCRYPTED');
    const clearError = { REQUEST_REFERENCE_NUMBER: 'R2', RESPONSE_STATUS: '1', ERROR_CODE: 'SI003', ERROR_DESCRIPTION: 'Invalid content' };
    expect(ours.open(clearError, sealed)).toBe(clearError);
    const other = createSbiEnvelope({ privateKey: client.privateKey, bankPublicKey: bank.publicKey }, SbiEnvelopeSchema.parse(SBI_EIS_AERELE_ENVELOPE));
    expect(rejection(() => other.open(answer(sealed, payload), sealed)).code).toBe('PAYLOAD_DECRYPT_FAILED');
  });

  it('passes plain JSON through when the envelope is off', () => {
    const plain = createSbiEnvelope({ privateKey: client.privateKey, bankPublicKey: bank.publicKey }, SbiEnvelopeSchema.parse({ enabled: false }));
    const sealed = plain.seal({ a: 1 }, 'R4');
    expect(sealed).toEqual({ headers: {}, body: { REQUEST_REFERENCE_NUMBER: 'R4', a: 1 }, requestReference: 'R4' });
    expect(plain.open({ RESPONSE_STATUS: '0' }, sealed)).toEqual({ RESPONSE_STATUS: '0' });
  });
});

describe('eisHash', () => {
  it('signs the sorted compact JSON, strips the characters EIS rejects, and verifies regardless of key order', () => {
    const hash = eisHash({ toDate: '31012026', accountNo: '123', fromDate: '01012026' }, client.privateKey);
    expect(hash).not.toMatch(/[<>;=]/);
    expect(verifyEisHash({ accountNo: '123', fromDate: '01012026', toDate: '31012026' }, hash, client.publicKey)).toBe(true);
    expect(verifyEisHash({ accountNo: '124', fromDate: '01012026', toDate: '31012026' }, hash, client.publicKey)).toBe(false);
  });
});
