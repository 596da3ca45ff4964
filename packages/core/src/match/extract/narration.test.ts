import { describe, expect, it } from 'vitest';
import { extractReferences } from './narration';

describe('extractReferences', () => {
  it('finds a 22-character NEFT UTR in the HDFC template, and not the remitter name', () => {
    const refs = extractReferences('NEFT-HDFCN52022062412345678-RAZORPAY SOFTWARE PVT LTD-0001');
    expect(refs.utr).toEqual(['HDFCN52022062412345678']);
    expect(refs.rrn).toEqual([]);
  });

  it('finds a 22-character RTGS UTR and a 16-character NEFT UTR', () => {
    expect(extractReferences('RTGS-AUBLR12021123000584069-ACME LTD-5010001').utr).toEqual(['AUBLR12021123000584069']);
    expect(extractReferences('NEFT CR-AXISCN0118376057-RAZORPAY').utr).toEqual(['AXISCN0118376057']);
    expect(extractReferences('neft/kkbkh14156891582/razorpay').utr).toEqual(['KKBKH14156891582']);
  });

  it('does not take a 16-letter word, or a short code, for a UTR', () => {
    const refs = extractReferences('NEFT-RAZORPAYSOFTWARE-SETTLEMENT AB12CD34');
    expect(refs.utr).toEqual([]);
    // 16 characters but only 4 digits: not enough to be a NEFT UTR.
    expect(extractReferences('ABCDEFGHIJKL1234').utr).toEqual([]);
  });

  it('finds the 12-digit RRN of a UPI narration, as rrn and as upi', () => {
    const refs = extractReferences('UPI/412345678901/Payment for order/customer@okhdfcbank/HDFC BANK');
    expect(refs.rrn).toEqual(['412345678901']);
    expect(refs.upi).toEqual(['412345678901']);
  });

  it('finds the RRN of a UPI reversal glued to its prefix', () => {
    const refs = extractReferences('UPI/RVSL412345678901/refund');
    expect(refs.rrn).toEqual(['412345678901']);
    expect(refs.upi).toEqual(['412345678901']);
  });

  it('finds IMPS RRNs in the MMT and spaced templates, without calling them UPI', () => {
    expect(extractReferences('MMT/IMPS/104910349740/ACME/HDFC').rrn).toEqual(['104910349740']);
    expect(extractReferences('IMPS 104913832918 18 02 2021 ICICI').rrn).toEqual(['104913832918']);
    expect(extractReferences('MMT/IMPS/104910349740/ACME').upi).toEqual([]);
  });

  it('does not take 11 or 13 digits for an RRN', () => {
    expect(extractReferences('REF 12345678901 AND 1234567890123').rrn).toEqual([]);
  });

  it('finds a 35-character NPCI UPI transaction id', () => {
    const id = 'AXB1234567890ABCDEF1234567890ABCDEF';
    expect(id).toHaveLength(35);
    expect(extractReferences(`UPI COLLECT ${id}`).upi).toEqual([id]);
  });

  it('keeps every 8+ character token with a digit, for truncated UTRs', () => {
    // The last 4 characters of AXISCN0118376057 were cut by the bank.
    const refs = extractReferences('NEFT CR-AXISCN011837-RAZORPAY PAYMENTS');
    expect(refs.utr).toEqual([]);
    expect(refs.tokens).toEqual(['AXISCN011837']);
  });

  it('returns empty lists for no narration, and dedupes repeats', () => {
    expect(extractReferences(undefined)).toEqual({ utr: [], rrn: [], upi: [], tokens: [] });
    expect(extractReferences('UPI/412345678901/x/UPI/412345678901').rrn).toEqual(['412345678901']);
  });
});
