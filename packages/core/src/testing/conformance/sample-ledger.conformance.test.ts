import type { ConnectorOptions } from '../../connector';
import { sampleLedger } from '../sample/sample-ledger';
import { startSampleLedgerSandbox } from '../sample/ledger-sandbox';
import { describeConnectorConformance } from './describe-conformance';

/** A well-formed key the sandbox refuses: also a secret that must never be printed. */
const WRONG_KEY = 'sk_test_wrong_0123456789abcdef';

// The suite proving itself on the sample connector: 60 rows over 6 pages of 10, every 9th row
// deliberately invalid. Retries are fast so outages fail in well under a second per read.
describeConnectorConformance({
  name: 'sample-ledger',
  async setup() {
    const sandbox = await startSampleLedgerSandbox({ seed: 2024, count: 60, invalidEvery: 9 });
    const make =
      (apiKey: string) =>
      (options?: ConnectorOptions) =>
        sampleLedger({ baseUrl: sandbox.url, apiKey, pageSize: 10, retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 } }, options);
    return {
      connector: make(sandbox.credentials.apiKey)(),
      sandbox: sandbox.server,
      expected: { ids: sandbox.dataset.validIds },
      invalidCount: sandbox.dataset.invalidIds.length,
      secrets: [sandbox.credentials.apiKey, WRONG_KEY],
      makeConnector: make(sandbox.credentials.apiKey),
      makeWithBadCredentials: make(WRONG_KEY),
      teardown: sandbox.close,
    };
  },
});
