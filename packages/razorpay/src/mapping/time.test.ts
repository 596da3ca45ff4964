import { describe, expect, it } from 'vitest';
import { addDays, istDate, unixToIst } from './time';

describe('IST time', () => {
  it('renders Unix seconds in IST and computes IST days', () => {
    expect(unixToIst(1_717_180_200)).toBe('2024-06-01T00:00:00+05:30');
    expect(istDate(1_717_180_199)).toBe('2024-05-31');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
