import { describe, expect, it } from 'vitest';
import { generateDataset } from '../generator/index';
import { scoreGatewaySettlementPair } from './gateway-settlement-pair';
import { createLinkScorer } from './link-scorer';

const data = generateDataset({ orders: 5_000, seed: 4 });
const gatewayRefunds = data.payments.filter((p) => p.transaction_type === 'REFUND');
const refundLines = new Map(data.settlementLines.filter((l) => l.transaction_type === 'REFUND').map((l) => [l.txn_id, l]));

describe('scoreGatewaySettlementPair', () => {
  it('counts a gateway refund with its own refund line as a found L2r pair', () => {
    const scorer = createLinkScorer(data);
    for (const g of gatewayRefunds) {
      const line = refundLines.get(g.txn_id);
      if (line) scoreGatewaySettlementPair(scorer, data.truth, g, line);
    }
    const l2r = scorer.result().L2r;
    expect(l2r.found).toBeGreaterThan(0);
    expect([l2r.precision, l2r.recall]).toEqual([1, 1]);
  });

  it('counts a gateway refund with another refund line, or with a payment line, as wrong', () => {
    const scorer = createLinkScorer(data);
    const lines = [...refundLines.values()];
    const [g0, g1] = gatewayRefunds.filter((g) => refundLines.has(g.txn_id));
    scoreGatewaySettlementPair(scorer, data.truth, g0!, refundLines.get(g1!.txn_id)!);
    const paymentLine = data.settlementLines.find((l) => l.transaction_type === 'PAYMENT' && l.references.payment_id === g0!.references.payment_id);
    if (paymentLine) scoreGatewaySettlementPair(scorer, data.truth, g0!, paymentLine);
    const r = scorer.result();
    expect(lines.length).toBeGreaterThan(1);
    expect(r.L2r).toMatchObject({ correct: 0, predicted: 1 });
    expect(r.L2).toMatchObject({ correct: 0, predicted: paymentLine ? 1 : 0 });
  });
});
