import { describe, expect, it } from 'vitest';
import { dayOf, epochDay, instantOf } from './dates';

describe('dates', () => {
  it('epochDay agrees with Date.UTC, leap years included', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2024, 2, 29],
      [2024, 3, 1],
      [2100, 3, 1],
      [1969, 12, 31],
    ] as const) {
      expect(epochDay(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  it('dayOf reads the local date of a timestamp as written', () => {
    expect(dayOf('2024-04-10T23:30:00+05:30')).toBe(epochDay(2024, 4, 10));
    expect(dayOf('2024-04-10')).toBe(epochDay(2024, 4, 10));
    expect(dayOf('2024-13-01')).toBeNaN();
    expect(dayOf('garbage')).toBeNaN();
  });

  it('instantOf agrees with Date.parse across offsets, fractions and Z', () => {
    for (const s of ['2024-04-01T10:15:30+05:30', '2024-04-01T04:45:30Z', '2024-04-01T10:15:30.123+05:30', '2024-04-01T10:15:30.1234567-03:00', '2024-04-01T10:15Z']) {
      expect(instantOf(s), s).toBe(Date.parse(s));
    }
    expect(instantOf('2024-04-01T10:15:30')).toBeNaN();
    expect(instantOf('2024-04-01 10:15:30Z')).toBeNaN();
  });
});
