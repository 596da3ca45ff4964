import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../errors';
import { money } from './money';
import { parseAmount, parseMinorUnits, type ParseAmountOptions } from './parse-amount';

/** Minor units of a successful parse, as a string for readable tables. */
const minorOf = (input: string | number | bigint, currency: string, options?: ParseAmountOptions) => parseAmount(input, currency, options).minor.toString();

/** The error code a parse fails with (or 'ok'). */
function codeOf(input: string | number | bigint, currency: string, options?: ParseAmountOptions): string {
  try {
    parseAmount(input, currency, options);
    return 'ok';
  } catch (e) {
    if (!(e instanceof InvalidDataError)) throw e;
    return e.code;
  }
}

describe('parseAmount: accepted formats', () => {
  it.each([
    // plain
    ['5000.00', 'INR', '500000'],
    ['5000', 'INR', '500000'],
    ['0.05', 'INR', '5'],
    ['000000005000.00', 'INR', '500000'], // zero-padded fixed-width exports
    ['5000.5', 'INR', '500050'],
    // Indian and international grouping
    ['1,23,456.78', 'INR', '12345678'],
    ['12,34,56,789.00', 'INR', '123456789' + '00'],
    ['1,234,567.89', 'INR', '123456789'],
    ['12,345', 'INR', '1234500'],
    ['123,456', 'INR', '12345600'],
    // European
    ['5000,00', 'INR', '500000'],
    ['1.234.567,89', 'INR', '123456789'],
    ['1.234.567', 'JPY', '1234567'],
    ['1,5', 'INR', '150'],
    // signs
    ['-5000.00', 'INR', '-500000'],
    ['+5000.00', 'INR', '500000'],
    ['5000.00-', 'INR', '-500000'],
    ['\u2212' + '42.00', 'INR', '-4200'],
    ['(1,000.00)', 'INR', '-100000'],
    ['( 1,000.00 )', 'INR', '-100000'],
    ['1,000.00 DR', 'INR', '-100000'],
    ['1,000.00 Dr', 'INR', '-100000'],
    ['1,000.00Dr.', 'INR', '-100000'],
    ['1,000.00 dr', 'INR', '-100000'],
    ['1,000.00 CR', 'INR', '100000'],
    ['1,000.00 Cr', 'INR', '100000'],
    ['(1,000.00)', 'JPY', '-1000'],
    // currency markers naming this currency
    ['₹1,23,456.78', 'INR', '12345678'],
    ['₹ 500', 'INR', '50000'],
    ['Rs.500.00', 'INR', '50000'],
    ['Rs. 500.00', 'INR', '50000'],
    ['Rs 500', 'INR', '50000'],
    ['rs.500', 'INR', '50000'],
    ['INR 5,000.00', 'INR', '500000'],
    ['5,000.00 INR', 'INR', '500000'],
    ['-₹500', 'INR', '-50000'],
    ['₹-500', 'INR', '-50000'],
    ['₹ 1,000.00 Dr', 'INR', '-100000'],
    ['(₹1,000.00)', 'INR', '-100000'],
    ['KWD 1.250', 'KWD', '1250'],
    ['1000 IDR', 'IDR', '100000'], // the DR of IDR is not a debit marker
    ['$12.34', 'USD', '1234'],
    // whitespace of every kind
    ['\u00A0 1,000.00\u00A0', 'INR', '100000'],
    ['\t5\u202F', 'INR', '500'],
    // extra decimals that are all zeros lose nothing
    ['1.500', 'INR', '150'],
    ['120.00', 'JPY', '120'],
    ['1.2500', 'KWD', '1250'],
    // other exponents
    ['1.2345', 'CLF', '12345'],
    ['1,234.567', 'KWD', '1234567'],
    ['1.234,567', 'KWD', '1234567'],
  ])('%j (%s) → %s minor units', (input, currency, expected) => {
    expect(minorOf(input, currency)).toBe(expected);
  });

  it('takes a bigint as whole major units', () => {
    expect(parseAmount(12n, 'INR')).toEqual(money(1200n, 'INR'));
    expect(parseAmount(-12n, 'KWD')).toEqual(money(-12000n, 'KWD'));
    expect(parseAmount(12n, 'JPY')).toEqual(money(12n, 'JPY'));
  });

  it('needs decimalSeparator to read "1,234" for a 3-decimal currency, and obeys it', () => {
    expect(codeOf('1,234', 'KWD')).toBe('AMOUNT_INVALID');
    expect(() => parseAmount('1,234', 'KWD')).toThrow(/decimalSeparator/);
    expect(minorOf('1,234', 'KWD', { decimalSeparator: ',' })).toBe('1234');
    expect(minorOf('1,234', 'KWD', { decimalSeparator: '.' })).toBe('1234000');
    expect(minorOf('0,123', 'KWD')).toBe('123'); // "0," is never a thousands group
    expect(minorOf('1.234', 'INR', { decimalSeparator: ',' })).toBe('123400');
    expect(minorOf('1.234,5', 'INR', { decimalSeparator: ',' })).toBe('123450');
    expect(minorOf('12,5', 'INR', { decimalSeparator: ',' })).toBe('1250');
  });

  it('accepts a JS number only with allowNumber, through its shortest decimal form', () => {
    expect(codeOf(12.5, 'INR')).toBe('AMOUNT_INVALID');
    expect(codeOf(12, 'INR')).toBe('AMOUNT_INVALID');
    expect(minorOf(12.5, 'INR', { allowNumber: true })).toBe('1250');
    expect(minorOf(-0.07, 'INR', { allowNumber: true })).toBe('-7');
    expect(minorOf(120, 'JPY', { allowNumber: true })).toBe('120');
    // 0.1 + 0.2 is 0.30000000000000004: not exact, so refused rather than rounded
    expect(codeOf(0.1 + 0.2, 'INR', { allowNumber: true })).toBe('AMOUNT_NOT_EXACT');
    expect(codeOf(1e21, 'INR', { allowNumber: true })).toBe('AMOUNT_INVALID'); // "1e+21"
    expect(codeOf(5e-7, 'INR', { allowNumber: true })).toBe('AMOUNT_INVALID'); // "5e-7"
    expect(codeOf(Number.NaN, 'INR', { allowNumber: true })).toBe('AMOUNT_INVALID');
    expect(codeOf(Number.POSITIVE_INFINITY, 'INR', { allowNumber: true })).toBe('AMOUNT_INVALID');
  });
});

