import { describe, expect, it } from 'vitest';
import { readNarration } from './narration';

describe('readNarration', () => {
  it('reads an inward NEFT with a 22-character UTR, IFSC and remitter', () => {
    const facts = readNarration('NEFT CR-SBIN0007631-KAVYA BHAT-INVOICE 42-SBINN52025021511431836');
    expect(facts).toMatchObject({ channel: 'NEFT', utr: 'SBINN52025021511431836', counterparty: { ifsc: 'SBIN0007631', name: 'KAVYA BHAT' } });
    expect(facts.rrn).toBeUndefined();
  });

  it('reads a 16-character NEFT UTR but not a 16-letter word', () => {
    expect(readNarration('NEFT CR-UTIB0000001-RAZORPAY SOFTWARE-AXISCN0118376057').utr).toBe('AXISCN0118376057');
    expect(readNarration('NEFT CR-UTIB0000001-RAZORPAYSOFTWARE-PAYOUT').utr).toBeUndefined();
  });

  it('reads RTGS, IMPS and UPI', () => {
    expect(readNarration('RTGS CR-ICIC0000104-ACME LTD-ICICR42021042600532758')).toMatchObject({ channel: 'RTGS', utr: 'ICICR42021042600532758' });
    expect(readNarration('IMPS-604912345678-RAVI KUMAR-SBIN-XXXXXXX1234-RENT')).toMatchObject({ channel: 'IMPS', rrn: '604912345678', counterparty: { name: 'RAVI KUMAR' } });
    const upi = readNarration('UPI-SWIGGY LTD-swiggy@ybl-YESB0YBLUPI-604915234567-PAYMENT');
    expect(upi).toMatchObject({ channel: 'UPI', rrn: '604915234567', counterparty: { name: 'SWIGGY LTD', vpa: 'swiggy@ybl', ifsc: 'YESB0YBLUPI' } });
  });

  it('classifies charges, tax, interest and reversals, and never throws on odd text', () => {
    expect(readNarration('NEFT CHGS INCL GST').transactionType).toBe('FEE');
    expect(readNarration('GST ON CHARGES').transactionType).toBe('TAX');
    expect(readNarration('INT.PD 01-04-2026 TO 30-06-2026').transactionType).toBe('INTEREST');
    expect(readNarration('UPI-RVSL-604915234567').transactionType).toBe('REVERSAL');
    expect(readNarration('')).toEqual({ transactionType: 'PAYMENT', counterparty: {} });
    expect(readNarration('---').counterparty).toEqual({});
  });
});
