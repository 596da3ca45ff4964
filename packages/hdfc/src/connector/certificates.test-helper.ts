import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** PEM material for a mutual-TLS test: a CA, a server certificate for 127.0.0.1, and a client certificate. */
export interface TestCertificates {
  ca: string;
  server: { cert: string; key: string };
  client: { cert: string; key: string };
  /** A client certificate from a CA the server does not trust. */
  stranger: { cert: string; key: string };
}

function keyPair(): { privatePem: string; publicKey: forge.pki.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function issue(options: { subject: string; publicKey: forge.pki.PublicKey; issuer: { name: string; key: string }; serial: string; ca?: boolean; ip?: string }): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  cert.serialNumber = options.serial;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3_600_000);
  cert.setSubject([{ name: 'commonName', value: options.subject }]);
  cert.setIssuer([{ name: 'commonName', value: options.issuer.name }]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.ca === true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: options.ca === true },
    ...(options.ip ? [{ name: 'subjectAltName', altNames: [{ type: 7, ip: options.ip }] }] : []),
  ]);
  cert.sign(forge.pki.privateKeyFromPem(options.issuer.key) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** Generate everything at test time (keys with node:crypto, certificates with node-forge): nothing is committed. */
export function createTestCertificates(): TestCertificates {
  const caKey = keyPair();
  const ca = issue({ subject: 'recon test CA', publicKey: caKey.publicKey, issuer: { name: 'recon test CA', key: caKey.privatePem }, serial: '01', ca: true });
  const serverKey = keyPair();
  const clientKey = keyPair();
  const otherCaKey = keyPair();
  const strangerKey = keyPair();
  return {
    ca,
    server: { key: serverKey.privatePem, cert: issue({ subject: '127.0.0.1', publicKey: serverKey.publicKey, issuer: { name: 'recon test CA', key: caKey.privatePem }, serial: '02', ip: '127.0.0.1' }) },
    client: { key: clientKey.privatePem, cert: issue({ subject: 'recon client', publicKey: clientKey.publicKey, issuer: { name: 'recon test CA', key: caKey.privatePem }, serial: '03' }) },
    stranger: { key: strangerKey.privatePem, cert: issue({ subject: 'stranger', publicKey: strangerKey.publicKey, issuer: { name: 'other CA', key: otherCaKey.privatePem }, serial: '04' }) },
  };
}
