import { describe, expect, it } from 'vitest';
import { parseAccountField, parseBalanceText, parseDateTimeIndication, parseEntryCount, parseFloorLimit } from './simple-fields';

describe('MT940 simple fields', () => {
  it('reads balances with either decimal separator and rejects broken ones with a reason', () => {
    expect(parseBalanceText('C200219EUR931052,29')).toEqual({ ok: true, balance: { mark: 'C', date: '2020-02-19', currency: 'EUR', amount: '931052,29' } });
    expect(parseBalanceText('D030106EUR000000001000.12')).toMatchObject({ ok: true, balance: { mark: 'D', amount: '000000001000.12' } });
    expect(parseBalanceText('C221004EURO0,00')).toMatchObject({ ok: false });
    expect(parseBalanceText('Dnullnull7414,3')).toMatchObject({ ok: false });
    expect(parseBalanceText('C231301EUR1,00')).toEqual({ ok: false, problem: '231301 is not a YYMMDD date' });
    // The compact fast path and the spaced fallback read the same balance alike.
    expect(parseBalanceText(' C 200219 EUR 931052,29 ')).toEqual(parseBalanceText('C200219EUR931052,29'));
    expect(parseBalanceText('C200219EUR,5')).toMatchObject({ ok: true, balance: { amount: ',5' } });
    expect(parseBalanceText('C200219EUR,')).toMatchObject({ ok: false });
    expect(parseBalanceText('C200219EUR1,0,0')).toMatchObject({ ok: false });
  });

  it('reads MT942 floor limits with and without a D/C mark', () => {
    expect(parseFloorLimit('PLN0,')).toEqual({ currency: 'PLN', amount: '0,' });
    expect(parseFloorLimit('EURD100,00')).toEqual({ currency: 'EUR', mark: 'D', amount: '100,00' });
    expect(parseFloorLimit('EUR 999999999999,99')).toBeUndefined();
  });

  it('reads MT942 entry counts', () => {
    expect(parseEntryCount('2PLN186,33')).toEqual({ count: 2, currency: 'PLN', amount: '186,33' });
    expect(parseEntryCount('1EUR,02')).toEqual({ count: 1, currency: 'EUR', amount: ',02' });
    expect(parseEntryCount('EUR,00')).toBeUndefined();
  });

  it('reads the MT942 date-time indication with its offset', () => {
    expect(parseDateTimeIndication('0506100744+0200')).toBe('2005-06-10T07:44:00+02:00');
    expect(parseDateTimeIndication('2005211017+1200')).toBe('2020-05-21T10:17:00+12:00');
    expect(parseDateTimeIndication('1604202255')).toBe('2016-04-20T22:55:00Z');
    expect(parseDateTimeIndication('1604202575')).toBeUndefined();
  });

  it('reads every :25: layout and keeps the text as the id', () => {
    expect(parseAccountField('NL10BUNQ2290325473 EUR')).toEqual({ id: 'NL10BUNQ2290325473 EUR', iban: 'NL10BUNQ2290325473', currency: 'EUR' });
    expect(parseAccountField('20011111/120119000EUR')).toEqual({ id: '20011111/120119000EUR', bankCode: '20011111', number: '120119000', currency: 'EUR' });
    expect(parseAccountField('BPHKPLPK/320000546101')).toEqual({ id: 'BPHKPLPK/320000546101', bic: 'BPHKPLPK', number: '320000546101' });
    expect(parseAccountField('PL25106000760000888888888888')).toEqual({ id: 'PL25106000760000888888888888', iban: 'PL25106000760000888888888888' });
    expect(parseAccountField('0800003200000001610722 EUR')).toEqual({ id: '0800003200000001610722 EUR', number: '0800003200000001610722', currency: 'EUR' });
    expect(parseAccountField('B4E08MS9D00A0009')).toEqual({ id: 'B4E08MS9D00A0009', number: 'B4E08MS9D00A0009' });
  });
});
