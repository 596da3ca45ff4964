import { createPublicKey } from 'node:crypto';
import type { SandboxStarter } from '@recon/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEnvelope, sealRequest } from '../crypto/hybrid-envelope';
import { loadRsaPrivateKey, type RsaPrivateKey } from '../crypto/rsa';
import { ICICI_STATEMENT_PATH } from '../constants';
import { startIciciSandbox, type IciciSandbox, type IciciSandboxCredentials, type IciciSandboxOptions } from './start-icici-sandbox';

// The sandbox driven by a plain fetch client and the envelope functions, not the connector.
describe('startIciciSandbox (plain HTTP client)', () => {
  let sandbox: IciciSandbox;
  let clientKey: RsaPrivateKey;
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 9, count: 12, pageSize: 5, keyBits: 2048 });
    clientKey = loadRsaPrivateKey(sandbox.credentials.clientPrivateKey);
  });
  afterAll(() => sandbox.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    CORPID: sandbox.credentials.corpId,
    USERID: sandbox.credentials.userId,
    AGGRID: sandbox.credentials.aggrId,
    URN: sandbox.credentials.urn,
    ACCOUNTNO: sandbox.credentials.accountNumber,
    FROMDATE: sandbox.dataset.firstDay.split('-').reverse().join('-'),
    TODATE: sandbox.dataset.lastDay.split('-').reverse().join('-'),
    CONFLG: 'N',
    LASTTRID: '',
    ...overrides,
  });
  async function call(plain: unknown, apiKey = sandbox.credentials.apiKey): Promise<{ status: number; json: Record<string, unknown> }> {
    const envelope = sealRequest(JSON.stringify(plain), createPublicKey(sandbox.credentials.bankPublicKey));
    const res = await fetch(`${sandbox.url}${ICICI_STATEMENT_PATH}`, { method: 'POST', headers: { apikey: apiKey, 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
    const raw = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) return { status: res.status, json: raw };
    const opened = openEnvelope(raw, clientKey);
    if (!opened.ok) throw new Error(`sandbox answer did not open: ${opened.stage}`);
    return { status: 200, json: JSON.parse(opened.text) as Record<string, unknown> };
  }

  it('has the shared sandbox starter shape and derives identifiers from the seed', async () => {
    const starter: SandboxStarter<IciciSandboxOptions, IciciSandboxCredentials> = startIciciSandbox;
    expect(typeof starter).toBe('function');
    const again = await startIciciSandbox({ seed: 9, count: 1, keyBits: 2048 });
    try {
      const { clientPrivateKey: _a, bankPublicKey: _b, ...ids } = again.credentials;
      const { clientPrivateKey: _c, bankPublicKey: _d, ...mine } = sandbox.credentials;
      expect(ids).toEqual(mine);
      // Keys are fresh per start: never derived, never stored.
      expect(again.credentials.clientPrivateKey).not.toBe(sandbox.credentials.clientPrivateKey);
    } finally {
      await again.close();
    }
  });

  it('requires the apikey header', async () => {
    const res = await fetch(`${sandbox.url}${ICICI_STATEMENT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect((await call(body(), 'WrongKey0123456789')).status).toBe(401);
  });

  it('serves encrypted pages with LASTTRID while more rows remain, the last one without', async () => {
    const first = await call(body());
    expect(first.json).toMatchObject({ RESPONSE: 'SUCCESS', ACCOUNTNO: sandbox.credentials.accountNumber, AGGR_ID: sandbox.credentials.aggrId, CORP_ID: sandbox.credentials.corpId });
    expect(first.json['Record']).toHaveLength(5);
    const second = await call(body({ CONFLG: 'Y', LASTTRID: first.json['LASTTRID'] }));
    expect(second.json['Record']).toHaveLength(5);
    const third = await call(body({ CONFLG: 'Y', LASTTRID: second.json['LASTTRID'] }));
    expect(third.json['Record']).toHaveLength(2);
    expect(third.json['LASTTRID']).toBeUndefined();
    const rows = [first, second, third].flatMap((r) => r.json['Record'] as unknown[]);
    expect(rows).toEqual(sandbox.dataset.entries.map((e) => e.row));
  });

  it('answers failures as HTTP 200 with RESPONSE "Failure"', async () => {
    expect((await call(body({ AGGRNAME: 'ACME' }))).json).toMatchObject({ RESPONSE: 'Failure', MESSAGE: 'Invalid request' });
    expect((await call(body({ CORPID: 'SOMEONEELSE' }))).json).toEqual({ RESPONSE: 'Failure', MESSAGE: 'Invalid user access or Account id' });
    expect((await call(body({ FROMDATE: '01-01-2023', TODATE: '02-01-2024' }))).json).toMatchObject({ RESPONSE: 'Failure', MESSAGE: expect.stringMatching(/365/) });
    expect((await call(body({ FROMDATE: '01-01-2019', TODATE: '31-12-2019' }))).json).toEqual({ RESPONSE: 'Failure', MESSAGE: 'The transactions do not exist for the account with the entered criteria.' });
    expect((await call(body({ CONFLG: 'Y', LASTTRID: '1|S000|garbage' }))).json).toMatchObject({ MESSAGE: 'Invalid request' });
    expect((await call(body({ CONFLG: 'N', LASTTRID: 'something' }))).json).toMatchObject({ MESSAGE: 'Invalid request' });
    expect((await call(body({ FROMDATE: '2024-04-01' }))).json).toMatchObject({ MESSAGE: 'Invalid request' });
  });

  it('refuses a request it cannot decrypt, and bodies that are not the envelope', async () => {
    const other = await startIciciSandbox({ seed: 9, count: 1, keyBits: 2048 });
    try {
      // Encrypted for another "bank": the key does not unwrap.
      const envelope = sealRequest(JSON.stringify(body()), createPublicKey(other.credentials.bankPublicKey));
      const res = await fetch(`${sandbox.url}${ICICI_STATEMENT_PATH}`, { method: 'POST', headers: { apikey: sandbox.credentials.apiKey, 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
      expect(res.status).toBe(400);
      const plain = await fetch(`${sandbox.url}${ICICI_STATEMENT_PATH}`, { method: 'POST', headers: { apikey: sandbox.credentials.apiKey, 'content-type': 'application/json' }, body: JSON.stringify(body()) });
      expect(plain.status).toBe(400);
    } finally {
      await other.close();
    }
  });

  it('records decrypted calls and session keys for tests', async () => {
    sandbox.clearCalls();
    await call(body());
    expect(sandbox.calls).toHaveLength(1);
    expect(sandbox.calls[0]!.request).toMatchObject({ CONFLG: 'N' });
    expect(sandbox.sessionKeys.every((k) => /^[A-Za-z0-9]{16}$/.test(k))).toBe(true);
  });
});
