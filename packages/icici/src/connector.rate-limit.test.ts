import { isReconError } from '@recon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icici } from './connector';
import { addDays } from './mapping/ist-dates';
import { startIciciSandbox, type IciciSandbox } from './sandbox';

describe('icici client-side rate limit', () => {
  let sandbox: IciciSandbox;
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 61, count: 15, pageSize: 5, keyBits: 2048 });
  });
  afterAll(() => sandbox.close());

  it('defaults to 500 requests an hour', () => {
    const spec = icici.spec() as { properties: { rateLimit: { properties: { perHour: { default: number } } } } };
    expect(spec.properties.rateLimit.properties.perHour.default).toBe(500);
  });

  it('holds the request past the hourly budget until aborted, without sending it', async () => {
    const connector = icici(sandbox.connectorConfig({ rateLimit: { perHour: 2 } }));
    const controller = new AbortController();
    const iterator = connector.read({ from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1), signal: controller.signal })[Symbol.asyncIterator]();
    let states = 0;
    while (states < 2) {
      const step = await iterator.next();
      expect(step.done).toBe(false);
      if (!step.done && step.value.type === 'state') states += 1;
    }
    expect(sandbox.calls).toHaveLength(2);
    // The third page needs a third request: the budget (2 an hour) is spent, so it must wait.
    const third = iterator.next();
    const outcome = await Promise.race([third.then(() => 'answered', () => 'failed'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 400))]);
    expect(outcome).toBe('waiting');
    controller.abort();
    const error = await third.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isReconError(error) && error.kind).toBe('aborted');
    expect(sandbox.calls).toHaveLength(2);
    expect(sandbox.server.requests).toHaveLength(2);
  });
});
