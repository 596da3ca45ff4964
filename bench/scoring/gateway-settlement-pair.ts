import type { StandardTransaction } from '@recon/core';
import { orderOfPaymentId, refundIndexOf, type GroundTruth } from '../generator/index';
import type { LinkScorer } from './link-scorer';

/**
 * Scores one predicted (gateway record, settlement line) pair. The gateway record is a payment
 * (`pay_…`) or, since the generator emits Razorpay's refund records too, a refund (`rfnd_…`): a
 * refund is right only against its own refund line (L2r), and never against a payment line (L2).
 */
export function scoreGatewaySettlementPair(scorer: LinkScorer, truth: GroundTruth, gateway: StandardTransaction, line: StandardTransaction): void {
  const lineIsRefund = line.transaction_type === 'REFUND';
  if (gateway.transaction_type === 'REFUND') {
    const refund = refundIndexOf(gateway.txn_id);
    if (!lineIsRefund) return scorer.paymentLine(-1, orderOfPaymentId(line.txn_id));
    const same = refundIndexOf(line.txn_id) === refund;
    return scorer.paymentRefund(same ? (truth.refundOrder[refund] ?? -1) : -1, refundIndexOf(line.txn_id));
  }
  const order = orderOfPaymentId(gateway.txn_id);
  if (lineIsRefund) return scorer.paymentRefund(order, refundIndexOf(line.txn_id));
  return scorer.paymentLine(order, orderOfPaymentId(line.txn_id));
}
