import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorMessage, ConnectorOptions, ReadOptions } from '../../connector';
import { UpstreamError } from '../../errors';
import { startSampleLedgerSandbox, type SampleLedgerSandbox } from '../sample/ledger-sandbox';
import { sampleLedger, type SampleLedgerConfig, type SampleLedgerCursor } from '../sample/sample-ledger';
import { checkAbortBetweenPages, checkAbortInFlight } from './check-abort';
import { checkBadCredentials, checkConnectionOk } from './check-connection';
import { checkErrorsAreReconErrors } from './check-errors';
import { checkSurvivesFault, DEFAULT_FAULT_SCENARIOS, resolveFaultScenarios } from './check-faults';
import { checkFullRead, checkInvalidRecords } from './check-read';
import { checkResumeFromEveryCursor } from './check-resume';
import { checkNoSecretLeak } from './check-secrets';
import { conformanceChecks } from './checks';
import { ConformanceError } from './conformance-error';
import type { ConformanceFixture } from './types';

type Msg = ConnectorMessage<SampleLedgerCursor>;
type LedgerConnector = Connector<SampleLedgerCursor>;

const WRONG_KEY = 'sk_test_wrong_0123456789abcdef';
let sandbox: SampleLedgerSandbox;

beforeAll(async () => {
  sandbox = await startSampleLedgerSandbox({ seed: 99, count: 40, invalidEvery: 7 });
});
afterAll(() => sandbox.close());

/**
 * A fixture around the sample connector, with `breakIt` applied to every connector it makes.
 * The good connector passes every check (sample-ledger.conformance.test.ts); each broken variant
 * here must fail exactly the check that guards against its defect.
 */
function fixture(breakIt: (c: LedgerConnector) => LedgerConnector = (c) => c, config: Partial<SampleLedgerConfig> = {}): ConformanceFixture<SampleLedgerCursor> {
  const make = (apiKey: string) => (options?: ConnectorOptions) =>
    breakIt(sampleLedger({ baseUrl: sandbox.url, apiKey, pageSize: 8, retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 }, ...config }, options));
  return {
    connector: make(sandbox.credentials.apiKey)(),
    sandbox: sandbox.server,
    expected: { ids: sandbox.dataset.validIds },
    invalidCount: sandbox.dataset.invalidIds.length,
    secrets: [sandbox.credentials.apiKey, WRONG_KEY],
    makeConnector: make(sandbox.credentials.apiKey),
    makeWithBadCredentials: make(WRONG_KEY),
  };
}

/** Replace a connector's read with a transformation of its real read. */
const wrapRead =
  (transform: (source: AsyncIterable<Msg>, options: ReadOptions<SampleLedgerCursor>) => AsyncIterable<Msg>) =>
  (c: LedgerConnector): LedgerConnector => ({ ...c, read: (options = {}) => transform(c.read(options), options) });

/** Drops the records of the second page: a classic off-by-one in paging. */
const dropsSecondPage = wrapRead(async function* (source) {
  let states = 0;
  for await (const m of source) {
    if (m.type === 'state') states += 1;
    else if (states === 1) continue;
    yield m;
  }
});

/** Emits each page's checkpoint with the previous page's cursor: resume repeats a page. */
const lateCheckpoints = wrapRead(async function* (source) {
  let previous: SampleLedgerCursor | undefined;
  for await (const m of source) {
    if (m.type !== 'state') {
      yield m;
      continue;
    }
    yield { type: 'state', cursor: previous ?? m.cursor };
    previous = m.cursor;
  }
});

/** Holds each checkpoint back and emits it before the page it covers: resume skips that page. */
const earlyCheckpoints = wrapRead(async function* (source) {
  const buffered: Msg[] = [];
  for await (const m of source) {
    if (m.type !== 'state') {
      buffered.push(m);
      continue;
    }
    yield m;
    yield* buffered.splice(0);
  }
  yield* buffered;
});

const dropsInvalid = wrapRead(async function* (source) {
  for await (const m of source) if (m.type !== 'invalid') yield m;
});

const dropsFinalCheckpoint = wrapRead(async function* (source) {
  let held: Msg | undefined;
  for await (const m of source) {
    if (held) yield held;
    held = m;
  }
  if (held && held.type !== 'state') yield held;
});

/** Reads without passing the signal on. */
const ignoresAbort = (c: LedgerConnector): LedgerConnector => ({ ...c, read: ({ signal: _ignored, ...rest } = {}) => c.read(rest) });

/** Swallows read errors and just stops: a failure that looks like an empty result. */
const swallowsErrors = wrapRead(async function* (source) {
  try {
    yield* source;
  } catch {
    return;
  }
});

/** Rethrows failures as plain Errors. */
const throwsPlainErrors = wrapRead(async function* (source) {
  try {
    yield* source;
  } catch (error) {
    throw new Error(`read failed: ${(error as Error).message}`);
  }
});

describe('the suite as plain checks', () => {
  it('lists every check, with one test per fault scenario; skip and overrides apply', () => {
    const ids = conformanceChecks().map((c) => c.id);
    expect(new Set(ids)).toEqual(new Set(['check-ok', 'check-bad-credentials', 'full-read', 'invalid-records', 'resume', 'faults', 'abort', 'errors', 'no-secret-leak']));
    expect(ids.filter((id) => id === 'faults')).toHaveLength(Object.keys(DEFAULT_FAULT_SCENARIOS).length);
    const custom = conformanceChecks({ skip: ['abort'], faults: { 'connection reset': false, 'slow answer': [{ type: 'delay', ms: 10 }] } });
    expect(custom.some((c) => c.id === 'abort')).toBe(false);
    expect(custom.map((c) => c.title).some((t) => t.includes('connection reset'))).toBe(false);
    expect(custom.map((c) => c.title).some((t) => t.includes('slow answer'))).toBe(true);
    expect(resolveFaultScenarios({ 'server error (500)': [{ type: 'status', status: 500, after: 2 }] }).find(([n]) => n === 'server error (500)')?.[1]).toEqual([{ type: 'status', status: 500, after: 2 }]);
  });

  it('every check passes for the sample connector when run directly', async () => {
    const good = fixture();
    for (const check of conformanceChecks({ faults: { 'rate limited (429, Retry-After: 1)': false } })) await check.run(good);
  }, 60_000);
});

