import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** Our private key as a KeyObject (PKCS#8 or PKCS#1 PEM, optionally encrypted). */
export function loadPrivateKey(pem: string, passphrase?: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem', ...(passphrase !== undefined && { passphrase }) });
}

/** A public key from a PEM public key (SPKI or PKCS#1) or an X.509 certificate, which is what banks usually hand out. */
export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(pem);
}

/**
 * The key id HDFC's JOSE integration uses: base64url (no padding) of SHA-256 over the DER
 * SubjectPublicKeyInfo [S, aerele `bank_connector.generate_kid`].
 */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url');
}
