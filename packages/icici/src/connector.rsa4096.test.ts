import { readAll } from '@recon/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icici } from './connector';
import { loadRsaPrivateKey, loadRsaPublicKey } from './crypto/rsa';
import { addDays } from './mapping/ist-dates';
import { datasetTxnIds, startIciciSandbox, type IciciSandbox } from './sandbox';

// Other tests use 2048-bit keys for speed; this one runs the sandbox's default, the RSA-4096 keys
// ICICI actually issues, end to end.
describe('icici with RSA-4096 keys', () => {
  let sandbox: IciciSandbox;
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 4096, count: 7, pageSize: 4 });
  });
  afterAll(() => sandbox.close());

  it('check() and a paged read work with 4096-bit keys on both sides', async () => {
    const connector = icici(sandbox.connectorConfig());
    expect((await connector.check()).ok).toBe(true);
    const transcript = await readAll(connector, { from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1) });
    expect(transcript.ids).toEqual(datasetTxnIds(sandbox.dataset));
    expect(transcript.checkpoints).toHaveLength(2);
    expect(sandbox.calls).toHaveLength(3); // check() + two pages
    expect(loadRsaPrivateKey(sandbox.credentials.clientPrivateKey).bits).toBe(4096);
    expect(loadRsaPublicKey(sandbox.credentials.bankPublicKey).asymmetricKeyDetails?.modulusLength).toBe(4096);
  });
});
