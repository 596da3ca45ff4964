import { describe, expect, it } from 'vitest';
import { parseRemarks } from './narration';

// Narrations in the shapes RazorpayX's production ICICI code handles (bank-apis.md §2.5–§2.6),
// with the real reference examples quoted there.
describe('parseRemarks', () => {
  it('IMPS credit, the §2.5 example', () => {
    expect(parseRemarks('MMT/IMPS/104910349740/Acme Ltd/SBIN0003281')).toEqual({
      channel: 'IMPS',
      transactionType: 'TRANSFER',
      rrn: '104910349740',
      counterparty: { name: 'Acme Ltd', ifsc: 'SBIN0003281' },
    });
    for (const prefix of ['PRO-MMT/IMPS/', 'FT-MMT/IMPS/', 'MMT IMPS ']) {
      expect(parseRemarks(`${prefix}104913832918${prefix.endsWith('/') ? '/' : ' '}ACME`)).toMatchObject({ channel: 'IMPS', rrn: '104913832918' });
    }
    expect(parseRemarks('IMPS 104913832918 18 02 2021 STATE BANK OF INDIA')).toMatchObject({ channel: 'IMPS', rrn: '104913832918', counterparty: { bank: 'STATE BANK OF INDIA' } });
  });

  it('NEFT credit with a classic 16-character UTR; a 22-character one; a NEFT debit', () => {
    expect(parseRemarks('NEFT-AXISCN0118376057-RAZORPAY SOFTWARE PVT LTD-PAYOUT-50200012345678')).toEqual({
      channel: 'NEFT',
      transactionType: 'TRANSFER',
      utr: 'AXISCN0118376057',
      counterparty: { name: 'RAZORPAY SOFTWARE PVT LTD' },
    });
    expect(parseRemarks('NEFT-ICICN42025030751922184-ACME TRADERS-INV 118')).toMatchObject({ utr: 'ICICN42025030751922184' });
    expect(parseRemarks('INF/NEFT/ICICN42025030751922184/HDFC0000123/Acme Vendors')).toMatchObject({
      channel: 'NEFT',
      utr: 'ICICN42025030751922184',
      counterparty: { name: 'Acme Vendors', ifsc: 'HDFC0000123' },
    });
  });

  it('NEFT return: the RazorpayX rule turns 23629988951DC into UTR 023629988951', () => {
    expect(parseRemarks('NEFT-RETURN-23629988951DC-ACME LTD')).toMatchObject({ channel: 'NEFT', transactionType: 'REVERSAL', utr: '023629988951', reference: '23629988951DC' });
  });

  it('RTGS credit and debit with real 22-character UTRs', () => {
    expect(parseRemarks('RTGS-AUBLR12021123000584069-ACME LTD-1234567890')).toMatchObject({ channel: 'RTGS', utr: 'AUBLR12021123000584069', counterparty: { name: 'ACME LTD' } });
    expect(parseRemarks('RTGS/ICICR42021042600532758/HDFC0000001/ACME STEEL')).toMatchObject({
      channel: 'RTGS',
      utr: 'ICICR42021042600532758',
      counterparty: { name: 'ACME STEEL', ifsc: 'HDFC0000001' },
    });
  });

  it('UPI credit, debit and reversal: the RRN, the VPA and its bank', () => {
    expect(parseRemarks('UPI/412345678901/Payment from Rahul/rahul.s@okicici/ICICI Bank')).toEqual({
      channel: 'UPI',
      transactionType: 'TRANSFER',
      rrn: '412345678901',
      counterparty: { vpa: 'rahul.s@okicici', bank: 'ICICI Bank' },
    });
    expect(parseRemarks('UPI/RVSL412345678901/Payment from Rahul/rahul.s@okicici/ICICI Bank')).toMatchObject({ channel: 'UPI', transactionType: 'REVERSAL', rrn: '412345678901' });
  });

  it('internal transfers and bill payments keep their bank reference', () => {
    expect(parseRemarks('INF/INFT/031234567890/ACME OWN ACCOUNT')).toMatchObject({ channel: 'INTERNAL', reference: '031234567890', transactionType: 'TRANSFER' });
    expect(parseRemarks('BIL/INFT/EDC1234567/SALARY')).toMatchObject({ channel: 'INTERNAL', reference: 'EDC1234567' });
    expect(parseRemarks('BIL/ONL/000123456789/BESCOM')).toMatchObject({ channel: 'NETBANKING', transactionType: 'PAYMENT', reference: '000123456789', counterparty: { name: 'BESCOM' } });
    expect(parseRemarks('BIL/BPAY/000987654321/AIRTEL')).toMatchObject({ transactionType: 'PAYMENT', reference: '000987654321' });
    // A 12-digit internal reference is not an RRN.
    expect(parseRemarks('INF/INFT/031234567890/ACME OWN ACCOUNT').rrn).toBeUndefined();
  });

  it('charges, tax, interest; "FEE" inside a transfer purpose stays a transfer', () => {
    expect(parseRemarks('SMS CHRG FOR 01-01-2024 TO 31-03-2024')).toMatchObject({ transactionType: 'FEE' });
    expect(parseRemarks('GST ON CHRGS 01-01-2024')).toMatchObject({ transactionType: 'TAX' });
    expect(parseRemarks('INT.PD:01-01-2024 TO 31-03-2024')).toMatchObject({ transactionType: 'INTEREST' });
    expect(parseRemarks('NEFT-HDFCN52022062412345678-PARENT NAME-SCHOOL FEE')).toMatchObject({ transactionType: 'TRANSFER', channel: 'NEFT' });
  });

  it('falls back to UTR- and UPI-id-shaped tokens, never to bare 12-digit numbers', () => {
    expect(parseRemarks('BY TRANSFER-KKBKH14156891582-ACME')).toMatchObject({ utr: 'KKBKH14156891582', transactionType: 'TRANSFER' });
    const upiId = `ICI${'A1B2C3D4'.repeat(4)}`;
    expect(parseRemarks(`COLLECT ${upiId}`)).toMatchObject({ upiTxnId: upiId });
    const plain = parseRemarks('TRF TO 000405001611 RAZORPAYSOFTWARE');
    expect(plain).toEqual({ transactionType: 'OTHER' });
    expect(parseRemarks('')).toEqual({ transactionType: 'OTHER' });
    expect(parseRemarks('CLG/000123/HDFC BANK')).toMatchObject({ channel: 'CHEQUE' });
    // On a UPI line, a UTR-shaped purpose code is not a UTR.
    expect(parseRemarks('UPI/412345678901/INV2024118ABCDEF/shop@okaxis/AXIS BANK').utr).toBeUndefined();
  });

  it('a template with a malformed reference keeps the rail but invents no reference', () => {
    expect(parseRemarks('NEFT-NOTAUTR-ACME')).toEqual({ channel: 'NEFT', transactionType: 'TRANSFER', counterparty: { name: 'ACME' } });
  });
});
