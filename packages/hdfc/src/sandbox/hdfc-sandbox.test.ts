import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHdfcDataset } from './hdfc-dataset';
import { startHdfcSandbox, type HdfcSandbox } from './hdfc-sandbox';

describe('createHdfcDataset', () => {
  it('is deterministic per seed, ordered, and carries real reference layouts', () => {
    const a = createHdfcDataset({ seed: 3, count: 80 });
    expect(createHdfcDataset({ seed: 3, count: 80 })).toEqual(a);
    expect(createHdfcDataset({ seed: 4, count: 80 }).validIds).not.toEqual(a.validIds);
    const keys = a.lines.map((l) => `${l.date}T${l.time}`);
    expect([...keys].sort()).toEqual(keys);
    for (const line of a.lines) {
      if (line.narration.utr) expect(line.narration.utr).toMatch(/^[A-Z]{4}[RN]\d{17}$|^[A-Z]{4}[A-Z]{2}\d{10}$/);
      if (line.narration.rrn) expect(line.narration.rrn).toMatch(/^\d{12}$/);
      expect(line.amountMinor > 0n).toBe(true);
    }
    expect(new Set(a.lines.map((l) => l.narration.rail))).toEqual(new Set(['NEFT', 'RTGS', 'IMPS', 'UPI', 'ATM', 'FEE']));
  });

  it('marks every n-th line invalid and leaves it out of the expected ids', () => {
    const d = createHdfcDataset({ seed: 3, count: 30, invalidEvery: 10 });
    expect(d.invalidCount).toBe(3);
    expect(d.validIds).toHaveLength(27);
  });
});

describe('startHdfcSandbox token endpoint', () => {
  let sandbox: HdfcSandbox;
  beforeAll(async () => {
    sandbox = await startHdfcSandbox({ seed: 5, count: 5 });
  });
  afterAll(() => sandbox.close());
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const token = (query: string, authorization: string) => fetch(`${sandbox.url}/auth/oauth/v1/token?${query}`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' } });

  it('issues a token only for the client credentials grant, the right client and its scope, read from the query', async () => {
    const { clientId, clientSecret, scope } = sandbox.credentials;
    const ok = await token(`grant_type=client_credentials&scope=${scope}`, basic(clientId, clientSecret));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
    expect((await token(`scope=${scope}`, basic(clientId, clientSecret))).status).toBe(400);
    expect((await token(`grant_type=client_credentials&scope=${scope}`, basic(clientId, 'wrong'))).status).toBe(401);
    expect((await token('grant_type=client_credentials&scope=OTHER', basic(clientId, clientSecret))).status).toBe(400);
  });

  it('answers the statement endpoint with 401 without a valid token and plain gateway errors for a bad envelope', async () => {
    const url = `${sandbox.url}/api/v1/corp-acctStatement`;
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(401);
    const { clientId, clientSecret, scope } = sandbox.credentials;
    const { access_token: accessToken } = (await (await token(`grant_type=client_credentials&scope=${scope}`, basic(clientId, clientSecret))).json()) as { access_token: string };
    const headers = { authorization: `Bearer ${accessToken}`, apikey: clientId, scope, transactionid: 't1', 'content-type': 'application/jose' };
    const garbage = await fetch(url, { method: 'POST', headers, body: 'not.a.jwe.at.all' });
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ errorCode: 'JWE_DECRYPT' });
    expect((await fetch(url, { method: 'POST', headers: { ...headers, apikey: 'someone-else' }, body: 'x' })).status).toBe(401);
    sandbox.expireTokens();
    expect((await fetch(url, { method: 'POST', headers, body: 'x' })).status).toBe(401);
  });
});
