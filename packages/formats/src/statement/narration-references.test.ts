import { describe, expect, it } from 'vitest';
import { referencesFromNarration } from './narration-references';

describe('referencesFromNarration', () => {
  it('finds NEFT UTRs (16 and 22 characters) and RTGS UTRs', () => {
    expect(referencesFromNarration('NEFT-AXISCN0118376057-RAZORPAY SOFTWARE')).toEqual({ utr: 'AXISCN0118376057', channel: 'NEFT' });
    expect(referencesFromNarration('NEFT CR-KKBKH14156891582-RAZORPAY')).toEqual({ utr: 'KKBKH14156891582', channel: 'NEFT' });
    expect(referencesFromNarration('BY TRANSFER-NEFT*HDFC0000001*ICICN42025030751922184*X').utr).toBe('ICICN42025030751922184');
    expect(referencesFromNarration('RTGS-AUBLR12021123000584069-ACME-123')).toEqual({ utr: 'AUBLR12021123000584069', channel: 'RTGS' });
  });

  it('finds 12-digit RRNs after UPI and IMPS markers', () => {
    expect(referencesFromNarration('UPI/365744674436/chai/x@okicici')).toEqual({ rrn: '365744674436', channel: 'UPI' });
    expect(referencesFromNarration('MMT/IMPS/104910349740/Payment')).toEqual({ rrn: '104910349740', channel: 'IMPS' });
    expect(referencesFromNarration('TO TRANSFER-UPI/DR/409312345678/SWIGGY').rrn).toBe('409312345678');
  });

  it('finds nothing in European narrations or unrelated codes', () => {
    expect(referencesFromNarration('SEPA OVERBOEKING NL46ABNA0499998748 FACTUUR 2023')).toEqual({});
    expect(referencesFromNarration('DEUTDEFF500 COBADEFFXXX1234')).toEqual({});
    expect(referencesFromNarration(undefined)).toEqual({});
  });
});
