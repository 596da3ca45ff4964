import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatBankDate, istDateOf, istToday, parseBankDate, toTimestamp } from './dates';

describe('bank dates', () => {
  it('reads every layout to a calendar date, and times as IST', () => {
    expect(parseBankDate('18-02-2021 10:59:00', 'dd-mm-yyyy HH:MM:SS')).toEqual({ date: '2021-02-18', time: '10:59:00' });
    expect(toTimestamp({ date: '2021-02-18', time: '10:59:00' })).toBe('2021-02-18T10:59:00+05:30');
    expect(parseBankDate('02/10/26', 'dd/mm/yy')).toEqual({ date: '2026-10-02' });
    expect(parseBankDate('05012026', 'ddmmyyyy')).toEqual({ date: '2026-01-05' });
    expect(parseBankDate('2023-10-18T00:00:00.000+00:00', 'iso')).toEqual({ date: '2023-10-18', iso: '2023-10-18T00:00:00.000+00:00' });
    expect(toTimestamp({ date: '2026-01-05' })).toBe('2026-01-05T00:00:00+05:30');
  });

  it('rejects impossible days, wrong layouts and zone-less ISO times', () => {
    expect(parseBankDate('31/02/26', 'dd/mm/yy')).toBeUndefined();
    expect(parseBankDate('2026-13-45T10:00:00+05:30', 'iso')).toBeUndefined();
    expect(parseBankDate('2026-01-05T10:00:00', 'iso')).toBeUndefined();
    expect(parseBankDate('05-01-2026', 'dd/mm/yyyy')).toBeUndefined();
    expect(parseBankDate('05-01-2026 25:00:00', 'dd-mm-yyyy HH:MM:SS')).toBeUndefined();
  });

  it('writes request dates and does calendar arithmetic without the local zone', () => {
    expect(formatBankDate('2026-01-05', 'dd-mm-yyyy')).toBe('05-01-2026');
    expect(formatBankDate('2026-01-05', 'ddmmyyyy')).toBe('05012026');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-05', '2026-02-04')).toBe(30);
    expect(istDateOf('2026-03-09T20:00:00Z')).toBe('2026-03-10');
    expect(istDateOf('2026-03-09')).toBe('2026-03-09');
    expect(istDateOf('yesterday')).toBeUndefined();
    expect(istToday(Date.parse('2026-03-09T19:00:00Z'))).toBe('2026-03-10');
  });
});
