import { generateKeyPairSync } from 'node:crypto';

/** An RSA key pair as PEM strings (SPKI public key, PKCS#8 private key). */
export interface PemKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/**
 * A fresh RSA key pair for a sandbox or a test. Generated at start time and never written to
 * disk, so no private key is ever committed. ICICI issues RSA-4096; 2048 makes tests faster.
 */
export function generateRsaKeyPair(bits: 2048 | 3072 | 4096 = 4096): PemKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}
