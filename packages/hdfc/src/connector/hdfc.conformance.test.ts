import type { ConnectorOptions } from '@recon/core';
import { describeConnectorConformance } from '@recon/core/testing/vitest';
import { hdfcSandboxConfig, startHdfcSandbox } from '../sandbox';
import { hdfc } from './hdfc-connector';

describeConnectorConformance({
  name: 'hdfc',
  async setup() {
    const sandbox = await startHdfcSandbox({ seed: 6, count: 61, invalidEvery: 17 });
    const readOptions = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
    const base = { ...hdfcSandboxConfig(sandbox), statementRequest: { pageSize: 10 } };
    const make = (overrides: { clientSecret?: string } = {}) => (options?: ConnectorOptions) => hdfc({ ...base, ...overrides }, options);
    const wrongSecret = 'wrong-secret-for-conformance';
    return {
      connector: make()(),
      sandbox: sandbox.server,
      expected: { ids: sandbox.dataset.validIds },
      invalidCount: sandbox.dataset.invalidCount,
      readOptions,
      // Every credential involved: a leak of any of them (raw, URL-encoded or base64) fails the suite.
      secrets: [sandbox.credentials.clientSecret, sandbox.credentials.clientId, sandbox.credentials.privateKey, wrongSecret],
      makeConnector: make(),
      makeWithBadCredentials: make({ clientSecret: wrongSecret }),
      teardown: sandbox.close,
    };
  },
});
