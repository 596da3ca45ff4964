import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { AES_BLOCK_BYTES, aes128CbcDecrypt, aes128CbcEncrypt } from './aes';
import { decodeBase64Strict } from './base64';
import { randomAlphanumeric } from './random-text';
import { rsaEncryptPkcs1, type RsaPrivateKey } from './rsa';

/**
 * ICICI's hybrid JSON envelope, the same in both directions: an AES-128 session key wrapped with
 * RSA PKCS#1 v1.5 (`oaepHashingAlgorithm: "NONE"`), and the payload under AES-128-CBC/PKCS5.
 */
export interface HybridEnvelope {
  requestId: string;
  service: string;
  /** base64(RSA_PKCS1(recipient public key, 16-byte session key)). */
  encryptedKey: string;
  /** `"NONE"` means PKCS#1 v1.5, not OAEP. */
  oaepHashingAlgorithm: string;
  /** base64 IV, or `""` when the IV travels inside `encryptedData`. */
  iv: string;
  encryptedData: string;
  clientInfo: string;
  optionalParam: string;
}

/**
 * Where a request carries its IV.
 * - `prepend` (ICICI's UAT mail): the IV is prepended to the plaintext before encryption and the
 *   `iv` field is empty; the bank drops the first decrypted block.
 * - `field`: the IV is sent base64 in `iv` and nothing is prepended (seen in one integration).
 */
export type RequestIvMode = 'prepend' | 'field';

/** Which step failed to open an envelope. */
export type DecryptStage = 'envelope' | 'session_key' | 'payload' | 'encoding';

/** Result of opening an envelope. `sessionKey` is for the sandbox's leak checks only. */
export type OpenResult = { ok: true; text: string; sessionKey: string } | { ok: false; stage: DecryptStage; reason: string };

const fail = (stage: DecryptStage, reason: string): OpenResult => ({ ok: false, stage, reason });
// fatal: invalid UTF-8 (the usual look of a wrongly decrypted block) is an error, not U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function envelope(fields: Pick<HybridEnvelope, 'encryptedKey' | 'iv' | 'encryptedData'> & { requestId?: string | undefined; service?: string | undefined }): HybridEnvelope {
  return {
    requestId: fields.requestId ?? randomUUID(),
    service: fields.service ?? '',
    encryptedKey: fields.encryptedKey,
    oaepHashingAlgorithm: 'NONE',
    iv: fields.iv,
    encryptedData: fields.encryptedData,
    clientInfo: '',
    optionalParam: '',
  };
}

/** Options of {@link sealRequest}. */
export interface SealRequestOptions {
  ivMode?: RequestIvMode;
  requestId?: string;
  service?: string;
}

/** Encrypt a request body for the bank (client side). A fresh session key and IV every call. */
export function sealRequest(json: string, bankPublicKey: KeyObject, options: SealRequestOptions = {}): HybridEnvelope {
  const key = Buffer.from(randomAlphanumeric(AES_BLOCK_BYTES), 'ascii');
  const encryptedKey = rsaEncryptPkcs1(bankPublicKey, key).toString('base64');
  const common = { encryptedKey, requestId: options.requestId, service: options.service };
  if (options.ivMode === 'field') {
    const iv = randomBytes(AES_BLOCK_BYTES);
    const data = aes128CbcEncrypt(key, iv, Buffer.from(json, 'utf8'));
    return envelope({ ...common, iv: iv.toString('base64'), encryptedData: data.toString('base64') });
  }
  const iv = Buffer.from(randomAlphanumeric(AES_BLOCK_BYTES), 'ascii');
  const data = aes128CbcEncrypt(key, iv, Buffer.concat([iv, Buffer.from(json, 'utf8')]));
  return envelope({ ...common, iv: '', encryptedData: data.toString('base64') });
}

/**
 * Encrypt a response for the client (bank side, used by the sandbox): the raw IV in clear before
 * the ciphertext, as ICICI's statement responses come. Returns the session key for leak checks.
 */
