import type { ConnectorOptions } from '@recon/core';
import { describeConnectorConformance } from '@recon/core/testing/vitest';
import { sbiSandboxConfig, startSbiSandbox } from '../sandbox';
import { sbi } from './sbi-connector';

describeConnectorConformance({
  name: 'sbi',
  async setup() {
    const sandbox = await startSbiSandbox({ seed: 8, count: 57, invalidEvery: 19, pageSize: 8 });
    const base = sbiSandboxConfig(sandbox);
    // Windows of 4 days over a 10-day statement: paging inside windows and across them.
    const make = (overrides: { clientSecret?: string } = {}) => (options?: ConnectorOptions) => sbi({ ...base, statementRequest: { maxRangeDays: 4 }, ...overrides }, options);
    const wrongSecret = 'wrong-secret-for-conformance';
    return {
      connector: make()(),
      sandbox: sandbox.server,
      expected: { ids: sandbox.dataset.validIds },
      invalidCount: sandbox.dataset.invalidCount,
      readOptions: { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate },
      secrets: [sandbox.credentials.clientSecret, sandbox.credentials.clientId, sandbox.credentials.privateKey, wrongSecret],
      makeConnector: make(),
      makeWithBadCredentials: make({ clientSecret: wrongSecret }),
      teardown: sandbox.close,
    };
  },
});
