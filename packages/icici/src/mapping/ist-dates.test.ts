import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, istDayOf, istMidnight, parseBound, parseIciciDate, parseIciciDateTime, toIciciDate } from './ist-dates';

describe('IST dates', () => {
  it('reads TXNDATE as IST and writes ISO 8601 with +05:30', () => {
    expect(parseIciciDateTime('18-02-2021 10:59:00')).toBe('2021-02-18T10:59:00+05:30');
    expect(parseIciciDateTime('01-01-2024 00:00:00')).toBe('2024-01-01T00:00:00+05:30');
    expect(Date.parse(parseIciciDateTime('01-01-2024 05:29:59')!)).toBe(Date.UTC(2023, 11, 31, 23, 59, 59));
  });

  it('refuses impossible or differently formatted times', () => {
    for (const bad of ['31-02-2024 10:00:00', '18-02-2021 24:00:00', '18-02-2021 10:60:00', '2021-02-18 10:59:00', '18/02/2021 10:59:00', '18-02-2021', '', 18022021, null]) {
      expect(parseIciciDateTime(bad), String(bad)).toBeUndefined();
    }
  });

  it('reads VALUEDATE, leap days included', () => {
    expect(parseIciciDate('18-02-2021')).toBe('2021-02-18');
    expect(parseIciciDate('29-02-2024')).toBe('2024-02-29');
    expect(parseIciciDate('29-02-2023')).toBeUndefined();
    expect(parseIciciDate('18-02-2021 10:59:00')).toBeUndefined();
  });

  it('day arithmetic and the request form', () => {
    expect(toIciciDate('2024-04-01')).toBe('01-04-2024');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 364)).toBe('2024-12-30');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('IST days of instants: 18:30 UTC is already tomorrow in India', () => {
    expect(istDayOf(Date.UTC(2024, 3, 1, 18, 29, 59))).toBe('2024-04-01');
    expect(istDayOf(Date.UTC(2024, 3, 1, 18, 30, 0))).toBe('2024-04-02');
    expect(istMidnight('2024-04-02')).toBe(Date.UTC(2024, 3, 1, 18, 30, 0));
  });

  it('read bounds: bare dates and zone-less times are IST', () => {
    expect(parseBound('2024-04-02')).toBe(Date.UTC(2024, 3, 1, 18, 30));
    expect(parseBound('2024-04-02T10:00:00')).toBe(Date.UTC(2024, 3, 2, 4, 30));
    expect(parseBound('2024-04-02T10:00:00Z')).toBe(Date.UTC(2024, 3, 2, 10, 0));
    expect(parseBound('2024-04-02T10:00:00.250+05:30')).toBe(Date.UTC(2024, 3, 2, 4, 30, 0, 250));
    for (const bad of ['yesterday', '2024-02-30', '02-04-2024', '2024-04-02 10:00']) expect(parseBound(bad), bad).toBeUndefined();
  });
});
