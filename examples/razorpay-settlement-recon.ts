/**
 * Razorpay settlement recon for one day, from the sandbox: read the day's settlement recon report
 * and the payments and refunds it settles, then print each settlement's breakdown and check it:
 * every row belongs to a known payment or refund, and the rows add up to the amount paid out to
 * the bank under the settlement's UTR. (When the core matcher is exported, its
 * `paymentsToSettlementLink` / `settlementToBankLink` do this declaratively.)
 *
 *   pnpm exec tsx --conditions=@recon/source examples/razorpay-settlement-recon.ts
 */
import { add, amountOf, formatMoney, subtract, zero, type Money, type StandardTransaction } from '@recon/core';
import { istDate, razorpay } from '@recon/razorpay';
import { startRazorpaySandbox } from '@recon/razorpay/sandbox';

const say = (line = '') => process.stdout.write(line + '\n');
const rupees = (m: Money) => formatMoney(m, { grouping: 'indian', symbol: true });
const minor = (txn: StandardTransaction, field: 'amount' | 'fee' | 'tax'): Money => {
  const value = txn[field];
  return value === undefined ? zero(txn.currency) : amountOf({ amount: value, currency: txn.currency });
};

/** What a recon row adds to (CREDIT) or takes from (DEBIT) its settlement. */
function effect(row: StandardTransaction): Money {
  const gross = minor(row, 'amount');
  const fee = minor(row, 'fee');
  if (row.direction === 'CREDIT') return subtract(gross, fee);
  return row.transaction_type === 'TRANSFER' ? subtract(zero(row.currency), add(gross, fee)) : subtract(zero(row.currency), gross);
}

async function read(connector: ReturnType<typeof razorpay>, from: string, to: string): Promise<StandardTransaction[]> {
  const out: StandardTransaction[] = [];
  for await (const message of connector.read({ from, to })) {
    if (message.type === 'record') out.push(message.txn);
    if (message.type === 'invalid') say(`  invalid: ${message.error.message}`);
  }
  return out;
}

async function main(): Promise<void> {
  const sandbox = await startRazorpaySandbox({ seed: 7, payments: 400, days: 7 });
  try {
    const { keyId, keySecret } = sandbox.credentials;
    const settlement = sandbox.dataset.settlements.find((s) => s.status === 'processed');
    if (!settlement) throw new Error('no processed settlement in the sandbox');
    const day = istDate(settlement.created_at);
    const next = istDate(settlement.created_at + 86_400);
    const base = { keyId, keySecret, baseUrl: sandbox.url };

    const recon = await read(razorpay({ ...base, streams: ['settlement_recon'] }), day, next);
    const settlements = await read(razorpay({ ...base, streams: ['settlements'] }), day, next);
    // Payments settle T+2, refunds whenever they were made: read the week before the day.
    const gateway = await read(razorpay({ ...base, streams: ['payments', 'refunds'] }), istDate(settlement.created_at - 7 * 86_400), next);
    const known = new Set(gateway.map((t) => t.txn_id));

    say(`Settlement recon for ${day} (IST): ${recon.length} rows, ${settlements.length} settlement(s)`);
    let failures = 0;
    for (const payout of settlements) {
      const rows = recon.filter((row) => row.references.settlement_id === payout.txn_id);
      if (rows.length === 0) {
        say(`  ${payout.txn_id}: ${payout.raw_status}, no recon rows yet`);
        continue;
      }
      const byType = new Map<string, Money>();
      let net = zero('INR');
      let fees = zero('INR');
      for (const row of rows) {
        net = add(net, effect(row));
        fees = add(fees, minor(row, 'fee'));
        byType.set(row.transaction_type, add(byType.get(row.transaction_type) ?? zero('INR'), minor(row, 'amount')));
      }
      const unknown = rows.filter((row) => row.transaction_type !== 'ADJUSTMENT' && !known.has(row.references.refund_id ?? row.references.payment_id ?? ''));
      const adds = net.minor === amountOf(payout).minor;
      say(`  ${payout.txn_id} UTR ${payout.references.utr ?? '(none yet)'}: paid ${rupees(amountOf(payout))}`);
      for (const [type, total] of byType) say(`    ${type.padEnd(11)} ${rupees(total)}`);
      say(`    fees (GST included) ${rupees(fees)}`);
      say(`    rows net ${rupees(net)}: ${adds ? 'equals the payout' : 'DOES NOT equal the payout'}; ${unknown.length === 0 ? 'every row matches a payment or refund' : `${unknown.length} rows without a known payment or refund`}`);
      if (!adds || unknown.length > 0) failures += 1;
    }
    if (failures > 0) process.exitCode = 1;
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`razorpay-settlement-recon failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
