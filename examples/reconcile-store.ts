/**
 * Reconciling many records in little memory: a `TransactionStore` keeps each record in ~130 bytes
 * instead of ~350 for the object, and `reconcile` reads it in place, with the same result as for
 * an array of the same records.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/reconcile-store.ts [orders]
 */
import { TransactionStore, indianPaymentsPreset, reconcile, type StandardTransaction } from '@recon/core';

const orders = Number(process.argv[2] ?? 100_000);

// A ledger entry and a Razorpay payment per order (in real use: records from a Kafka consumer).
const store = new TransactionStore();
for (let k = 1; k <= orders; k++) {
  const order = `order_${String(k).padStart(14, '0')}`;
  const common = { schema_version: 1, amount: `${(k % 900) + 100}.00`, currency: 'INR', direction: 'CREDIT', status: 'SUCCESS', transaction_type: 'PAYMENT', raw: null } as const;
  store.add({ ...common, txn_id: `le_${k}`, source: 'ledger', account_id: 'sales', timestamp: '2024-04-01T10:00:00+05:30', references: { order_id: order } } satisfies StandardTransaction);
  store.add({ ...common, txn_id: `pay_${k}`, source: 'razorpay', account_id: 'acc_1', timestamp: '2024-04-01T10:00:05+05:30', references: { payment_id: `pay_${k}`, order_id: order } } satisfies StandardTransaction);
}

const result = reconcile(store, indianPaymentsPreset());
const stats = store.stats();
console.log(`store: ${stats.records} records in ${stats.shapes} shapes, ${stats.slots} own values`);
console.log(`ledger ↔ payments matched: ${result.summary.links['ledger-payments']?.outcomes.matched?.count ?? 0} of ${orders}`);
const first = result.outcomes[0]?.left[0];
console.log(`a record read back from the store: ${JSON.stringify(first)}`);
