import { parseTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { mapSettlement } from './map-settlement';

const SETTLEMENT = { id: 'setl_DGlQ1Rj8os78Ec', entity: 'settlement', amount: 9973635, status: 'processed', fees: 471, tax: 72, utr: 'AXISCN1153863727', created_at: 1568176960 };

describe('mapSettlement', () => {
  it('maps a settlement as a DEBIT of the Razorpay balance with its UTR, fees and tax', () => {
    const result = mapSettlement(SETTLEMENT);
    if (!result.ok) throw result.error;
    expect(parseTransaction(result.txn)).toMatchObject({
      txn_id: 'setl_DGlQ1Rj8os78Ec',
      amount: '99736.35',
      fee: '4.71',
      tax: '0.72',
      direction: 'DEBIT',
      status: 'SUCCESS',
      transaction_type: 'SETTLEMENT',
      reference_number: 'AXISCN1153863727',
      references: { settlement_id: 'setl_DGlQ1Rj8os78Ec', utr: 'AXISCN1153863727' },
    });
  });

  it('maps a created settlement without UTR as pending, and accepts test-mode UTRs', () => {
    const created = mapSettlement({ ...SETTLEMENT, status: 'created', utr: null });
    expect(created.ok && created.txn).toMatchObject({ status: 'PENDING', reference_number: 'setl_DGlQ1Rj8os78Ec' });
    const test = mapSettlement({ ...SETTLEMENT, utr: '1568176960vxp0rj' });
    expect(test.ok && test.txn.references).toMatchObject({ utr: '1568176960vxp0rj' });
  });

  it('rejects an unknown status instead of guessing', () => {
    const result = mapSettlement({ ...SETTLEMENT, status: 'on_its_way' });
    expect(result.ok).toBe(false);
  });
});