describe('parseAmount: rejections', () => {
  it.each([
    ['1.005', 'INR', 'AMOUNT_NOT_EXACT'],
    ['0.001', 'INR', 'AMOUNT_NOT_EXACT'],
    ['120.5', 'JPY', 'AMOUNT_NOT_EXACT'],
    ['1.23456', 'CLF', 'AMOUNT_NOT_EXACT'],
    ['1,005', 'INR', 'ok'], // a lone comma with 3 digits is grouping for INR: 1005 rupees
    ['', 'INR', 'AMOUNT_INVALID'],
    ['   ', 'INR', 'AMOUNT_INVALID'],
    ['\u00A0', 'INR', 'AMOUNT_INVALID'],
    ['NaN', 'INR', 'AMOUNT_INVALID'],
    ['Infinity', 'INR', 'AMOUNT_INVALID'],
    ['-Infinity', 'INR', 'AMOUNT_INVALID'],
    ['1e5', 'INR', 'AMOUNT_INVALID'],
    ['1.5E+3', 'INR', 'AMOUNT_INVALID'],
    ['1,2,3', 'INR', 'AMOUNT_INVALID'],
    ['1,23,4567', 'INR', 'AMOUNT_INVALID'],
    ['12,3456', 'INR', 'AMOUNT_INVALID'],
    ['1234,567.00', 'INR', 'AMOUNT_INVALID'],
    ['123,45,678', 'INR', 'AMOUNT_INVALID'], // first group of 3 then pairs: neither style
    ['1,234,56.00', 'INR', 'AMOUNT_INVALID'],
    [',123', 'INR', 'AMOUNT_INVALID'],
    ['1,,234', 'INR', 'AMOUNT_INVALID'],
    ['1.234.56', 'INR', 'AMOUNT_INVALID'],
    ['1.234,567.89', 'INR', 'AMOUNT_INVALID'],
    ['1,234.56,7', 'INR', 'AMOUNT_INVALID'],
    ['1.234', 'INR', 'AMOUNT_NOT_EXACT'], // a single dot is always decimal
    ['1,5', 'JPY', 'AMOUNT_INVALID'], // JPY has no decimals, so this can only be bad grouping
    ['5000.', 'INR', 'AMOUNT_INVALID'],
    ['.50', 'INR', 'AMOUNT_INVALID'],
    ['1 000', 'INR', 'AMOUNT_INVALID'],
    ['--5', 'INR', 'AMOUNT_INVALID'],
    ['-5-', 'INR', 'AMOUNT_INVALID'],
    ['-5 DR', 'INR', 'AMOUNT_INVALID'],
    ['(5) CR', 'INR', 'AMOUNT_INVALID'],
    ['(-5)', 'INR', 'AMOUNT_INVALID'],
    ['DR', 'INR', 'AMOUNT_INVALID'],
    ['-', 'INR', 'AMOUNT_INVALID'],
    ['₹', 'INR', 'AMOUNT_INVALID'],
    ['USD 5', 'INR', 'AMOUNT_INVALID'],
    ['$5', 'INR', 'AMOUNT_INVALID'],
    ['₹5', 'USD', 'AMOUNT_INVALID'],
    ['₹₹5', 'INR', 'AMOUNT_INVALID'],
    ['INR 5 INR', 'INR', 'AMOUNT_INVALID'],
    ['0x10', 'INR', 'AMOUNT_INVALID'],
    ['١٢٣', 'INR', 'AMOUNT_INVALID'], // non-ASCII digits are not guessed at
    ['5', 'XXX', 'CURRENCY_UNKNOWN'],
  ])('%j (%s) → %s', (input, currency, code) => {
    expect(codeOf(input, currency)).toBe(code);
  });

  it('rejects non-string input types at run time', () => {
    expect(codeOf(null as unknown as string, 'INR')).toBe('AMOUNT_INVALID');
    expect(codeOf({} as unknown as string, 'INR')).toBe('AMOUNT_INVALID');
  });

  it('puts the input on the error, with a message that says what is wrong', () => {
    try {
      parseAmount('1.005', 'INR');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidDataError);
      const err = e as InvalidDataError;
      expect(err.code).toBe('AMOUNT_NOT_EXACT');
      expect(err.raw).toBe('1.005');
      expect(err.message).toContain('more than 2 decimal places');
      expect(err.issues).toHaveLength(1);
    }
    try {
      parseAmount(5n, 'XYZ');
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidDataError).raw).toBe('XYZ');
    }
  });
});

