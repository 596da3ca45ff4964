import { describe, expect, it } from 'vitest';
import { aes128CbcDecrypt, aes128CbcEncrypt } from './aes';

// NIST SP 800-38A, F.2.1 CBC-AES128.Encrypt, first two blocks.
const KEY = Buffer.from('2b7e151628aed2a6abf7158809cf4f3c', 'hex');
const IV = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const PLAIN = Buffer.from('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51', 'hex');
const CIPHER = '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2';

describe('AES-128-CBC', () => {
  it('matches the NIST known-answer vector (then one block of PKCS#7 padding)', () => {
    const out = aes128CbcEncrypt(KEY, IV, PLAIN);
    expect(out.subarray(0, 32).toString('hex')).toBe(CIPHER);
    expect(out).toHaveLength(48);
    expect(aes128CbcDecrypt(KEY, IV, out)).toEqual(PLAIN);
  });

  it('throws on a wrong key instead of returning garbage (padding check)', () => {
    const out = aes128CbcEncrypt(KEY, IV, Buffer.from('{"RESPONSE":"SUCCESS"}'));
    for (let i = 0; i < 8; i++) {
      const wrong = Buffer.from(KEY);
      wrong[i] = (wrong[i] ?? 0) ^ 0x5a;
      // Deterministic inputs: a wrong key that happened to pass the ~1/256 padding check would fail here every run.
      expect(() => aes128CbcDecrypt(wrong, IV, out)).toThrow();
    }
  });
});
