import { constants, createDecipheriv, createPublicKey, generateKeyPairSync, privateDecrypt, verify } from 'node:crypto';
import { isReconError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { createJoseEnvelope } from './jose-envelope';
import { keyIdOf } from './key-material';

const client = generateKeyPairSync('rsa', { modulusLength: 2048 });
const bank = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ours = createJoseEnvelope({ privateKey: client.privateKey, bankPublicKey: bank.publicKey, signingKeyId: keyIdOf(client.publicKey), bankKeyId: keyIdOf(bank.publicKey) });
const theirs = createJoseEnvelope({ privateKey: bank.privateKey, bankPublicKey: client.publicKey, signingKeyId: keyIdOf(bank.publicKey), bankKeyId: keyIdOf(client.publicKey) });
const part = (text: string, i: number) => Buffer.from(text.split('.')[i] ?? '', 'base64url');

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isReconError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createJoseEnvelope', () => {
  it('seals a JWS (RS256) inside a JWE (RSA-OAEP-256/A256GCM) that plain node:crypto can open and verify', async () => {
    const payload = { accountNumber: '50200012345678', fromDate: '2026-01-05', amount: '1,18,000.00' };
    const jwe = await ours.seal(payload);
    const header = JSON.parse(part(jwe, 0).toString()) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWE', kid: keyIdOf(bank.publicKey) });
    // Independent of jose: unwrap the CEK with RSA-OAEP-SHA256, then AES-256-GCM with the header as AAD.
    const cek = privateDecrypt({ key: bank.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, part(jwe, 1));
    const decipher = createDecipheriv('aes-256-gcm', cek, part(jwe, 2));
    decipher.setAAD(Buffer.from(jwe.split('.')[0] ?? '', 'ascii'));
    decipher.setAuthTag(part(jwe, 4));
    const jws = Buffer.concat([decipher.update(part(jwe, 3)), decipher.final()]).toString();
    const [h, p, s] = jws.split('.');
    expect(JSON.parse(Buffer.from(h ?? '', 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWS', kid: keyIdOf(client.publicKey) });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), client.publicKey, Buffer.from(s ?? '', 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(p ?? '', 'base64url').toString())).toEqual(payload);
  });

  it('opens what the other side sealed, both ways', async () => {
    await expect(theirs.open(await ours.seal({ a: 1 }))).resolves.toEqual({ a: 1 });
    await expect(ours.open(await theirs.seal({ status: 'SUCCESS' }))).resolves.toEqual({ status: 'SUCCESS' });
  });

  it('rejects tampering, the wrong recipient and the wrong signer with typed, non-retryable errors', async () => {
    const sealed = await theirs.seal({ rows: [1, 2, 3] });
    const parts = sealed.split('.');
    const ciphertext = parts[3] ?? '';
    parts[3] = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    const tampered = await failure(ours.open(parts.join('.')));
    expect(tampered.code).toBe('PAYLOAD_DECRYPT_FAILED');
    expect(tampered.retryable).toBe(false);

    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const toStranger = createJoseEnvelope({ privateKey: bank.privateKey, bankPublicKey: stranger.publicKey, signingKeyId: 'x', bankKeyId: 'y' });
    expect((await failure(ours.open(await toStranger.seal({ a: 1 })))).code).toBe('PAYLOAD_DECRYPT_FAILED');

    const forger = createJoseEnvelope({ privateKey: stranger.privateKey, bankPublicKey: client.publicKey, signingKeyId: 'x', bankKeyId: 'y' });
    const forged = await failure(ours.open(await forger.seal({ status: 'SUCCESS' })));
    expect(forged.code).toBe('PAYLOAD_SIGNATURE_INVALID');
    expect(forged.kind).toBe('upstream');
  });

  it('refuses a downgraded key algorithm even when the bytes decrypt', async () => {
    const { CompactEncrypt, CompactSign } = await import('jose');
    const jws = await new CompactSign(new TextEncoder().encode('{"a":1}')).setProtectedHeader({ alg: 'RS256' }).sign(bank.privateKey);
    const rsaOaep1 = await new CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A256GCM' }).encrypt(createPublicKey(client.privateKey));
    expect((await failure(ours.open(rsaOaep1))).code).toBe('PAYLOAD_DECRYPT_FAILED');
  });
});
