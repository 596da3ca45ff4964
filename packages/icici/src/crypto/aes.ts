import { createCipheriv, createDecipheriv } from 'node:crypto';

/** AES block size; also the size of the AES-128 key and of the IV. */
export const AES_BLOCK_BYTES = 16;

/** AES-128-CBC with PKCS#5/#7 padding (Java's `AES/CBC/PKCS5Padding`). */
export function aes128CbcEncrypt(key: Buffer, iv: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

/** Inverse of {@link aes128CbcEncrypt}. Throws on a wrong key or corrupted last block (bad padding). */
export function aes128CbcDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  const decipher = createDecipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
