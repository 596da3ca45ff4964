import type { StandardTransaction } from '../schema/transaction';
import { txn } from './fixtures.test-helper';
import type { ReconConfig, SubsetRunsConfig } from './types';

/**
 * Fixtures of the runs-mode subset-sum tests (engine and streaming): a gateway whose reported
 * settlements claim their payments in a first link; the second link looks for withheld payouts,
 * whole blocks of the payments left between them.
 */
export const pay = (id: string, amount: string, minute: number, over: Partial<StandardTransaction> = {}) =>
  txn({ txn_id: id, source: 'gw', amount, channel: 'UPI', timestamp: `2024-04-01T10:${String(minute).padStart(2, '0')}:00+05:30`, references: { payment_id: id }, ...over });
export const line = (payId: string) => txn({ txn_id: `L-${payId}`, source: 'report', references: { payment_id: payId } });
export const credit = (id: string, amount: string, valueDate = '2024-04-02') => txn({ txn_id: id, source: 'bank', amount, transaction_type: 'SETTLEMENT', value_date: valueDate });
export const refund = (id: string, parent: string, amount: string, day = '2024-04-01') =>
  txn({ txn_id: id, source: 'gw', amount, direction: 'DEBIT', transaction_type: 'REFUND', timestamp: `${day}T18:00:00+05:30`, references: { payment_id: parent, refund_id: id } });

export const cycle = (t: StandardTransaction) => (t.transaction_type === 'PAYMENT' ? `${t.channel ?? ''} ${t.timestamp.slice(0, 10)}` : undefined);

export function runsConfig(runs: Partial<SubsetRunsConfig> = {}): ReconConfig {
  return {
    sides: [
      { name: 'gw', sources: ['gw'] },
      { name: 'report', sources: ['report'] },
      { name: 'bank', sources: ['bank'] },
    ],
    links: [
      { name: 'reported', left: 'gw', right: 'report', filters: { left: { transaction_type: 'PAYMENT' } }, rules: [{ name: 'id', identifiers: ['references.payment_id'] }] },
      {
        name: 'withheld',
        left: 'gw',
        right: 'bank',
        excludeResolvedIn: { left: ['reported'] },
        rules: [
          {
            name: 'runs',
            cardinality: 'many-to-one',
            subsetSum: { runs: { partitionBy: cycle, netting: { filter: { transaction_type: 'REFUND' }, parentBy: 'references.payment_id' }, ...runs } },
            checks: { date: { field: { left: 'timestamp', right: 'value_date' }, before: 0, after: 3 } },
          },
        ],
      },
    ],
  };
}
