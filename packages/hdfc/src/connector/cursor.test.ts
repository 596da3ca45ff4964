import { ConfigError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { parseCursor, startPosition, windowEnd } from './cursor';

const settings = { today: '2026-03-10', lookbackDays: 30 };

describe('read positions', () => {
  it('takes from/to as IST days, to exclusive, with today and a lookback as defaults', () => {
    expect(startPosition({}, settings)).toEqual({ to: '2026-03-10', at: '2026-02-08', page: null, done: false });
    expect(startPosition({}, { ...settings, startDate: '2026-01-01' })).toEqual({ to: '2026-03-10', at: '2026-01-01', page: null, done: false });
    expect(startPosition({ from: '2026-03-01T20:00:00Z', to: '2026-03-05' }, settings)).toEqual({ to: '2026-03-05', at: '2026-03-02', page: null, done: false });
    expect(startPosition({ from: '2026-03-05', to: '2026-03-05' }, settings).done).toBe(true);
  });

  it('resumes an unfinished cursor as is and starts the next window after a finished one', () => {
    const open = { to: '2026-03-05', at: '2026-03-02', page: 'tok', done: false };
    expect(startPosition({ cursor: open, to: '2026-04-01' }, settings)).toEqual(open);
    expect(startPosition({ cursor: { ...open, page: null, done: true, at: '2026-03-05' } }, settings)).toEqual({ to: '2026-03-10', at: '2026-03-05', page: null, done: false });
  });

  it('rejects a damaged cursor and bad read options as config errors', () => {
    expect(() => parseCursor({ to: '2026-02-30', at: '2026-02-01', page: null, done: false })).toThrow(ConfigError);
    expect(() => parseCursor({ page: 3 })).toThrow(/Invalid cursor/);
    expect(() => startPosition({ from: 'last week' }, settings)).toThrow(ConfigError);
  });

  it('cuts windows at maxRangeDays and at the end', () => {
    expect(windowEnd('2026-01-01', '2026-03-01', 31)).toBe('2026-02-01');
    expect(windowEnd('2026-02-20', '2026-03-01', 31)).toBe('2026-03-01');
  });
});
