import { readAll } from '@recon/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { icici } from './connector';
import type { HybridEnvelope } from './crypto/hybrid-envelope';
import { addDays } from './mapping/ist-dates';
import { datasetTxnIds, generateRsaKeyPair, startIciciSandbox, type IciciSandbox } from './sandbox';

const FAST = { retry: { retries: 2, minDelayMs: 5, maxDelayMs: 20 } } as const;

/** Flip one bit of the decoded `encryptedData` at a position chosen from its length. */
const flipData = (at: (length: number) => number) => (envelope: HybridEnvelope) => {
  const bytes = Buffer.from(envelope.encryptedData, 'base64');
  const i = at(bytes.length);
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  return { ...envelope, encryptedData: bytes.toString('base64') };
};

describe('icici: tampered or undecryptable responses give typed errors, never records', () => {
  let sandbox: IciciSandbox;
  let expectedIds: string[];
  const window = () => ({ from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1) });
  const connect = (overrides = {}) => icici(sandbox.connectorConfig({ ...FAST, ...overrides }));
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 41, count: 18, pageSize: 6, keyBits: 2048 });
    expectedIds = datasetTxnIds(sandbox.dataset);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.server.faults.clear();
    sandbox.server.clearRequests();
  });

  const cases: Array<[string, (envelope: HybridEnvelope) => unknown, string]> = [
    // The IV block: CBC turns the flip into the same flip of the first plaintext byte, `{`.
    ['a bit flipped in the IV', flipData(() => 0), 'json'],
    ['a bit flipped mid-ciphertext (one block garbled)', flipData((n) => 16 + Math.floor((n - 16) / 32) * 16 + 3), ''],
    ['a bit flipped in the last block (padding)', flipData((n) => n - 1), ''],
    ['the payload cut short', (e) => ({ ...e, encryptedData: Buffer.from(e.encryptedData, 'base64').subarray(0, 40).toString('base64') }), 'payload'],
    ['a session key wrapped for another key', (e) => ({ ...e, encryptedKey: Buffer.from(e.encryptedKey, 'base64').reverse().toString('base64') }), 'session_key'],
    ['encryptedData that is not base64', (e) => ({ ...e, encryptedData: '%%%not-base64%%%' }), 'envelope'],
    ['an envelope without encryptedKey', (e) => ({ ...e, encryptedKey: undefined }), 'envelope'],
    ['an OAEP envelope this client does not speak', (e) => ({ ...e, oaepHashingAlgorithm: 'SHA256' }), 'envelope'],
  ];

  for (const [what, mutate, stage] of cases) {
    it(`${what} → ICICI_DECRYPT_FAILED${stage ? ` (${stage})` : ''}, not retried, nothing yielded`, async () => {
      sandbox.tamperNext(mutate);
      const transcript = await readAll(connect(), window());
      expect(transcript.failed).toBe(true);
      expect(transcript.messages.filter((m) => m.type !== 'state')).toEqual([]);
      expect(transcript.error).toMatchObject({ name: 'UpstreamError', kind: 'upstream', code: 'ICICI_DECRYPT_FAILED', retryable: false });
      if (stage) expect(transcript.error).toMatchObject({ details: { stage } });
      expect(sandbox.server.requests).toHaveLength(1);
    });
  }

  it('tampering on a later page: the earlier pages stand, nothing after, no stray id', async () => {
    sandbox.tamperNext(flipData((n) => n - 1), { after: 1 });
    const transcript = await readAll(connect(), window());
    expect(transcript.failed).toBe(true);
    expect(transcript.ids).toEqual(expectedIds.slice(0, 6));
    expect(transcript.error).toMatchObject({ code: 'ICICI_DECRYPT_FAILED' });
  });

  it('a client configured with the wrong private key cannot read a single record', async () => {
    const stranger = generateRsaKeyPair(2048);
    const transcript = await readAll(connect({ clientPrivateKey: stranger.privateKeyPem }), window());
    expect(transcript.ids).toEqual([]);
    expect(transcript.error).toMatchObject({ code: 'ICICI_DECRYPT_FAILED', details: { stage: 'session_key' } });
    expect((transcript.error as Error).message).toMatch(/certificate registered with the bank/);
    const check = await connect({ clientPrivateKey: stranger.privateKeyPem }).check();
    expect(check.ok).toBe(false);
  });

  it('a request encrypted to the wrong bank key is refused by the bank: an upstream 400', async () => {
    const stranger = generateRsaKeyPair(2048);
    const transcript = await readAll(connect({ bankPublicKey: stranger.publicKeyPem }), window());
    expect(transcript.ids).toEqual([]);
    expect(transcript.error).toMatchObject({ kind: 'upstream', code: 'HTTP_400', status: 400 });
  });

  it('after the tampering stops, the same connector reads everything again', async () => {
    const connector = connect();
    sandbox.tamperNext(flipData(() => 0));
    expect((await readAll(connector, window())).failed).toBe(true);
    expect((await readAll(connector, window())).ids).toEqual(expectedIds);
  });
});
