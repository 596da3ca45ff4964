import { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, sign, verify, type KeyObject } from 'node:crypto';
import type { SbiEnvelopeSettings } from './envelope-settings';

/** Our private key (PEM, PKCS#8 or PKCS#1, optionally encrypted). */
export function loadPrivateKey(pem: string, passphrase?: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem', ...(passphrase !== undefined && { passphrase }) });
}

/** A public key from a PEM public key or an X.509 certificate (SBI hands out certificates). */
export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(pem);
}

const oaepHash = (padding: SbiEnvelopeSettings['rsaPadding']) => (padding === 'oaep-sha1' ? 'sha1' : 'sha256');

/** RSA-OAEP-encrypt the session key to the bank's key; base64. (PKCS#1 v1.5 is not offered: Node 20 cannot decrypt it.) */
export function wrapSessionKey(sessionKey: string, publicKey: KeyObject, padding: SbiEnvelopeSettings['rsaPadding']): string {
  return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(padding) }, Buffer.from(sessionKey, 'utf8')).toString('base64');
}

/** Inverse of {@link wrapSessionKey} (the bank's side). */
export function unwrapSessionKey(wrapped: string, privateKey: KeyObject, padding: SbiEnvelopeSettings['rsaPadding']): string {
  return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(padding) }, Buffer.from(wrapped, 'base64')).toString('utf8');
}

/** SHA256withRSA (PKCS#1 v1.5) over the UTF-8 text; base64 [S, aerele `digital_sign`]. */
export function signText(text: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

/** Check a {@link signText} signature. Padding-stripped base64 (the EIS `HASH`) is accepted. Never throws. */
export function verifyText(text: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
