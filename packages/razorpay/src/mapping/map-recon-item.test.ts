import { parseTransaction } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { mapReconItem, reconTxnId } from './map-recon-item';

/** A payment row with the documented sample's numbers: credit = amount − fee = 100000 − 2900. */
const PAYMENT_ROW = {
  entity_id: 'pay_DEXrnipqTmWVGE',
  type: 'payment',
  debit: 0,
  credit: 97100,
  amount: 100000,
  currency: 'INR',
  fee: 2900,
  tax: 442,
  on_hold: false,
  settled: true,
  created_at: 1567674599,
  settled_at: 1568176960,
  settlement_id: 'setl_DGlQ1Rj8os78Ec',
  posted_at: 1568176960,
  credit_type: 'default',
  description: 'Recurring Payment via Subscription',
  notes: '{}',
  payment_id: null,
  settlement_utr: 'KKBKH14156891582',
  order_id: 'order_DEXrnRiR3SNDHA',
  order_receipt: 'rcpt_1042',
  method: 'card',
  card_network: 'MasterCard',
  card_issuer: 'KARB',
  card_type: 'debit',
  dispute_id: null,
};

function mapped(entity: unknown) {
  const result = mapReconItem(entity);
  if (!result.ok) throw result.error;
  return parseTransaction(result.txn);
}

describe('mapReconItem', () => {
  it('maps a payment row: gross amount, fee and tax, settlement id and UTR, value date of settlement', () => {
    const txn = mapped(PAYMENT_ROW);
    expect(txn).toMatchObject({
      txn_id: 'setl_DGlQ1Rj8os78Ec:pay_DEXrnipqTmWVGE',
      amount: '1000.00',
      fee: '29.00',
      tax: '4.42',
      direction: 'CREDIT',
      status: 'SUCCESS',
      raw_status: 'settled',
      transaction_type: 'PAYMENT',
      channel: 'CARD',
      value_date: '2019-09-11',
    });
    expect(txn.references).toEqual({
      settlement_id: 'setl_DGlQ1Rj8os78Ec',
      utr: 'KKBKH14156891582',
      payment_id: 'pay_DEXrnipqTmWVGE',
      order_id: 'order_DEXrnRiR3SNDHA',
      merchant_reference: 'rcpt_1042',
    });
  });

  it('maps refund, transfer and adjustment rows with the direction of their debit or credit', () => {
    const refund = mapped({ ...PAYMENT_ROW, entity_id: 'rfnd_AAAAAAAAAAAAAA', type: 'refund', debit: 50000, credit: 0, amount: 50000, fee: 0, tax: 0, payment_id: 'pay_DEXrnipqTmWVGE' });
    expect(refund).toMatchObject({ direction: 'DEBIT', transaction_type: 'REFUND', amount: '500.00' });
    expect(refund.references).toMatchObject({ refund_id: 'rfnd_AAAAAAAAAAAAAA', payment_id: 'pay_DEXrnipqTmWVGE' });
    const transfer = mapped({ ...PAYMENT_ROW, entity_id: 'trf_AAAAAAAAAAAAAA', type: 'transfer', debit: 100296, credit: 0, amount: 100000, fee: 296, tax: 46, method: null });
    expect(transfer).toMatchObject({ direction: 'DEBIT', transaction_type: 'TRANSFER', fee: '2.96', tax: '0.46' });
    expect(transfer.channel).toBeUndefined();
    const { credit_type: _absent, ...adjustmentBase } = PAYMENT_ROW;
    const adjustment = mapped({ ...adjustmentBase, entity_id: 'adj_AAAAAAAAAAAAAA', type: 'adjustment', credit: 1500, debit: 0, amount: 1500, fee: 0, tax: 0, settlement_utr: null, method: null, notes: null });
    expect(adjustment).toMatchObject({ direction: 'CREDIT', transaction_type: 'ADJUSTMENT' });
    expect(adjustment.references.utr).toBeUndefined();
  });

  it('accepts notes as an object, a string, "{}", [] or null', () => {
    for (const notes of [{ a: 'b' }, 'Beam me up Scotty.', '{}', [], null]) expect(mapped({ ...PAYMENT_ROW, notes }).txn_id).toBe(reconTxnId('setl_DGlQ1Rj8os78Ec', 'pay_DEXrnipqTmWVGE'));
  });

  it('marks unsettled rows pending, on hold shown in the raw status', () => {
    expect(mapped({ ...PAYMENT_ROW, settled: false, on_hold: true })).toMatchObject({ status: 'PENDING', raw_status: 'on_hold' });
  });

  it('rejects a row that both credits and debits, or lacks its settlement id', () => {
    const both = mapReconItem({ ...PAYMENT_ROW, debit: 5 });
    expect(both.ok).toBe(false);
    const noSettlement = mapReconItem({ ...PAYMENT_ROW, settlement_id: null });
    expect(noSettlement.ok ? [] : noSettlement.error.issues.map((i) => i.path[0])).toEqual(['settlement_id']);
  });
});
