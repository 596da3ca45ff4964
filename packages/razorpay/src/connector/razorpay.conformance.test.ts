import type { ConnectorOptions } from '@recon/core';
import { describeConnectorConformance } from '@recon/core/testing/vitest';
import { startRazorpaySandbox } from '../sandbox';
import { razorpay } from './razorpay-connector';

/** A well-formed secret the sandbox refuses; also a secret that must never be printed. */
const WRONG_SECRET = 'wrong_secret_0123456789abcdef';

// 180 payments over 5 days in pages of 25, 4 of them deliberately broken, with refunds,
// settlements and recon rows: every stream spans several requests. Retries are fast so lasting
// outages fail quickly; Retry-After is still honoured (the 429 scenario waits its 1 s).
describeConnectorConformance({
  name: 'razorpay',
  async setup() {
    const sandbox = await startRazorpaySandbox({ seed: 2024, payments: 180, days: 5, invalid: 4 });
    const { keyId, keySecret } = sandbox.credentials;
    const make =
      (secret: string) =>
      (options?: ConnectorOptions) =>
        razorpay({ keyId, keySecret: secret, baseUrl: sandbox.url, pageSize: 25, reconPageSize: 40, retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 } }, options);
    const window = { from: sandbox.dataset.start, to: sandbox.dataset.now };
    return {
      connector: make(keySecret)(),
      sandbox: sandbox.server,
      expected: { ids: sandbox.dataset.expectedIds(window) },
      invalidCount: sandbox.dataset.invalid.size,
      readOptions: { from: new Date(window.from * 1000).toISOString(), to: new Date(window.to * 1000).toISOString() },
      secrets: [keySecret, `${keyId}:${keySecret}`, WRONG_SECRET, `${keyId}:${WRONG_SECRET}`, sandbox.credentials.webhookSecret],
      makeConnector: make(keySecret),
      makeWithBadCredentials: make(WRONG_SECRET),
      teardown: sandbox.close,
    };
  },
});