export function sealResponse(json: string, clientPublicKey: KeyObject, options: { requestId?: string } = {}): { envelope: HybridEnvelope; sessionKey: string } {
  const sessionKey = randomAlphanumeric(AES_BLOCK_BYTES);
  const key = Buffer.from(sessionKey, 'ascii');
  const iv = randomBytes(AES_BLOCK_BYTES);
  const data = Buffer.concat([iv, aes128CbcEncrypt(key, iv, Buffer.from(json, 'utf8'))]);
  return {
    envelope: envelope({ requestId: options.requestId, encryptedKey: rsaEncryptPkcs1(clientPublicKey, key).toString('base64'), iv: '', encryptedData: data.toString('base64') }),
    sessionKey,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Open an envelope in either direction. With a non-empty `iv` field, that is the IV and nothing is
 * discarded; with an empty one, the first 16 bytes of `encryptedData` are the IV and the rest is
 * the ciphertext. The second rule reads both a bank response (`iv ‖ AES(json)`) and a request
 * whose IV was prepended to the plaintext (`AES(iv ‖ json)`: CBC decryption of blocks 2.. only
 * needs block 1 as their IV, and block 1 was the sacrificial IV copy).
 *
 * Never throws and never returns partial text: any failure names its stage. AES-CBC has no
 * integrity check of its own; a wrong key or corrupted data is caught here by the RSA padding, the
 * session-key length, the AES padding and strict UTF-8, and later by strict JSON parsing.
 */
export function openEnvelope(body: unknown, privateKey: RsaPrivateKey): OpenResult {
  if (!isRecord(body)) return fail('envelope', 'the body is not a JSON object');
  const { encryptedKey, encryptedData, iv, oaepHashingAlgorithm } = body;
  if (typeof encryptedKey !== 'string' || typeof encryptedData !== 'string') return fail('envelope', 'encryptedKey or encryptedData is missing');
  if (oaepHashingAlgorithm !== undefined && oaepHashingAlgorithm !== null && oaepHashingAlgorithm !== '' && String(oaepHashingAlgorithm).toUpperCase() !== 'NONE') {
    return fail('envelope', `unsupported oaepHashingAlgorithm ${JSON.stringify(oaepHashingAlgorithm)} (only "NONE", PKCS#1 v1.5, is implemented)`);
  }
  const wrappedKey = decodeBase64Strict(encryptedKey);
  if (!wrappedKey || wrappedKey.length === 0) return fail('envelope', 'encryptedKey is not base64');
  const data = decodeBase64Strict(encryptedData);
  if (!data) return fail('envelope', 'encryptedData is not base64');

  let key: Buffer;
  try {
    key = privateKey.decryptPkcs1(wrappedKey);
  } catch {
    return fail('session_key', 'the session key does not decrypt with this private key (is the certificate registered with the bank the one for this key?)');
  }
  if (key.length !== AES_BLOCK_BYTES) return fail('session_key', `the decrypted session key has ${key.length} bytes, expected ${AES_BLOCK_BYTES}`);

  let ivBytes: Buffer;
  let ciphertext: Buffer;
  if (typeof iv === 'string' && iv !== '') {
    const decoded = decodeBase64Strict(iv);
    if (!decoded || decoded.length !== AES_BLOCK_BYTES) return fail('envelope', `iv must be ${AES_BLOCK_BYTES} bytes of base64`);
    ivBytes = decoded;
    ciphertext = data;
  } else {
    ivBytes = data.subarray(0, AES_BLOCK_BYTES);
    ciphertext = data.subarray(AES_BLOCK_BYTES);
  }
  if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK_BYTES !== 0) return fail('payload', 'encryptedData is not a whole number of AES blocks');

  let plain: Buffer;
  try {
    plain = aes128CbcDecrypt(key, ivBytes, ciphertext);
  } catch {
    return fail('payload', 'the payload does not decrypt (wrong session key or corrupted data)');
  }
  let text: string;
  try {
    text = utf8.decode(plain);
  } catch {
    return fail('encoding', 'the decrypted payload is not valid UTF-8 (corrupted data)');
  }
  return { ok: true, text, sessionKey: key.toString('latin1') };
}
