import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** An RSA key pair as KeyObjects plus PEM text for configs. */
export interface SandboxKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * A fresh RSA-2048 key pair, generated when the sandbox starts: no private key is ever committed
 * or derived from the seed, so a leaked test key is worth nothing.
 */
export function generateSandboxKeyPair(): SandboxKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
