import { inspect } from 'node:util';
import { isReconError } from '@recon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hdfcSandboxConfig, startHdfcSandbox, type HdfcSandbox } from '../sandbox';
import { createTestCertificates, type TestCertificates } from './certificates.test-helper';
import { hdfc } from './hdfc-connector';

describe('hdfc connector over mutual TLS', () => {
  let certs: TestCertificates;
  let sandbox: HdfcSandbox;
  beforeAll(async () => {
    certs = createTestCertificates();
    sandbox = await startHdfcSandbox({ seed: 21, count: 14, tls: { cert: certs.server.cert, key: certs.server.key, ca: certs.ca } });
  });
  afterAll(() => sandbox.close());
  const window = () => ({ from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate });

  it('presents the client certificate to the token endpoint and the API, and reads everything', async () => {
    expect(sandbox.url.startsWith('https://127.0.0.1:')).toBe(true);
    const connector = hdfc({ ...hdfcSandboxConfig(sandbox), tls: { cert: certs.client.cert, key: certs.client.key, ca: certs.ca }, statementRequest: { pageSize: 5 } });
    const ids: string[] = [];
    for await (const message of connector.read(window())) if (message.type === 'record') ids.push(message.txn.txn_id);
    expect(ids).toEqual(sandbox.dataset.validIds);
    expect((await connector.check()).ok).toBe(true);
    await connector.close();
  });

  it('fails the token call with a typed auth error, not data, when the gateway refuses or misses the client certificate', async () => {
    for (const tls of [{ ca: certs.ca }, { cert: certs.stranger.cert, key: certs.stranger.key, ca: certs.ca }]) {
      const connector = hdfc({ ...hdfcSandboxConfig(sandbox), tls, retry: { retries: 0 } });
      const result = await connector.check();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(isReconError(result.error)).toBe(true);
      expect(result.error.kind).toBe('auth');
      expect(result.error.code).toBe('AUTH_TOKEN_FAILED');
      expect(inspect(result, { depth: 10 })).not.toContain(certs.client.key.slice(30, 90));
      await connector.close();
    }
  });
});