describe('the suite fails broken connectors', () => {
  const rejects = (promise: Promise<void>, pattern: RegExp) => expect(promise).rejects.toThrow(expect.objectContaining({ name: 'ConformanceError', message: expect.stringMatching(pattern) }));

  it('check() that rejects instead of reporting', async () => {
    const broken = fixture((c) => ({ ...c, check: () => Promise.reject(new Error('boom')) }));
    await rejects(checkConnectionOk(broken), /check\(\) rejected/);
    await rejects(checkBadCredentials(broken), /check\(\) rejected/);
  });

  it('check() that says ok whatever the credentials', async () => {
    await rejects(checkBadCredentials(fixture((c) => ({ ...c, check: async () => ({ ok: true, message: 'fine' }) }))), /resolved ok:true/);
  });

  it('a connector that drops a page', async () => {
    const broken = fixture(dropsSecondPage);
    await rejects(checkFullRead(broken), /missing [1-9]\d* \(ltx_/);
    await rejects(checkResumeFromEveryCursor(broken), /never yielded \(gap/);
  });

  it('checkpoints one page late: resume duplicates', async () => {
    const broken = fixture(lateCheckpoints);
    await expect(checkFullRead(broken)).resolves.toBeUndefined();
    await rejects(checkResumeFromEveryCursor(broken), /yielded again \(duplicates: ltx_/);
  });

  it('checkpoints one page early: resume leaves a gap', async () => {
    const broken = fixture(earlyCheckpoints);
    await rejects(checkResumeFromEveryCursor(broken), /never yielded \(gap: ltx_/);
    await rejects(checkFullRead(broken), /after the last state message/);
  });

  it('records after the final checkpoint', async () => {
    await rejects(checkFullRead(fixture(dropsFinalCheckpoint)), /after the last state message/);
  });

  it('a connector that drops invalid rows', async () => {
    const broken = fixture(dropsInvalid);
    await rejects(checkInvalidRecords(broken), new RegExp(`expected ${sandbox.dataset.invalidIds.length} invalid messages, got 0`));
    await rejects(checkFullRead(broken), /invalid messages, expected/);
  });

  it('a connector that does not retry', async () => {
    const broken = fixture(undefined, { retry: { retries: 0 } });
    for (const scenario of ['server error (500)', 'connection reset', 'truncated JSON body'] as const) {
      await rejects(checkSurvivesFault(broken, scenario, DEFAULT_FAULT_SCENARIOS[scenario] ?? []), /failed instead of retrying/);
    }
  });

  it('a fault plan that never fires is reported, not passed', async () => {
    await rejects(checkSurvivesFault(fixture(), 'never matches', [{ type: 'status', status: 500, match: { path: '/nowhere' } }]), /fired 0 of 1 times/);
  });

  it('a connector that ignores its abort signal', async () => {
    const broken = fixture(ignoresAbort);
    await rejects(checkAbortBetweenPages(broken), /went on to yield all|more requests after/);
    // It never stops on its own (30 s client timeout), so a short deadline cannot be a flaky pass.
    await rejects(checkAbortInFlight(broken, { deadlineMs: 300 }), /did not stop within 300 ms/);
  });

  it('a connector that swallows errors', async () => {
    await rejects(checkErrorsAreReconErrors(fixture(swallowsErrors)), /ended without an error/);
  });

  it('a connector that throws plain Errors', async () => {
    await rejects(checkErrorsAreReconErrors(fixture(throwsPlainErrors)), /not a ReconError/);
  });

  it('a connector that puts its key into an error message', async () => {
    const leaky = wrapRead(async function* (source) {
      try {
        yield* source;
      } catch (error) {
        throw new UpstreamError(`ledger refused the request (key ${sandbox.credentials.apiKey})`, { cause: error });
      }
    });
    const failure = await checkNoSecretLeak(fixture(leaky)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ConformanceError);
    const message = (failure as Error).message;
    expect(message).toMatch(/secret #0 \(raw\) in read\(\) error/);
    // The report masks what it found.
    expect(message).not.toContain(sandbox.credentials.apiKey);
  });

  it('a connector that prints or logs its key', async () => {
    const printing = (c: LedgerConnector): LedgerConnector => ({
      ...c,
      check: async (options) => {
        console.warn('checking with', Buffer.from(sandbox.credentials.apiKey).toString('base64'));
        return c.check(options);
      },
    });
    await rejects(checkNoSecretLeak(fixture(printing)), /secret #0 \(base64\) in stdout\/stderr\/console/);

    const logging = fixture();
    logging.makeConnector = (options) => {
      options?.logger?.debug({ headers: { 'X-Api-Key': sandbox.credentials.apiKey } }, 'request');
      return sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 8, retry: { retries: 1, minDelayMs: 5 } }, options);
    };
    await rejects(checkNoSecretLeak(logging), /secret #0 \(raw\) in logger\.debug\(request\)/);
  });
});
