import { readAll } from '@recon/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icici } from './connector';
import { addDays, daysBetween, istDayOf, parseIciciDate } from './mapping/ist-dates';
import type { IciciCursor } from './read/cursor';
import { datasetTxnIds, startIciciSandbox, type IciciSandbox } from './sandbox';

const FAST = { retry: { retries: 2, minDelayMs: 5, maxDelayMs: 20 } } as const;
const until = (sandbox: IciciSandbox) => ({ from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1) });

describe('icici paging over real HTTP', () => {
  let sandbox: IciciSandbox;
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 7, count: 25, pageSize: 6, keyBits: 2048 });
  });
  afterAll(() => sandbox.close());

  it('walks CONFLG/LASTTRID until the bank stops sending a token, echoing each token verbatim', async () => {
    sandbox.clearCalls();
    const transcript = await readAll(icici(sandbox.connectorConfig(FAST)), until(sandbox));
    expect(transcript.failed).toBe(false);
    expect(transcript.ids).toEqual(datasetTxnIds(sandbox.dataset));
    const calls = sandbox.calls;
    expect(calls).toHaveLength(5); // 25 rows, 6 a page
    expect(calls[0]!.request).toMatchObject({ CONFLG: 'N', LASTTRID: '' });
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]!.request).toMatchObject({ CONFLG: 'Y', LASTTRID: calls[i - 1]!.response['LASTTRID'] });
      expect(calls[i]!.request['FROMDATE']).toBe(calls[0]!.request['FROMDATE']);
    }
    expect(calls.at(-1)!.response['LASTTRID']).toBeUndefined();
    for (const call of calls) {
      expect(Object.keys(call.request).sort()).toEqual(['ACCOUNTNO', 'AGGRID', 'CONFLG', 'CORPID', 'FROMDATE', 'LASTTRID', 'TODATE', 'URN', 'USERID']);
      expect(call.ivLayout).toBe('prepend');
    }
    // One checkpoint per page, the last one done.
    expect(transcript.checkpoints).toHaveLength(5);
    expect(transcript.checkpoints.at(-1)!.cursor).toMatchObject({ done: true, lastTrId: null, nextFrom: addDays(sandbox.dataset.lastDay, 1) });
  });

  it('the single-row quirk: a one-row page arrives as an object and still yields its record', async () => {
    // 25 rows at 6 a page: the fifth page holds exactly one row.
    sandbox.clearCalls();
    const transcript = await readAll(icici(sandbox.connectorConfig(FAST)), until(sandbox));
    const last = sandbox.calls.at(-1)!.response['Record'];
    expect(Array.isArray(last)).toBe(false);
    expect(last).toMatchObject({ TRANSACTIONID: sandbox.dataset.entries.at(-1)!.row['TRANSACTIONID'] });
    expect(transcript.ids.at(-1)).toBe(datasetTxnIds(sandbox.dataset).at(-1));
  });

  it('"no transactions" is an empty read ending on a checkpoint, not an error', async () => {
    const transcript = await readAll(icici(sandbox.connectorConfig(FAST)), { from: '2020-01-01', to: '2020-01-08' });
    expect(transcript.failed).toBe(false);
    expect(transcript.ids).toEqual([]);
    expect(transcript.checkpoints).toHaveLength(1);
    expect(sandbox.calls.at(-1)!.response).toMatchObject({ RESPONSE: 'Failure' });
  });

  it('resumes mid-range in a new connector from a cursor holding the bank token', async () => {
    const first = await readAll(icici(sandbox.connectorConfig(FAST)), until(sandbox));
    const checkpoint = first.checkpoints[1]!;
    const cursor = JSON.parse(JSON.stringify(checkpoint.cursor)) as IciciCursor;
    expect(cursor.lastTrId).toMatch(/^1\|S\d+\|/);
    sandbox.clearCalls();
    const resumed = await readAll(icici(sandbox.connectorConfig(FAST)), { cursor });
    expect(sandbox.calls[0]!.request).toMatchObject({ CONFLG: 'Y', LASTTRID: cursor.lastTrId });
    expect([...first.ids.slice(0, checkpoint.recordsBefore), ...resumed.ids]).toEqual(first.ids);
  });

  it('requests may carry the IV in the `iv` field instead (configurable), with the same result', async () => {
    sandbox.clearCalls();
    const transcript = await readAll(icici(sandbox.connectorConfig({ ...FAST, requestIvMode: 'field' })), until(sandbox));
    expect(transcript.ids).toEqual(datasetTxnIds(sandbox.dataset));
    expect(sandbox.calls.every((c) => c.ivLayout === 'field')).toBe(true);
  });
});

