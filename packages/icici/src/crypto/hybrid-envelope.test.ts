import { createCipheriv, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeyPair, type PemKeyPair } from '../sandbox/keys';
import { openEnvelope, sealRequest, sealResponse, type HybridEnvelope } from './hybrid-envelope';
import { loadRsaPrivateKey, type RsaPrivateKey } from './rsa';

const JSON_BODY = JSON.stringify({ CORPID: 'ACMECORP', FROMDATE: '01-04-2024', REMARKS: 'UPI/412345678901/चाय/rahul@okicici/ICICI Bank' });

describe('ICICI hybrid envelope', () => {
  let bank: PemKeyPair;
  let bankKey: RsaPrivateKey;
  beforeAll(() => {
    bank = generateRsaKeyPair(2048);
    bankKey = loadRsaPrivateKey(bank.privateKeyPem);
  });

  it('request, IV prepended (the UAT mail layout): iv field empty, one extra block, opens to the JSON', () => {
    const env = sealRequest(JSON_BODY, createPublicKey(bank.publicKeyPem));
    expect(env).toMatchObject({ oaepHashingAlgorithm: 'NONE', iv: '', service: '', clientInfo: '', optionalParam: '' });
    expect(env.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const data = Buffer.from(env.encryptedData, 'base64');
    const plainBytes = Buffer.byteLength(JSON_BODY);
    expect(data.length).toBe(16 + (Math.floor(plainBytes / 16) + 1) * 16);
    expect(Buffer.from(env.encryptedKey, 'base64')).toHaveLength(256);
    const opened = openEnvelope(env, bankKey);
    expect(opened.ok && opened.text).toBe(JSON_BODY);
    if (opened.ok) expect(opened.sessionKey).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('request, IV in the field: 16-byte base64 IV, nothing prepended', () => {
    const env = sealRequest(JSON_BODY, createPublicKey(bank.publicKeyPem), { ivMode: 'field', requestId: 'REQ-1' });
    expect(env.requestId).toBe('REQ-1');
    expect(Buffer.from(env.iv, 'base64')).toHaveLength(16);
    expect(Buffer.from(env.encryptedData, 'base64').length).toBe((Math.floor(Buffer.byteLength(JSON_BODY) / 16) + 1) * 16);
    const opened = openEnvelope(env, bankKey);
    expect(opened.ok && opened.text).toBe(JSON_BODY);
  });

  it('response: the raw IV in clear before the ciphertext', () => {
    const { envelope, sessionKey } = sealResponse(JSON_BODY, createPublicKey(bank.publicKeyPem));
    const opened = openEnvelope(envelope, bankKey);
    expect(opened.ok && opened.text).toBe(JSON_BODY);
    expect(opened.ok && opened.sessionKey).toBe(sessionKey);
  });

  it('opens an envelope built with node-forge alone, following the ICICI recipe step by step', () => {
    // An independent implementation: forge's RSA and forge's AES, not ours.
    const key = 'Q7x9LmP2aB4cD6eF';
    const iv = '1234567890ABCDEF';
    const cipher = forge.cipher.createCipher('AES-CBC', key);
    cipher.start({ iv });
    cipher.update(forge.util.createBuffer(iv + forge.util.encodeUtf8(JSON_BODY)));
    cipher.finish();
    const publicKey = forge.pki.publicKeyFromPem(bank.publicKeyPem);
    const env = {
      requestId: 'X',
      service: '',
      encryptedKey: forge.util.encode64(publicKey.encrypt(key, 'RSAES-PKCS1-V1_5')),
      oaepHashingAlgorithm: 'NONE',
      iv: '',
      encryptedData: forge.util.encode64(cipher.output.getBytes()),
      clientInfo: '',
      optionalParam: '',
    };
    const opened = openEnvelope(env, bankKey);
    expect(opened.ok && opened.text).toBe(JSON_BODY);
    // And what we seal, an independent AES reads (response layout: iv ‖ ciphertext).
    const { envelope, sessionKey } = sealResponse(JSON_BODY, createPublicKey(bank.publicKeyPem));
    const data = Buffer.from(envelope.encryptedData, 'base64');
    const decipher = forge.cipher.createDecipher('AES-CBC', sessionKey);
    decipher.start({ iv: data.subarray(0, 16).toString('binary') });
    decipher.update(forge.util.createBuffer(data.subarray(16).toString('binary')));
    expect(decipher.finish()).toBe(true);
    expect(forge.util.decodeUtf8(decipher.output.getBytes())).toBe(JSON_BODY);
    // Node's own AES agrees on the request layout too.
    const nodeCipher = createCipheriv('aes-128-cbc', Buffer.from(key), Buffer.from(iv));
    const nodeData = Buffer.concat([nodeCipher.update(Buffer.concat([Buffer.from(iv), Buffer.from(JSON_BODY)])), nodeCipher.final()]);
    expect(nodeData.toString('base64')).toBe(env.encryptedData);
  });

  describe('never returns text from a bad envelope', () => {
    const sealed = (): HybridEnvelope => sealResponse(JSON_BODY, createPublicKey(bank.publicKeyPem)).envelope;
    const flip = (b64: string, at: (length: number) => number): string => {
      const bytes = Buffer.from(b64, 'base64');
      const i = at(bytes.length);
      bytes[i] = (bytes[i] ?? 0) ^ 0x01;
      return bytes.toString('base64');
    };

    it('a session key wrapped for another key pair', () => {
      const other = generateRsaKeyPair(2048);
      const env = sealResponse(JSON_BODY, createPublicKey(other.publicKeyPem)).envelope;
      expect(openEnvelope(env, bankKey)).toMatchObject({ ok: false, stage: 'session_key' });
    });

    it('a tampered encryptedKey', () => {
      const env = sealed();
      expect(openEnvelope({ ...env, encryptedKey: flip(env.encryptedKey, (n) => n >> 1) }, bankKey)).toMatchObject({ ok: false, stage: 'session_key' });
    });

    it('a tampered last block (padding) or a truncated payload', () => {
      const env = sealed();
      const tampered = openEnvelope({ ...env, encryptedData: flip(env.encryptedData, (n) => n - 1) }, bankKey);
      expect(tampered.ok).toBe(false);
      const bytes = Buffer.from(env.encryptedData, 'base64');
      expect(openEnvelope({ ...env, encryptedData: bytes.subarray(0, bytes.length - 5).toString('base64') }, bankKey)).toMatchObject({ ok: false, stage: 'payload' });
      expect(openEnvelope({ ...env, encryptedData: bytes.subarray(0, 16).toString('base64') }, bankKey)).toMatchObject({ ok: false, stage: 'payload' });
    });

    it('malformed envelopes', () => {
      const env = sealed();
      expect(openEnvelope('text', bankKey)).toMatchObject({ ok: false, stage: 'envelope' });
      expect(openEnvelope({ ...env, encryptedKey: undefined }, bankKey)).toMatchObject({ ok: false, stage: 'envelope' });
      expect(openEnvelope({ ...env, encryptedData: 'not base64 at all!' }, bankKey)).toMatchObject({ ok: false, stage: 'envelope' });
      expect(openEnvelope({ ...env, iv: 'AAAA' }, bankKey)).toMatchObject({ ok: false, stage: 'envelope' });
      expect(openEnvelope({ ...env, oaepHashingAlgorithm: 'SHA256' }, bankKey)).toMatchObject({ ok: false, stage: 'envelope' });
    });
  });
});
