import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { ConfigError } from '@recon/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { icici } from './connector';
import { generateRsaKeyPair, type PemKeyPair } from './sandbox/keys';

describe('icici config', () => {
  let bank: PemKeyPair;
  let client: PemKeyPair;
  beforeAll(() => {
    bank = generateRsaKeyPair(2048);
    client = generateRsaKeyPair(2048);
  });
  const valid = () => ({
    apiKey: 'k'.repeat(32),
    corpId: 'CIBNEXT123456',
    userId: 'USER01',
    aggrId: 'CUST0149',
    urn: 'SR189932540',
    accountNumber: '000405001611',
    bankPublicKey: bank.publicKeyPem,
    clientPrivateKey: client.privateKeyPem,
  });

  it('accepts a complete config and applies the documented defaults', () => {
    const spec = icici.spec() as { properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }>; required: string[] };
    expect(spec.required).toEqual(expect.arrayContaining(['apiKey', 'corpId', 'userId', 'aggrId', 'urn', 'accountNumber', 'bankPublicKey', 'clientPrivateKey']));
    expect(spec.properties['baseUrl']?.default).toBe('https://apibankingone.icicibank.com');
    expect(spec.properties['statementPath']?.default).toBe('/api/Corporate/CIB/v1/AccountStatements');
    expect(spec.properties['maxRangeDays']?.default).toBe(365);
    expect(spec.properties['rateLimit']?.properties?.['perHour']?.default).toBe(500);
    expect(spec.properties['requestIvMode']?.default).toBe('prepend');
    expect(() => icici(valid())).not.toThrow();
  });

  it('reports every issue at once, unknown keys included, without echoing any value', () => {
    let error: unknown;
    const secret = 'ThisApiKeyMustNotBeEchoed';
    try {
      icici({ ...valid(), apiKey: 'short', accountNumber: '12-34', maxRangeDays: 400, clientPrivateKey: `${client.privateKeyPem.slice(0, 200)}broken`, bankPublicKey: 'not a key', rateLimit: { perHour: 0 }, extra: secret } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const field of ['apiKey', 'accountNumber', 'maxRangeDays', 'clientPrivateKey', 'bankPublicKey', 'rateLimit.perHour', 'extra']) expect(message).toContain(field);
    const printed = message + inspect(error, { depth: 10 }) + JSON.stringify(error);
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(client.privateKeyPem.split('\n')[1]!);
  });

  it('reads an encrypted private key with its passphrase and reports a wrong one', () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' },
    });
    expect(() => icici({ ...valid(), clientPrivateKey: privateKey, clientPrivateKeyPassphrase: 'open sesame' })).not.toThrow();
    expect(() => icici({ ...valid(), clientPrivateKey: privateKey, clientPrivateKeyPassphrase: 'wrong' })).toThrow(/clientPrivateKey.*passphrase/);
  });

  it('an X.509 certificate is accepted as the bank key (what ICICI hands out)', async () => {
    // A self-signed certificate made with node-forge: no private key leaves this test.
    const forge = (await import('node-forge')).default;
    const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date('2024-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2034-01-01T00:00:00Z');
    cert.setSubject([{ name: 'commonName', value: 'apibankingone.icicibank.com' }]);
    cert.setIssuer([{ name: 'commonName', value: 'apibankingone.icicibank.com' }]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    expect(() => icici({ ...valid(), bankPublicKey: forge.pki.certificateToPem(cert) })).not.toThrow();
  });
});
