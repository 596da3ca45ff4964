/**
 * ICICI CIB account statements against the ICICI sandbox: no credentials, no network beyond
 * 127.0.0.1. The sandbox generates its RSA-4096 key pairs at start, so no key is stored anywhere.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/icici-statement.ts
 *
 * Against the real bank, build the connector from your onboarding values instead:
 *
 *   icici({ apiKey, corpId, userId, aggrId, urn, accountNumber,
 *           bankPublicKey: readFileSync('icici-cert.pem', 'utf8'),
 *           clientPrivateKey: readFileSync('client-key.pem', 'utf8'), clientPrivateKeyPassphrase })
 */
import { add, amountOf, createMemorySink, formatMoney, runSync, subtract, zero, type StandardTransaction } from '@recon/core';
import { icici } from '@recon/icici';
import { startIciciSandbox } from '@recon/icici/sandbox';

const say = (line = '') => process.stdout.write(line + '\n');
const day = (ddmmyyyy: unknown) => String(ddmmyyyy).split('-').reverse().join('-');

async function main(): Promise<void> {
  say('@recon/icici: ICICI CIB statement sandbox → icici connector → sync runner');
  const sandbox = await startIciciSandbox({
    seed: 2026,
    count: 300,
    start: '2024-01-02',
    // About 500 days of rows: longer than the 365 days one statement call may span.
    maxGapMinutes: 4_800,
    pageSize: 200,
    invalidEvery: 97,
    // Misbehave once each, mid-read, the way real gateways do.
    faults: [
      { type: 'status', status: 429, retryAfter: 1, after: 1 },
      { type: 'reset', after: 3 },
    ],
  });
  try {
    const connector = icici(sandbox.connectorConfig({ retry: { retries: 3, minDelayMs: 50, maxDelayMs: 500 } }));
    const check = await connector.check();
    say(`check(): ${check.ok ? 'ok' : 'FAILED'}: ${check.message}`);

    const from = sandbox.dataset.firstDay;
    const to = '2025-06-01';
    const sink = createMemorySink();
    const report = await runSync({ connector, sink, from, to });
    if (report.status !== 'completed') throw report.error ?? new Error(`sync ${report.status}`);
    const records = sink.records();
    say(`read ${from} .. ${to} (exclusive): ${records.length} records, ${sink.invalid().length} invalid (kept with their raw row), ${report.checkpoints} checkpoints`);
    say(`faults survived: 429 with Retry-After, a connection reset (${sandbox.server.faults.appliedCount()} injected)`);

    say('statement calls (each ≤365 days, paged with CONFLG/LASTTRID):');
    for (const call of sandbox.calls.slice(1)) {
      const records = call.response['Record'];
      const rows = Array.isArray(records) ? records.length : records ? 1 : 0;
      say(`  ${day(call.request['FROMDATE'])} .. ${day(call.request['TODATE'])}  CONFLG=${String(call.request['CONFLG'])}  ${String(call.response['RESPONSE'])}  ${rows} rows${call.response['LASTTRID'] ? ', more pages' : ''}`);
    }

    say('a few transactions (amounts exact, Indian grouping; references from REMARKS):');
    const sample = (channel: string) => records.find((t) => t.channel === channel);
    for (const txn of ['NEFT', 'RTGS', 'IMPS', 'UPI'].map(sample).filter((t): t is StandardTransaction => t !== undefined)) {
      const refs = Object.entries(txn.references)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      say(`  ${txn.timestamp}  ${txn.direction.padEnd(6)} ${formatMoney(amountOf(txn), { symbol: true }).padStart(16)}  ${txn.channel}  ${refs}`);
    }

    // Exact sums: bigint paise all the way, whatever the grouping the bank printed.
    const net = records.reduce((sum, t) => (t.direction === 'CREDIT' ? add(sum, amountOf(t)) : subtract(sum, amountOf(t))), zero('INR'));
    say(`net movement of ${records.length} records: ${formatMoney(net, { symbol: true })} (bigint paise, no floats)`);

    // The next run starts from the stored cursor: nothing new has been posted, so nothing is read twice.
    const again = await runSync({ connector, sink, to });
    say(`second run from the stored cursor: ${again.records} new records`);
    await connector.close();
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