describe('parseMinorUnits', () => {
  it('reads integer minor units from strings, safe numbers and bigints', () => {
    expect(parseMinorUnits('150', 'INR')).toEqual(money(150n, 'INR'));
    expect(parseMinorUnits(' -150\u00A0', 'INR')).toEqual(money(-150n, 'INR'));
    expect(parseMinorUnits(150, 'KWD')).toEqual(money(150n, 'KWD'));
    expect(parseMinorUnits(10n ** 25n, 'INR').minor).toBe(10n ** 25n);
  });

  it.each(['1.50', '1,500', '1e3', '', 'abc'])('rejects %j', (s) => {
    expect(() => parseMinorUnits(s, 'INR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });

  it('rejects numbers that are not safe integers', () => {
    expect(() => parseMinorUnits(1.5, 'INR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(() => parseMinorUnits(2 ** 60, 'INR')).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});

describe('parseAmount: fuzz (property)', () => {
  it('on any mix of amount-like characters, either returns Money or throws InvalidDataError', () => {
    const unit = fc.constantFrom(...'0123456789.,-+() ₹RsINRCDrcde\u00A0\u2212'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), fc.constantFrom('JPY', 'INR', 'KWD', 'CLF'), fc.constantFrom(undefined, '.', ','), (text, currency, decimalSeparator) => {
        try {
          const m = parseAmount(text, currency, decimalSeparator ? { decimalSeparator } : {});
          expect(typeof m.minor).toBe('bigint');
          expect(m.currency).toBe(currency);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidDataError);
          expect(['AMOUNT_INVALID', 'AMOUNT_NOT_EXACT']).toContain((e as InvalidDataError).code);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
