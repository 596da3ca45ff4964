import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalProblemMessage, formatMinor, readDecimal, readMoney } from './decimal';
import { isStatementCurrency, statementExponent } from './currency';

const minorOf = (text: string, currency: string, negative = false) => {
  const result = readDecimal(text, currency, negative);
  if (!result.ok) throw new Error(result.message);
  return result.money.minor;
};

describe('readDecimal', () => {
  it('reads comma and dot decimals, padding and missing decimals exactly', () => {
    expect(minorOf('1027,25', 'EUR')).toBe(102725n);
    expect(minorOf('000000000300.00', 'EUR')).toBe(30000n);
    expect(minorOf('2,', 'EUR')).toBe(200n);
    expect(minorOf('0,3', 'EUR')).toBe(30n);
    expect(minorOf(',5', 'EUR')).toBe(50n);
    expect(minorOf('2700', 'JPY')).toBe(2700n);
    expect(minorOf('1,250', 'KWD')).toBe(1250n);
  });

  it('accepts trailing zeros beyond the exponent (camt 8.850 EUR) and refuses other digits', () => {
    expect(minorOf('8.850', 'EUR')).toBe(885n);
    expect(minorOf('5442.09000', 'RON')).toBe(544209n);
    expect(readDecimal('1.005', 'EUR')).toMatchObject({ ok: false, problem: 'inexact' });
  });

  it('applies the sign of the text and of the caller', () => {
    expect(minorOf('12,50', 'EUR', true)).toBe(-1250n);
    expect(minorOf('-12,50', 'EUR')).toBe(-1250n);
    expect(minorOf('-12,50', 'EUR', true)).toBe(1250n);
  });

  it('refuses grouping, text and unknown currencies', () => {
    expect(readDecimal('1.234,56', 'EUR')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(readDecimal('null', 'EUR')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(readDecimal('', 'EUR')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(readDecimal('1,00', 'EURO')).toMatchObject({ ok: false, problem: 'currency' });
  });

  it('reads withdrawn currencies that old statements use (DEM), with their real exponent', () => {
    expect(isStatementCurrency('DEM')).toBe(true);
    expect(statementExponent('ITL')).toBe(0);
    expect(minorOf('84349,74', 'DEM')).toBe(8434974n);
  });

  it('is exact on both sides of the 15-digit integer fast path, leading zeros included', () => {
    expect(minorOf('9999999999999,99', 'EUR')).toBe(999999999999999n);
    expect(minorOf('99999999999999,99', 'EUR')).toBe(9999999999999999n);
    expect(minorOf('90071992547409,93', 'EUR')).toBe(9007199254740993n);
    expect(minorOf('0000000000000000000012,34', 'EUR')).toBe(1234n);
    expect(minorOf('123456789012345678901234', 'JPY')).toBe(123456789012345678901234n);
    expect(minorOf('-0,00', 'EUR')).toBe(0n);
  });

  it('round-trips any amount written the MT940 way (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('EUR', 'JPY', 'KWD', 'INR'), fc.boolean(), (minor, currency, dot) => {
        const exponent = statementExponent(currency) as number;
        const digits = minor.toString().padStart(exponent + 1, '0');
        const text = exponent === 0 ? `${digits}${dot ? '.' : ','}` : `${digits.slice(0, -exponent)}${dot ? '.' : ','}${digits.slice(-exponent)}`;
        expect(minorOf(text, currency)).toBe(minor);
        expect(minorOf(formatMinor(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe('formatMinor', () => {
  it('formats at the currency exponent, signed', () => {
    expect(formatMinor(-102725n, 'EUR')).toBe('-1027.25');
    expect(formatMinor(5n, 'EUR')).toBe('0.05');
    expect(formatMinor(2700n, 'JPY')).toBe('2700');
    expect(formatMinor(1n, 'KWD')).toBe('0.001');
  });
});

describe('readMoney', () => {
  it('gives the same money as readDecimal, or the kind of problem it reports', () => {
    for (const [text, currency] of [['1027,25', 'EUR'], ['000000000300.00', 'EUR'], ['-0,5', 'EUR'], ['1.005', 'EUR'], ['1,2,3', 'EUR'], ['', 'EUR'], ['12', 'XXQ'], ['2700', 'JPY']] as const) {
      const money = readMoney(text, currency, true);
      const result = readDecimal(text, currency, true);
      if (result.ok) expect(money).toEqual(result.money);
      else {
        expect(money).toBe(result.problem);
        expect(decimalProblemMessage(result.problem, text, currency)).toBe(result.message);
      }
    }
    expect(readMoney('1.005', 'EUR')).toBe('inexact');
    expect(readMoney('12', 'XXQ')).toBe('currency');
    expect(readMoney('1,2,3', 'EUR')).toBe('syntax');
  });
});
