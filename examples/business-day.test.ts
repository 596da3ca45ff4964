import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDay, istToday, istYesterday } from './business-day';

describe('IST business days', () => {
  it('turns over at midnight IST (18:30 UTC), not at midnight UTC', () => {
    expect(istToday(Date.parse('2026-03-01T18:29:59Z'))).toBe('2026-03-01');
    expect(istToday(Date.parse('2026-03-01T18:30:00Z'))).toBe('2026-03-02');
    expect(istYesterday(Date.parse('2026-03-01T18:30:00Z'))).toBe('2026-03-01');
  });

  it('adds days across month and year ends, and knows real dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-3-1')).toBe(false);
  });
});
