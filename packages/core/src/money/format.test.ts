import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, groupDigits, toDecimalString, type DigitGrouping } from './format';
import { money } from './money';
import { parseAmount } from './parse-amount';

/** One currency per exponent: 0, 2, 3, 4. */
const CURRENCIES = ['JPY', 'INR', 'KWD', 'CLF'] as const;
const GROUPINGS: DigitGrouping[] = ['indian', 'international', 'none'];
const anyMoney = fc.tuple(fc.bigInt(), fc.constantFrom(...CURRENCIES)).map(([minor, currency]) => money(minor, currency));

describe('toDecimalString', () => {
  it.each([
    [123450n, 'INR', '1234.50'],
    [-123450n, 'INR', '-1234.50'],
    [5n, 'INR', '0.05'],
    [-5n, 'INR', '-0.05'],
    [0n, 'INR', '0.00'],
    [120n, 'JPY', '120'],
    [-120n, 'JPY', '-120'],
    [1250n, 'KWD', '1.250'],
    [1n, 'CLF', '0.0001'],
  ] as const)('%s %s → %s', (minor, currency, expected) => {
    expect(toDecimalString(money(minor, currency))).toBe(expected);
  });
});

describe('formatMoney', () => {
  it('groups INR the Indian way by default and other currencies the international way', () => {
    expect(formatMoney(money(12345678n, 'INR'))).toBe('1,23,456.78');
    expect(formatMoney(money(12345678n, 'INR'), { symbol: true })).toBe('₹1,23,456.78');
    expect(formatMoney(money(123456789n, 'USD'), { symbol: true })).toBe('$1,234,567.89');
    expect(formatMoney(money(-1234567890n, 'KWD'), { symbol: true })).toBe('-KWD 1,234,567.890');
    expect(formatMoney(money(-100000n, 'INR'), { symbol: true })).toBe('-₹1,000.00');
    expect(formatMoney(money(1234567n, 'JPY'), { grouping: 'indian' })).toBe('12,34,567');
    expect(formatMoney(money(12345678n, 'INR'), { grouping: 'none' })).toBe('123456.78');
    expect(formatMoney(money(99n, 'INR'))).toBe('0.99');
  });

  it('groupDigits follows each style', () => {
    expect(groupDigits('1234567890', 'indian')).toBe('1,23,45,67,890');
    expect(groupDigits('1234567890', 'international')).toBe('1,234,567,890');
    expect(groupDigits('123', 'indian')).toBe('123');
    expect(groupDigits('1234', 'indian')).toBe('1,234');
    expect(groupDigits('123456', 'international')).toBe('123,456');
  });
});

describe('round trips (property)', () => {
  it('parseAmount(formatMoney(m)) = m for every grouping, with and without symbol, exponents 0/2/3/4', () => {
    fc.assert(
      fc.property(anyMoney, fc.constantFrom(...GROUPINGS), fc.boolean(), (m, grouping, symbol) => {
        expect(parseAmount(formatMoney(m, { grouping, symbol }), m.currency)).toEqual(m);
      }),
    );
  });

  it('parseAmount(toDecimalString(m)) = m', () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(parseAmount(toDecimalString(m), m.currency)).toEqual(m);
      }),
    );
  });

  it('European form (dot grouping, decimal comma) reads back with decimalSeparator ","', () => {
    fc.assert(
      fc.property(anyMoney, fc.constantFrom<DigitGrouping>('international', 'none'), (m, grouping) => {
        const european = formatMoney(m, { grouping }).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
        expect(parseAmount(european, m.currency, { decimalSeparator: ',' })).toEqual(m);
      }),
    );
  });

  it('European form is inferred without the option where it is unambiguous (exponents 2 and 4)', () => {
    const twoOrFour = fc.tuple(fc.bigInt(), fc.constantFrom('INR', 'CLF')).map(([minor, c]) => money(minor, c));
    fc.assert(
      fc.property(twoOrFour, (m) => {
        const european = formatMoney(m, { grouping: 'international' }).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
        expect(parseAmount(european, m.currency)).toEqual(m);
      }),
    );
  });

  it('statement decorations keep the value: padding, NBSP, Dr/Cr, parentheses, trailing minus', () => {
    const positive = fc.tuple(fc.bigInt({ min: 1n }), fc.constantFrom(...CURRENCIES)).map(([minor, c]) => money(minor, c));
    const space = fc.constantFrom('', ' ', '\u00A0', '  \t');
    fc.assert(
      fc.property(positive, fc.constantFrom(...GROUPINGS), space, space, (m, grouping, before, after) => {
        const text = formatMoney(m, { grouping });
        const neg = { minor: -m.minor, currency: m.currency };
        expect(parseAmount(`${before}${text}${after}`, m.currency)).toEqual(m);
        expect(parseAmount(`${before}${text} Dr${after}`, m.currency)).toEqual(neg);
        expect(parseAmount(`${text} CR`, m.currency)).toEqual(m);
        expect(parseAmount(`(${text})`, m.currency)).toEqual(neg);
        expect(parseAmount(`${text}-`, m.currency)).toEqual(neg);
        expect(parseAmount(`${m.currency} ${text}`, m.currency)).toEqual(m);
      }),
    );
  });

  it('a JS number with allowNumber reads exactly when it carries the decimal exactly', () => {
    // |minor| < 10^15 keeps the decimal within float precision, so String(n) is the same decimal.
    const safe = fc.tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.constantFrom(...CURRENCIES)).map(([minor, c]) => money(minor, c));
    fc.assert(
      fc.property(safe, (m) => {
        const n = Number(toDecimalString(m));
        expect(parseAmount(n, m.currency, { allowNumber: true })).toEqual(m);
      }),
    );
  });

  it('formatting never throws on any bigint', () => {
    fc.assert(
      fc.property(anyMoney, fc.constantFrom(...GROUPINGS), fc.boolean(), (m, grouping, symbol) => {
        const text = formatMoney(m, { grouping, symbol });
        expect(typeof text).toBe('string');
        expect(toDecimalString(m).startsWith('-')).toBe(m.minor < 0n);
      }),
    );
  });
});
