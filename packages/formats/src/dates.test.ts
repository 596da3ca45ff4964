import { describe, expect, it } from 'vitest';
import { entryDateNear, fullYear, isIsoDate, isoDate, swiftDate, swiftDateAt } from './dates';

describe('dates', () => {
  it('reads SWIFT YYMMDD with a fixed century pivot (80-99 → 19xx)', () => {
    expect(swiftDate('200219')).toBe('2020-02-19');
    expect(swiftDate('030107')).toBe('2003-01-07');
    expect(swiftDate('991231')).toBe('1999-12-31');
    expect(fullYear(79)).toBe(2079);
    expect(fullYear(80)).toBe(1980);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(swiftDate('230229')).toBeUndefined();
    expect(swiftDate('240229')).toBe('2024-02-29');
    expect(swiftDate('201301')).toBeUndefined();
    expect(swiftDate('2002')).toBeUndefined();
    expect(isoDate(1900, 2, 29)).toBeUndefined();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
  });

  it('reads YYMMDD in place, and answers the same the second time (cached, bad dates included)', () => {
    expect(swiftDateAt(':61:2002190219C1,00', 4)).toBe('2020-02-19');
    expect(swiftDateAt('C230229EUR1,00', 1)).toBeUndefined();
    expect(swiftDateAt('C230229EUR1,00', 1)).toBeUndefined();
    expect(swiftDate('230229')).toBeUndefined();
    expect(swiftDateAt('20021', 0)).toBeUndefined();
    expect(swiftDateAt('2002 9', 0)).toBeUndefined();
    expect(swiftDateAt('20021\u0669', 0)).toBeUndefined();
    expect(swiftDate('2002190')).toBeUndefined();
  });

  it('puts an entry date (MMDD) in the year nearest its value date', () => {
    expect(entryDateNear('2020-02-01', '0219')).toBe('2020-02-19');
    expect(entryDateNear('2023-12-31', '0102')).toBe('2024-01-02');
    expect(entryDateNear('2024-01-02', '1231')).toBe('2023-12-31');
    expect(entryDateNear('2024-03-01', '0230')).toBeUndefined();
    expect(entryDateNear('2024-03-01', '    ')).toBeUndefined();
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });
});