describe('icici ranges longer than 365 days', () => {
  let sandbox: IciciSandbox;
  beforeAll(async () => {
    // About 60 rows spread over ~2.5 years.
    sandbox = await startIciciSandbox({ seed: 11, count: 60, pageSize: 200, maxGapMinutes: 60 * 24 * 30, start: '2022-01-03', keyBits: 2048 });
  });
  afterAll(() => sandbox.close());

  it('splits the window into consecutive ≤365-day calls covering it exactly', async () => {
    const window = until(sandbox);
    expect(daysBetween(window.from, window.to)).toBeGreaterThan(730);
    sandbox.clearCalls();
    const transcript = await readAll(icici(sandbox.connectorConfig(FAST)), window);
    expect(transcript.failed).toBe(false);
    expect(transcript.ids).toEqual(datasetTxnIds(sandbox.dataset));
    const ranges = sandbox.calls.map((c) => ({ from: parseIciciDate(c.request['FROMDATE'])!, to: parseIciciDate(c.request['TODATE'])! }));
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    expect(ranges[0]!.from).toBe(window.from);
    expect(ranges.at(-1)!.to).toBe(addDays(window.to, -1));
    for (const [i, r] of ranges.entries()) {
      expect(daysBetween(r.from, r.to) + 1).toBeLessThanOrEqual(365);
      if (i > 0) expect(r.from).toBe(addDays(ranges[i - 1]!.to, 1));
    }
  });

  it('a window holding exactly one row: one call, `Record` an object, one record', async () => {
    const lone = sandbox.dataset.entries.find((e, _i, all) => all.filter((o) => o.day === e.day).length === 1)!;
    sandbox.clearCalls();
    const single = await readAll(icici(sandbox.connectorConfig(FAST)), { from: lone.day, to: addDays(lone.day, 1) });
    expect(sandbox.calls).toHaveLength(1);
    expect(Array.isArray(sandbox.calls[0]!.response['Record'])).toBe(false);
    expect(single.messages.filter((m) => m.type === 'record')).toHaveLength(1);
    expect(single.messages.find((m) => m.type === 'record')).toMatchObject({ txn: { raw: lone.row } });
  });

  it('the sandbox refuses longer ranges, so the split is what makes the read work', async () => {
    const strict = await startIciciSandbox({ seed: 11, count: 60, maxGapMinutes: 60 * 24 * 30, start: '2022-01-03', keyBits: 2048, maxRangeDays: 120 });
    try {
      const tooLong = await readAll(icici(strict.connectorConfig({ ...FAST, maxRangeDays: 121 })), until(strict));
      expect(tooLong.failed).toBe(true);
      expect(tooLong.ids).toEqual([]);
      expect(tooLong.error).toMatchObject({ kind: 'upstream', code: 'ICICI_FAILURE', retryable: false });
      const split = await readAll(icici(strict.connectorConfig({ ...FAST, maxRangeDays: 120 })), until(strict));
      expect(split.ids).toEqual(datasetTxnIds(strict.dataset));
    } finally {
      await strict.close();
    }
  });
});

describe('icici incremental windows', () => {
  it('a first run reads the last 30 days up to now; the next run re-reads only the still-open day', async () => {
    const today = istDayOf(Date.now());
    // Rows on the morning of three days ago, all in the past.
    const sandbox = await startIciciSandbox({ seed: 5, count: 8, maxGapMinutes: 30, start: addDays(today, -3), keyBits: 2048 });
    try {
      const first = await readAll(icici(sandbox.connectorConfig(FAST)));
      expect(first.ids).toEqual(datasetTxnIds(sandbox.dataset));
      const done = first.checkpoints.at(-1)!.cursor;
      expect(done).toMatchObject({ first: addDays(today, -29), last: today, nextFrom: today, done: true });
      sandbox.clearCalls();
      const next = await readAll(icici(sandbox.connectorConfig(FAST)), { cursor: done });
      expect(next.ids).toEqual([]);
      expect(sandbox.calls.map((c) => [c.request['FROMDATE'], c.request['TODATE']])).toEqual([[today.split('-').reverse().join('-'), today.split('-').reverse().join('-')]]);
    } finally {
      await sandbox.close();
    }
  });
});
