import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../errors';
import { exponentOf, isMoney, money, zero } from './money';

describe('money()', () => {
  it('takes bigint, safe-integer numbers and digit strings as minor units', () => {
    expect(money(150n, 'INR')).toEqual({ minor: 150n, currency: 'INR' });
    expect(money(-150, 'INR')).toEqual({ minor: -150n, currency: 'INR' });
    expect(money('-150', 'KWD')).toEqual({ minor: -150n, currency: 'KWD' });
    expect(money('+7', 'JPY')).toEqual({ minor: 7n, currency: 'JPY' });
    expect(money('123456789012345678901234567890', 'INR').minor).toBe(123456789012345678901234567890n);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)])('rejects the number %s (not a safe integer)', (n) => {
    expect(() => money(n, 'INR')).toThrow(InvalidDataError);
    try {
      money(n, 'INR');
    } catch (e) {
      expect((e as InvalidDataError).code).toBe('AMOUNT_INVALID');
    }
  });

  it.each(['', '1.50', '1e3', ' 1', '1,000', '--1', '0x10'])('rejects the string %j', (s) => {
    expect(() => money(s, 'INR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });

  it('rejects unknown currencies with CURRENCY_UNKNOWN instead of guessing an exponent', () => {
    expect(() => money(1n, 'XXX')).toThrow(expect.objectContaining({ code: 'CURRENCY_UNKNOWN' }));
    expect(() => money(1n, 'inr')).toThrow(expect.objectContaining({ code: 'CURRENCY_UNKNOWN' }));
    expect(() => exponentOf('')).toThrow(InvalidDataError);
  });

  it('zero() and exponents', () => {
    expect(zero('INR')).toEqual({ minor: 0n, currency: 'INR' });
    expect([exponentOf('JPY'), exponentOf('INR'), exponentOf('KWD'), exponentOf('CLF')]).toEqual([0, 2, 3, 4]);
  });

  it('isMoney recognises the shape', () => {
    expect(isMoney(money(1n, 'INR'))).toBe(true);
    expect(isMoney({ minor: 1, currency: 'INR' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });

  it('keeps the raw input JSON-safe on the error', () => {
    try {
      money(0.5, 'INR');
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidDataError).raw).toBe(0.5);
      expect(() => JSON.stringify((e as InvalidDataError).toJSON())).not.toThrow();
    }
  });
});
