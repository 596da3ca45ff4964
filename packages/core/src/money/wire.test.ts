import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money';
import { amountOf, fromDecimalString, signedAmountOf, toWireAmount } from './wire';

describe('fromDecimalString', () => {
  it('reads the wire form at exactly the currency scale', () => {
    expect(fromDecimalString('5000.00', 'INR')).toEqual(money(500000n, 'INR'));
    expect(fromDecimalString('-0.50', 'INR')).toEqual(money(-50n, 'INR'));
    expect(fromDecimalString('120', 'JPY')).toEqual(money(120n, 'JPY'));
    expect(fromDecimalString('1.250', 'KWD')).toEqual(money(1250n, 'KWD'));
  });

  it.each([
    ['12.5', 'INR'],
    ['12.500', 'INR'],
    ['12', 'INR'],
    ['120.0', 'JPY'],
    ['1,000.00', 'INR'],
    ['+1.00', 'INR'],
    ['01.00', 'INR'],
    ['1e2', 'JPY'],
    ['', 'INR'],
  ])('rejects %j for %s', (value, currency) => {
    expect(() => fromDecimalString(value, currency)).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});

describe('transaction bridges', () => {
  it('amountOf is unsigned, signedAmountOf is negative for DEBIT', () => {
    expect(amountOf({ amount: '5000.00', currency: 'INR' })).toEqual(money(500000n, 'INR'));
    expect(signedAmountOf({ amount: '5000.00', currency: 'INR', direction: 'DEBIT' })).toEqual(money(-500000n, 'INR'));
    expect(signedAmountOf({ amount: '5000.00', currency: 'INR', direction: 'CREDIT' })).toEqual(money(500000n, 'INR'));
    expect(signedAmountOf({ amount: '120', currency: 'JPY', direction: 'DEBIT' })).toEqual(money(-120n, 'JPY'));
  });

  it('toWireAmount splits the sign into direction; zero takes zeroDirection', () => {
    expect(toWireAmount(money(-123450n, 'INR'))).toEqual({ amount: '1234.50', currency: 'INR', direction: 'DEBIT' });
    expect(toWireAmount(money(1250n, 'KWD'))).toEqual({ amount: '1.250', currency: 'KWD', direction: 'CREDIT' });
    expect(toWireAmount(money(0n, 'INR')).direction).toBe('CREDIT');
    expect(toWireAmount(money(0n, 'INR'), 'DEBIT')).toEqual({ amount: '0.00', currency: 'INR', direction: 'DEBIT' });
  });

  it('signedAmountOf(toWireAmount(m)) = m for any amount (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.constantFrom('JPY', 'INR', 'KWD', 'CLF'), (minor, currency) => {
        const m = money(minor, currency);
        expect(signedAmountOf(toWireAmount(m))).toEqual(m);
      }),
    );
  });
});
