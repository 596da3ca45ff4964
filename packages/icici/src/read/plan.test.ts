import { describe, expect, it } from 'vitest';
import { daysBetween } from '../mapping/ist-dates';
import type { IciciCursor } from './cursor';
import { parseCursor } from './cursor';
import { planRead, splitRange } from './plan';

const base = { maxRangeDays: 365, initialLookbackDays: 30, now: Date.parse('2024-06-15T12:00:00+05:30') };

describe('splitRange', () => {
  it('cuts ranges longer than 365 days into consecutive, non-overlapping slices', () => {
    const chunks = splitRange('2022-01-01', '2024-03-31', 365);
    expect(chunks).toEqual([
      { from: '2022-01-01', to: '2022-12-31' },
      { from: '2023-01-01', to: '2023-12-31' },
      { from: '2024-01-01', to: '2024-03-31' },
    ]);
    for (const c of chunks) expect(daysBetween(c.from, c.to) + 1).toBeLessThanOrEqual(365);
    // A leap year: 365 days from 2024-01-01 end on 2024-12-30.
    expect(splitRange('2024-01-01', '2025-01-05', 365)).toEqual([
      { from: '2024-01-01', to: '2024-12-30' },
      { from: '2024-12-31', to: '2025-01-05' },
    ]);
    expect(splitRange('2024-01-01', '2024-01-01', 365)).toEqual([{ from: '2024-01-01', to: '2024-01-01' }]);
    expect(splitRange('2024-01-02', '2024-01-01', 365)).toEqual([]);
  });
});

describe('planRead', () => {
  it('defaults to the last 30 IST days up to now; today is still open, so it is read again next time', () => {
    expect(planRead(base)).toEqual({ first: '2024-05-17', last: '2024-06-15', nextFrom: '2024-06-15', chunks: [{ from: '2024-05-17', to: '2024-06-15' }], resumeToken: null });
  });

  it('a `to` at an IST midnight closes the day before it', () => {
    const plan = planRead({ ...base, from: '2024-04-01', to: '2024-05-01' });
    expect(plan).toMatchObject({ first: '2024-04-01', last: '2024-04-30', nextFrom: '2024-05-01' });
    // 18:30 UTC is IST midnight too.
    expect(planRead({ ...base, from: '2024-04-01', to: '2024-04-30T18:30:00Z' })).toMatchObject({ last: '2024-04-30', nextFrom: '2024-05-01' });
    expect(planRead({ ...base, from: '2024-04-01', to: '2024-04-30T18:30:01Z' })).toMatchObject({ last: '2024-05-01', nextFrom: '2024-05-01' });
  });

  it('splits a two-year window', () => {
    const plan = planRead({ ...base, from: '2022-04-01', to: '2024-04-01' });
    expect(plan.chunks).toHaveLength(3);
    expect(plan.chunks[0]).toEqual({ from: '2022-04-01', to: '2023-03-31' });
    expect(plan.chunks.at(-1)?.to).toBe('2024-03-31');
  });

  it('continues an unfinished window where it stopped, whatever from/to say now', () => {
    const cursor: IciciCursor = { v: 1, account: 'A', first: '2022-04-01', last: '2024-03-31', chunk: '2023-04-01', lastTrId: '1|S1|x', done: false, nextFrom: '2024-04-01' };
    expect(planRead({ ...base, cursor, from: '2020-01-01', to: '2030-01-01' })).toEqual({
      first: '2022-04-01',
      last: '2024-03-31',
      nextFrom: '2024-04-01',
      chunks: [
        { from: '2023-04-01', to: '2024-03-30' },
        { from: '2024-03-31', to: '2024-03-31' },
      ],
      resumeToken: '1|S1|x',
    });
  });

  it('opens the next window after a finished one; nothing to read when it already reached `to`', () => {
    const done: IciciCursor = { v: 1, account: 'A', first: '2024-04-01', last: '2024-04-30', chunk: '2024-04-01', lastTrId: null, done: true, nextFrom: '2024-05-01' };
    expect(planRead({ ...base, cursor: done })).toMatchObject({ first: '2024-05-01', last: '2024-06-15', chunks: [{ from: '2024-05-01', to: '2024-06-15' }] });
    expect(planRead({ ...base, cursor: done, to: '2024-05-01' })).toEqual({ first: '2024-05-01', last: '2024-04-30', nextFrom: '2024-05-01', chunks: [], resumeToken: null });
  });

  it('refuses unreadable or reversed bounds with a config error', () => {
    expect(() => planRead({ ...base, from: 'last week' })).toThrow(/READ_RANGE_INVALID|`from`/);
    expect(() => planRead({ ...base, from: '2024-05-02', to: '2024-05-01' })).toThrow(/before/);
  });
});

describe('parseCursor', () => {
  const good: IciciCursor = { v: 1, account: '000405001611', first: '2024-04-01', last: '2024-04-30', chunk: '2024-04-01', lastTrId: null, done: false, nextFrom: '2024-05-01' };
  it('accepts its own cursors after a JSON round trip', () => {
    expect(parseCursor(JSON.parse(JSON.stringify(good)), '000405001611')).toEqual(good);
  });
  it('refuses corrupted cursors and cursors of another account', () => {
    expect(() => parseCursor({ ...good, chunk: 5 }, '000405001611')).toThrow(/Invalid cursor/);
    expect(() => parseCursor({ ...good, extra: 1 }, '000405001611')).toThrow(/Invalid cursor/);
    expect(() => parseCursor({ ...good, chunk: '2024-05-02' }, '000405001611')).toThrow(/outside/);
    expect(() => parseCursor(good, '999999999999')).toThrow(/another account/);
  });
});
