import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import type { SbiEnvelopeSettings } from './envelope-settings';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const IV_BYTES = 12;
const TAG_BYTES = 16;

type AesSettings = Pick<SbiEnvelopeSettings, 'aesKey' | 'iv'>;

/** A fresh random alphanumeric session key (cryptographically random, one per request). */
export function newSessionKey(length: number): string {
  let key = '';
  for (let i = 0; i < length; i++) key += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return key;
}

/** The AES key for a session key: SHA-256's first 16 bytes (§4) or the key's own bytes (aerele). */
export function aesKeyOf(sessionKey: string, settings: AesSettings): Buffer {
  const raw = Buffer.from(sessionKey, 'utf8');
  return settings.aesKey === 'sha256-first-16' ? createHash('sha256').update(raw).digest().subarray(0, 16) : raw;
}

const cipherName = (key: Buffer) => `aes-${key.length * 8}-gcm` as 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm';

/**
 * AES-GCM encrypt `plaintext` (UTF-8) and return base64 of `ciphertext ‖ tag`, preceded by the
 * 12-byte IV when the IV is random (it has to travel), or with the IV taken from the session key.
 */
export function encryptPayload(plaintext: string, sessionKey: string, settings: AesSettings): string {
  const key = aesKeyOf(sessionKey, settings);
  const iv = settings.iv === 'random-prefix' ? randomBytes(IV_BYTES) : Buffer.from(sessionKey, 'utf8').subarray(0, IV_BYTES);
  const cipher = createCipheriv(cipherName(key), key, iv, { authTagLength: TAG_BYTES });
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return (settings.iv === 'random-prefix' ? Buffer.concat([iv, body]) : body).toString('base64');
}

/** Inverse of {@link encryptPayload}. Throws when the tag does not verify or the text is not UTF-8. */
export function decryptPayload(encoded: string, sessionKey: string, settings: AesSettings): string {
  const key = aesKeyOf(sessionKey, settings);
  const bytes = Buffer.from(encoded, 'base64');
  const ivLength = settings.iv === 'random-prefix' ? IV_BYTES : 0;
  if (bytes.length < ivLength + TAG_BYTES) throw new Error('ciphertext shorter than IV + tag');
  const iv = settings.iv === 'random-prefix' ? bytes.subarray(0, IV_BYTES) : Buffer.from(sessionKey, 'utf8').subarray(0, IV_BYTES);
  const decipher = createDecipheriv(cipherName(key), key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(ivLength, bytes.length - TAG_BYTES)), decipher.final()]);
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}
