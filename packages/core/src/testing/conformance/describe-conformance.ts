import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Cursor } from '../../connector';
import { conformanceChecks } from './checks';
import type { ConformanceFixture, ConformanceOptions } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Register the connector conformance suite as vitest tests: one `describe` with an `it` per check.
 * `setup()` runs once (sandbox + connector); each check starts from a clean fault plan.
 *
 * @example
 * describeConnectorConformance({
 *   name: 'sample-ledger',
 *   async setup() {
 *     const sandbox = await startSampleLedgerSandbox({ seed: 7, count: 45 });
 *     const make = (apiKey: string) => (options?: ConnectorOptions) => sampleLedger({ baseUrl: sandbox.url, apiKey }, options);
 *     return { connector: make(sandbox.credentials.apiKey)(), sandbox: sandbox.server, expected: { ids: sandbox.dataset.validIds },
 *       secrets: [sandbox.credentials.apiKey, 'sk_wrong_key'], makeConnector: make(sandbox.credentials.apiKey),
 *       makeWithBadCredentials: make('sk_wrong_key'), teardown: sandbox.close };
 *   },
 * });
 */
export function describeConnectorConformance<C extends Cursor>(options: ConformanceOptions<C>): void {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  describe(`${options.name}: connector conformance`, () => {
    let fixture: ConformanceFixture<C> | undefined;
    beforeAll(async () => {
      fixture = await options.setup();
    }, timeout);
    afterAll(async () => {
      if (!fixture) return;
      await fixture.connector.close();
      if (fixture.teardown) await fixture.teardown();
      else await fixture.sandbox.close();
    }, timeout);

    const ready = (): ConformanceFixture<C> => {
      if (!fixture) throw new Error(`${options.name}: conformance setup() did not complete`);
      return fixture;
    };
    for (const check of conformanceChecks(options)) {
      it(check.title, () => check.run(ready()), timeout);
    }
  });
}
