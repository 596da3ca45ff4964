import { describe, expect, it } from 'vitest';
import { readSbiNarration } from './narration';

describe('readSbiNarration', () => {
  it('reads the star-separated inward NEFT', () => {
    expect(readSbiNarration('BY TRANSFER-NEFT*INDB0000006*INDBN03101211261*Upwork Escrow In--')).toMatchObject({
      channel: 'NEFT',
      utr: 'INDBN03101211261',
      counterparty: { ifsc: 'INDB0000006', name: 'Upwork Escrow In' },
    });
  });

  it('reads outward NEFT and RTGS with "UTR NO:"', () => {
    expect(readSbiNarration('TO TRANSFER-INB NEFT UTR NO: SBIN124157748493--sagar hdfc')).toMatchObject({ channel: 'NEFT', utr: 'SBIN124157748493', counterparty: { name: 'sagar hdfc' } });
    expect(readSbiNarration('BY TRANSFER-RTGS UTR NO: HDFCR52026010512345678--ACME LTD')).toMatchObject({ channel: 'RTGS', utr: 'HDFCR52026010512345678' });
  });

  it('reads UPI and IMPS with their RRN, name and VPA', () => {
    expect(readSbiNarration('TO TRANSFER-UPI/DR/526311122233/RIO PRINT/SBIN/rio@sbi/Flex banner--')).toMatchObject({
      channel: 'UPI',
      rrn: '526311122233',
      counterparty: { name: 'RIO PRINT', vpa: 'rio@sbi' },
    });
    expect(readSbiNarration('BY TRANSFER-IMPS/P2A/604912345678/RAVI KUMAR/BARB--')).toMatchObject({ channel: 'IMPS', rrn: '604912345678', counterparty: { name: 'RAVI KUMAR' } });
  });

  it('classifies charges and reversals and tolerates anything', () => {
    expect(readSbiNarration('TO TRANSFER-NEFT CHARGES INCL GST--').transactionType).toBe('FEE');
    expect(readSbiNarration('BY TRANSFER-NEFT RETURN*SBIN0001234*N12--').transactionType).toBe('REVERSAL');
    expect(readSbiNarration(undefined)).toEqual({ transactionType: 'PAYMENT', counterparty: {} });
    expect(readSbiNarration('***').counterparty).toEqual({});
  });
});
