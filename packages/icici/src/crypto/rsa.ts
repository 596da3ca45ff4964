import { constants, createPrivateKey, createPublicKey, publicEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/**
 * An RSA private key that can undo RSA PKCS#1 v1.5 encryption (`RSA/ECB/PKCS1Padding`).
 *
 * Why node-forge: since Node 18.19.1 / 20.11.1 / 21.6.2 (CVE-2023-46809, the Marvin attack),
 * `crypto.privateDecrypt` with `RSA_PKCS1_PADDING` throws unless the process runs with
 * `--security-revert`, and ICICI uses exactly that padding in both directions. node-forge is a
 * maintained, dependency-free, pure-JS implementation (also what other public ICICI integrations
 * use). Its decryption is not constant-time; that matters for a server that answers arbitrary
 * ciphertexts (a padding oracle), not for a client that only opens what its bank sends it.
 *
 * The key material lives in a closure: printing this object shows only `bits`.
 */
export interface RsaPrivateKey {
  readonly bits: number;
  /** Throws when the block is not a valid PKCS#1 v1.5 encryption block for this key. */
  decryptPkcs1(ciphertext: Buffer): Buffer;
}

/** The smallest modulus accepted: ICICI issues RSA-4096; 2048 keeps tests fast. */
export const MIN_RSA_BITS = 2048;

const fromBase64Url = (value: string | undefined): forge.jsbn.BigInteger => new forge.jsbn.BigInteger(Buffer.from(value ?? '', 'base64url').toString('hex'), 16);

/**
 * Parse a PEM private key (PKCS#8, PKCS#1, encrypted or not) with Node, then hand its components
 * to node-forge. Parsing with Node accepts every PEM flavour Node does and never creates a second,
 * unencrypted PEM copy of the key. Error messages never contain key material.
 */
export function loadRsaPrivateKey(pem: string, passphrase?: string): RsaPrivateKey {
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase === undefined ? { key: pem, format: 'pem' } : { key: pem, format: 'pem', passphrase });
  } catch {
    throw new Error('is not a readable PEM private key (or the passphrase is wrong)');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`must be an RSA key (got ${key.asymmetricKeyType ?? 'unknown'})`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new Error(`must be at least ${MIN_RSA_BITS} bits (got ${bits})`);
  const jwk = key.export({ format: 'jwk' });
  const forgeKey = forge.pki.setRsaPrivateKey(
    fromBase64Url(jwk.n),
    fromBase64Url(jwk.e),
    fromBase64Url(jwk.d),
    fromBase64Url(jwk.p),
    fromBase64Url(jwk.q),
    fromBase64Url(jwk.dp),
    fromBase64Url(jwk.dq),
    fromBase64Url(jwk.qi),
  );
  return Object.freeze({
    bits,
    decryptPkcs1(ciphertext: Buffer): Buffer {
      return Buffer.from(forgeKey.decrypt(ciphertext.toString('binary'), 'RSAES-PKCS1-V1_5'), 'binary');
    },
  });
}

/** Parse a PEM public key or X.509 certificate (ICICI hands out a certificate). */
export function loadRsaPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('is not a readable PEM public key or certificate');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`must be an RSA key (got ${key.asymmetricKeyType ?? 'unknown'})`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new Error(`must be at least ${MIN_RSA_BITS} bits (got ${bits})`);
  return key;
}

/** RSA PKCS#1 v1.5 encryption; Node still supports this direction. */
export function rsaEncryptPkcs1(publicKey: KeyObject, plaintext: Buffer): Buffer {
  return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, plaintext);
}
