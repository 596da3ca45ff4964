/**
 * Razorpay: sync payments, refunds, settlements and the settlement recon report from the sandbox,
 * through faults, then sync again after payments changed state. No credentials, no network beyond
 * 127.0.0.1.
 *
 *   pnpm exec tsx --conditions=@recon/source examples/razorpay-sync.ts
 *
 * Against the real API, replace the sandbox with your keys:
 *   razorpay({ keyId: process.env.RAZORPAY_KEY_ID, keySecret: process.env.RAZORPAY_KEY_SECRET, accountId: 'acc_…' })
 */
import { add, amountOf, createMemorySink, formatMoney, runSync, subtract, zero, type Money, type StandardTransaction } from '@recon/core';
import { razorpay } from '@recon/razorpay';
import { rateLimitFault, startRazorpaySandbox } from '@recon/razorpay/sandbox';

const say = (line = '') => process.stdout.write(line + '\n');
const iso = (unix: number) => new Date(unix * 1000).toISOString();
const rupees = (m: Money) => formatMoney(m, { grouping: 'indian', symbol: true });

async function main(): Promise<void> {
  const sandbox = await startRazorpaySandbox({
    seed: 2026,
    payments: 600,
    days: 10,
    invalid: 2,
    // Razorpay misbehaves the way production does: rate limited, a gateway error, a dropped connection.
    faults: [rateLimitFault({ after: 3, retryAfter: 1 }), { type: 'status', status: 502, after: 6 }, { type: 'reset', after: 9 }],
  });
  try {
    const { dataset } = sandbox;
    say(`Razorpay sandbox on ${sandbox.url}: ${dataset.payments.length} payments, ${dataset.refunds.length} refunds, ${dataset.settlements.length} settlements`);
    const connector = razorpay({ keyId: sandbox.credentials.keyId, keySecret: sandbox.credentials.keySecret, baseUrl: sandbox.url, accountId: 'acc_demo_merchant' });
    const check = await connector.check();
    say(`  check(): ${check.ok ? 'ok' : 'FAILED'}: ${check.message}`);
    if (!check.ok) throw check.error;

    // Run 1: everything up to a signpost ten minutes after an authorized (not yet captured) payment.
    const midpoint = dataset.start + (dataset.end - dataset.start) / 2;
    const pending = dataset.payments.find((p) => p.status === 'authorized' && p.created_at < midpoint);
    if (!pending) throw new Error('the sandbox dataset has no authorized payment');
    const sink = createMemorySink();
    const firstTo = pending.created_at + 600;
    const run1 = await runSync({ connector, sink, from: iso(dataset.start), to: iso(firstTo) });
    if (run1.status === 'failed') throw run1.error;
    say(`  run 1: ${run1.records} records, ${run1.invalid} invalid, ${run1.checkpoints} checkpoints`);

    // Meanwhile payments change state: the authorized payment is captured, an older one fully refunded.
    dataset.capture(pending.id);
    const refunded = dataset.payments.find((p) => p.status === 'captured' && p.amount_refunded === 0 && p.created_at < firstTo - 3_600);
    if (refunded) dataset.refund(refunded.id, refunded.amount, firstTo + 600);

    // Run 2 resumes from the cursor the sink kept, re-reads the last hour (the overlap) and reads on.
    const run2 = await runSync({ connector, sink, to: iso(dataset.now) });
    if (run2.status === 'failed') throw run2.error;
    say(`  run 2: ${run2.records} records, ${run2.invalid} invalid (resumed, with a 1 h overlap)`);
    const faults = sandbox.server.requests.filter((r) => r.fault).map((r) => `${r.fault}${r.status ? ` ${r.status}` : ''}`);
    say(`  faults survived: ${faults.join(', ') || 'none'}`);

    summarise(sink.records(), sink.invalid().map((i) => i.error.message), dataset.expectedIds({ from: dataset.start, to: dataset.now }), pending.id);
  } finally {
    await sandbox.close();
  }
}

function summarise(received: StandardTransaction[], invalid: string[], expected: string[], recaptured: string): void {
  // A consumer upserts by (source, txn_id): a later version of a payment replaces the earlier one.
  const latest = new Map<string, StandardTransaction>();
  for (const txn of received) latest.set(`${txn.source}:${txn.txn_id}`, txn);
  const records = [...latest.values()];
  // Recon rows (`<settlement_id>:<entity_id>`) are the settlement-side view of payments and refunds.
  const isReconRow = (t: StandardTransaction) => t.transaction_type !== 'SETTLEMENT' && t.references.settlement_id !== undefined;
  const byType = new Map<string, number>();
  for (const txn of records) {
    const key = isReconRow(txn) ? `recon ${txn.transaction_type.toLowerCase()} rows` : txn.transaction_type.toLowerCase();
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }

  const sumOf = (filter: (t: StandardTransaction) => boolean) => records.filter(filter).reduce((total, t) => add(total, amountOf(t)), zero('INR'));
  const captured = sumOf((t) => !isReconRow(t) && t.transaction_type === 'PAYMENT' && (t.raw_status === 'captured' || t.raw_status === 'refunded'));
  const refunds = sumOf((t) => !isReconRow(t) && t.transaction_type === 'REFUND' && t.status === 'SUCCESS');
  const settled = sumOf((t) => t.transaction_type === 'SETTLEMENT' && t.status === 'SUCCESS');

  say('');
  say('Summary');
  say(`  versions received          ${received.length} (${received.length - records.length} later versions of the same txn_id, upserted)`);
  say(`  distinct transactions      ${records.length}: ${[...byType].map(([type, n]) => `${n} ${type}`).join(', ')}`);
  const missing = expected.filter((id) => !latest.has(`razorpay:${id}`));
  say(`  accounted for              ${missing.length === 0 ? 'every expected id (no gap)' : `MISSING ${missing.length}`}`);
  say(`  invalid, kept with reason  ${invalid.length}${invalid[0] ? `: ${invalid[0].slice(0, 100)}` : ''}`);
  const now = latest.get(`razorpay:${recaptured}`);
  say(`  re-emitted after capture   ${recaptured} is now ${now?.status} (${now?.raw_status})`);
  if (now?.status !== 'SUCCESS') process.exitCode = 1;
  say(`  captured payments          ${rupees(captured)}`);
  say(`  processed refunds          ${rupees(refunds)}`);
  say(`  settled to the bank        ${rupees(settled)}`);

  // One settlement's breakdown from the recon report: its rows add up to exactly its amount.
  const settlement = records.find((t) => t.transaction_type === 'SETTLEMENT' && t.status === 'SUCCESS');
  if (settlement) {
    const rows = records.filter((t) => t.txn_id.startsWith(`${settlement.txn_id}:`));
    const net = rows.reduce((total, row) => {
      const gross = amountOf(row);
      const fee = row.fee === undefined ? zero('INR') : { minor: amountOf({ amount: row.fee, currency: row.currency }).minor, currency: row.currency };
      return row.direction === 'CREDIT' ? add(total, subtract(gross, fee)) : subtract(total, row.transaction_type === 'TRANSFER' ? add(gross, fee) : gross);
    }, zero('INR'));
    const ok = net.minor === amountOf(settlement).minor;
    say(`  settlement ${settlement.txn_id} (UTR ${settlement.references.utr}): ${rows.length} recon rows net ${rupees(net)} ${ok ? '= settled amount' : `≠ ${rupees(amountOf(settlement))}`}`);
    if (!ok) process.exitCode = 1;
  }
  if (missing.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`razorpay-sync failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
