import { describe, expect, it } from 'vitest';
import { readCsvDate } from './csv-dates';

describe('readCsvDate', () => {
  it('reads day-first layouts of Indian exports', () => {
    expect(readCsvDate('01/04/24', ['dd/mm/yy'])).toBe('2024-04-01');
    expect(readCsvDate('1/4/2024', ['dd/mm/yyyy'])).toBe('2024-04-01');
    expect(readCsvDate('05-04-2024', ['dd-mm-yyyy'])).toBe('2024-04-05');
    expect(readCsvDate('1 Apr 2024', ['d mmm yyyy'])).toBe('2024-04-01');
    expect(readCsvDate('01-APR-24', ['dd-mmm-yy'])).toBe('2024-04-01');
    expect(readCsvDate('15 September 2023', ['d mmm yyyy'])).toBe('2023-09-15');
  });

  it('drops a time of day and tries formats in order', () => {
    expect(readCsvDate('01/04/2024 10:22:11', ['dd/mm/yyyy'])).toBe('2024-04-01');
    expect(readCsvDate('01/04/2024 10:22 PM', ['dd/mm/yy', 'dd/mm/yyyy'])).toBe('2024-04-01');
    expect(readCsvDate('2024-04-01', ['dd/mm/yyyy', 'yyyy-mm-dd'])).toBe('2024-04-01');
  });

  it('refuses impossible dates and other text', () => {
    expect(readCsvDate('31/02/24', ['dd/mm/yy'])).toBeUndefined();
    expect(readCsvDate('Opening Balance', ['dd/mm/yy'])).toBeUndefined();
    expect(readCsvDate('', ['dd/mm/yy'])).toBeUndefined();
    expect(readCsvDate('01 Foo 2024', ['d mmm yyyy'])).toBeUndefined();
  });
});
