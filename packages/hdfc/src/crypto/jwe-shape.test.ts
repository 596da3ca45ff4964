import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createJoseEnvelope } from './jose-envelope';
import { compactJweDefect } from './jwe-shape';

describe('compactJweDefect', () => {
  it('accepts a whole JWE and names what is wrong with a cut or foreign body', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwe = await createJoseEnvelope({ privateKey, bankPublicKey: publicKey, signingKeyId: 'a', bankKeyId: 'b' }).seal({ rows: [] });
    expect(compactJweDefect(jwe)).toBeUndefined();
    expect(compactJweDefect(`  ${jwe}\n`)).toBeUndefined();
    expect(compactJweDefect(jwe.slice(0, Math.floor(jwe.length / 2)))).toMatch(/5 parts|tag|ciphertext/);
    expect(compactJweDefect(jwe.slice(0, -3))).toBe('the authentication tag is not 128 bits');
    expect(compactJweDefect('{"error":"x"}')).toMatch(/5 parts/);
    expect(compactJweDefect('a.b.c.d.e')).toBe('the protected header is not JSON');
    expect(compactJweDefect(undefined)).toBe('the body is not text');
  });
});
