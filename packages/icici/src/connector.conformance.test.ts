import type { ConnectorOptions } from '@recon/core';
import { describeConnectorConformance } from '@recon/core/testing/vitest';
import { icici } from './connector';
import { addDays } from './mapping/ist-dates';
import { datasetTxnIds, startIciciSandbox } from './sandbox';

/** A well-formed API key the sandbox refuses: also a secret that must never be printed. */
const WRONG_KEY = 'WrongKey0123456789abcdefWrongKey';

// 45 rows over 8 pages of 6, every 9th row deliberately invalid; 2048-bit keys for speed; fast
// retries so lasting outages fail quickly. The rate limit stays at its default (500/hour): the
// whole suite sends far fewer requests, so it proves the limiter does not get in the way.
describeConnectorConformance({
  name: 'icici',
  async setup() {
    const sandbox = await startIciciSandbox({ seed: 2024, count: 45, pageSize: 6, invalidEvery: 9, keyBits: 2048 });
    const pem = sandbox.credentials.clientPrivateKey;
    const pemLines = pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
    const make =
      (apiKey: string) =>
      (options?: ConnectorOptions) =>
        icici(sandbox.connectorConfig({ apiKey, retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 } }), options);
    return {
      connector: make(sandbox.credentials.apiKey)(),
      sandbox: sandbox.server,
      expected: { ids: datasetTxnIds(sandbox.dataset) },
      invalidCount: sandbox.dataset.invalidRows.length,
      readOptions: { from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1) },
      secrets: [sandbox.credentials.apiKey, WRONG_KEY, pem, pemLines.join(''), pemLines[1]!, pemLines[pemLines.length - 2]!],
      makeConnector: make(sandbox.credentials.apiKey),
      makeWithBadCredentials: make(WRONG_KEY),
      teardown: sandbox.close,
    };
  },
});
