import { ConfigError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { sbiStartPosition } from './cursor';

const settings = { today: '2026-02-20', lookbackDays: 10 };

describe('sbiStartPosition', () => {
  it('defaults to a lookback before today, takes from/to as IST days, and resumes cursors', () => {
    expect(sbiStartPosition({}, settings)).toEqual({ to: '2026-02-20', at: '2026-02-10', next: null, done: false });
    expect(sbiStartPosition({ from: '2026-02-01T19:00:00Z', to: '2026-02-05' }, settings)).toEqual({ to: '2026-02-05', at: '2026-02-02', next: null, done: false });
    const open = { to: '2026-02-05', at: '2026-02-03', next: '21', done: false };
    expect(sbiStartPosition({ cursor: open }, settings)).toEqual(open);
    expect(sbiStartPosition({ cursor: { ...open, done: true } }, settings)).toEqual({ to: '2026-02-20', at: '2026-02-05', next: null, done: false });
  });

  it('rejects damaged cursors and bad options as config errors', () => {
    expect(() => sbiStartPosition({ cursor: { to: 'x' } }, settings)).toThrow(ConfigError);
    expect(() => sbiStartPosition({ to: 'soon' }, settings)).toThrow(ConfigError);
  });
});
