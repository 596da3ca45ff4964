import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSbiDataset } from './sbi-dataset';
import { startSbiSandbox, type SbiSandbox } from './sbi-sandbox';

describe('createSbiDataset', () => {
  it('is deterministic, ordered by day, numbers lines within a day, and carries real reference layouts', () => {
    const d = createSbiDataset({ seed: 2, count: 70 });
    expect(createSbiDataset({ seed: 2, count: 70 })).toEqual(d);
    expect(d.lines.map((l) => l.date)).toEqual([...d.lines.map((l) => l.date)].sort());
    for (const line of d.lines) {
      if (line.narration.rrn) expect(line.narration.rrn).toMatch(/^\d{12}$/);
      if (line.narration.utr) expect(line.narration.utr).toMatch(/^[A-Z]{4}R\d{17}$|^[A-Z]{4}N\d{11}$|^SBIN\d{12}$/);
    }
    expect(new Set(d.lines.map((l) => l.narration.rail))).toEqual(new Set(['NEFT', 'RTGS', 'IMPS', 'UPI', 'ATM', 'FEE']));
    const [seventh, eighth] = [d.lines[6], d.lines[7]];
    expect(eighth).toMatchObject({ date: seventh?.date, amountMinor: seventh?.amountMinor, narration: seventh?.narration });
    expect(eighth?.recordNumber).not.toBe(seventh?.recordNumber);
    expect(new Set(d.validIds).size).toBe(d.validIds.length);
  });
});

describe('startSbiSandbox', () => {
  let sandbox: SbiSandbox;
  beforeAll(async () => {
    sandbox = await startSbiSandbox({ seed: 3, count: 5, scope: 'STATEMENT' });
  });
  afterAll(() => sandbox.close());

  it('issues tokens for the client credentials grant only', async () => {
    const { clientId, clientSecret } = sandbox.credentials;
    const post = (body: string, secret = clientSecret) =>
      fetch(`${sandbox.url}/oauth2/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect((await post('grant_type=client_credentials&scope=STATEMENT')).status).toBe(200);
    expect((await post('grant_type=password&scope=STATEMENT')).status).toBe(400);
    expect((await post('grant_type=client_credentials&scope=OTHER')).status).toBe(400);
    expect((await post('grant_type=client_credentials&scope=STATEMENT', 'wrong')).status).toBe(401);
  });

  it('refuses an unauthenticated statement call and answers envelope problems in clear', async () => {
    const url = `${sandbox.url}/cmp/v1/account-statement`;
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    const { clientId, clientSecret } = sandbox.credentials;
    const token = (await (
      await fetch(`${sandbox.url}/oauth2/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=STATEMENT' })
    ).json()) as { access_token: string };
    const headers = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
    const call = async (body: unknown, extra: Record<string, string> = {}) => (await fetch(url, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) })).json();
    expect(await call({ REQUEST_REFERENCE_NUMBER: 'short' })).toMatchObject({ RESPONSE_STATUS: '1', ERROR_CODE: 'SI005' });
    const reference = `SBI${sandbox.credentials.sourceId}${'1'.repeat(20)}`;
    expect(await call({ REQUEST_REFERENCE_NUMBER: reference, REQUEST: 'x', DIGI_SIGN: 'y' }, { accesstoken: 'bm90IGEga2V5' })).toMatchObject({ RESPONSE_STATUS: '1', ERROR_CODE: 'SI001' });
  });
});
