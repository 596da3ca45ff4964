import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeyPair, type PemKeyPair } from '../sandbox/keys';
import { loadRsaPrivateKey, loadRsaPublicKey, rsaEncryptPkcs1 } from './rsa';

describe('RSA PKCS#1 v1.5 through node-forge', () => {
  let pair: PemKeyPair;
  beforeAll(() => {
    pair = generateRsaKeyPair(2048);
  });

  it('decrypts what Node encrypted with the matching public key', () => {
    const key = loadRsaPrivateKey(pair.privateKeyPem);
    const wrapped = rsaEncryptPkcs1(loadRsaPublicKey(pair.publicKeyPem), Buffer.from('0123456789abcdef'));
    expect(key.decryptPkcs1(wrapped).toString()).toBe('0123456789abcdef');
    expect(key.bits).toBe(2048);
  });

  it('throws on a block made for another key', () => {
    const other = generateRsaKeyPair(2048);
    const wrapped = rsaEncryptPkcs1(loadRsaPublicKey(other.publicKeyPem), Buffer.from('0123456789abcdef'));
    expect(() => loadRsaPrivateKey(pair.privateKeyPem).decryptPkcs1(wrapped)).toThrow();
  });

  it('reads encrypted PKCS#8 and PKCS#1 keys; a wrong passphrase is reported without key material', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' },
    });
    const wrapped = rsaEncryptPkcs1(loadRsaPublicKey(publicKey), Buffer.from('k'.repeat(16)));
    expect(loadRsaPrivateKey(privateKey, 'correct horse').decryptPkcs1(wrapped).toString()).toBe('k'.repeat(16));
    let message = '';
    try {
      loadRsaPrivateKey(privateKey, 'wrong horse');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/passphrase/);
    expect(message).not.toContain('PRIVATE KEY');

    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'pkcs1', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
    expect(pkcs1.privateKey).toContain('BEGIN RSA PRIVATE KEY');
    expect(loadRsaPrivateKey(pkcs1.privateKey).bits).toBe(2048);
    expect(loadRsaPublicKey(pkcs1.publicKey).asymmetricKeyType).toBe('rsa');
  });

  it('refuses non-RSA and short keys, and garbage', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(() => loadRsaPrivateKey(ec.privateKey)).toThrow(/RSA/);
    expect(() => loadRsaPublicKey(ec.publicKey)).toThrow(/RSA/);
    const short = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(() => loadRsaPrivateKey(short.privateKey)).toThrow(/2048/);
    expect(() => loadRsaPublicKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(/PEM/);
  });

  it('keeps key material out of what printing the key shows', () => {
    const key = loadRsaPrivateKey(pair.privateKeyPem);
    const body = pair.privateKeyPem.split('\n')[1]!;
    const printed = inspect(key, { depth: 10, showHidden: true }) + JSON.stringify(key);
    expect(printed).not.toContain(body);
    const n = createPublicKey(pair.publicKeyPem).export({ format: 'jwk' }).n!;
    expect(printed).not.toContain(n.slice(0, 40));
  });
});
