import { parseTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { mapRefund } from './map-refund';

const REFUND = {
  id: 'rfnd_FP8QHiV938haTz',
  entity: 'refund',
  amount: 50000,
  currency: 'INR',
  payment_id: 'pay_29QQoUBi66xm2f',
  notes: [],
  receipt: 'Receipt No. 31',
  acquirer_data: { arn: '74526456231945843720021' },
  created_at: 1597078866,
  batch_id: null,
  status: 'processed',
  speed_processed: 'normal',
  speed_requested: 'normal',
};

describe('mapRefund', () => {
  it('maps a refund as a DEBIT with its payment, ARN and receipt', () => {
    const result = mapRefund(REFUND);
    if (!result.ok) throw result.error;
    const txn = parseTransaction(result.txn);
    expect(txn).toMatchObject({ txn_id: 'rfnd_FP8QHiV938haTz', amount: '500.00', direction: 'DEBIT', status: 'SUCCESS', raw_status: 'processed', transaction_type: 'REFUND', reference_number: '74526456231945843720021' });
    expect(txn.references).toEqual({ refund_id: 'rfnd_FP8QHiV938haTz', payment_id: 'pay_29QQoUBi66xm2f', merchant_reference: 'Receipt No. 31' });
  });

  it('takes a UPI refund RRN or a UTR into references', () => {
    const rrn = mapRefund({ ...REFUND, acquirer_data: { rrn: '415612345678' } });
    const utr = mapRefund({ ...REFUND, acquirer_data: { utr: 'HDFCR51234567890' }, status: 'pending' });
    expect(rrn.ok && rrn.txn.references).toMatchObject({ rrn: '415612345678' });
    expect(utr.ok && utr.txn).toMatchObject({ status: 'PENDING', references: { utr: 'HDFCR51234567890' } });
  });
});
