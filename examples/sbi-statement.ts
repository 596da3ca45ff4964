/**
 * SBI account statement, end to end, against the SBI sandbox. No credentials, no network beyond
 * 127.0.0.1: the sandbox generates the bank's and the client's RSA keys at start.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/sbi-statement.ts
 *
 * Shows: OAuth2 client credentials, the AES-GCM + RSA envelope (a session key per request,
 * RSA-wrapped in the `AccessToken` header; `REQUEST` encrypted, `DIGI_SIGN` signed; the answer
 * decrypted and its signature verified), the EIS request layout, record-number paging inside
 * date windows, a reset connection ridden out, invalid rows kept, and a badly signed answer refused.
 */
import { add, amountOf, formatMoney, isReconError, zero, type Money, type StandardTransaction } from '@recon/core';
import { sbi } from '@recon/sbi';
import { sbiSandboxConfig, startSbiSandbox } from '@recon/sbi/sandbox';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const sandbox = await startSbiSandbox({ seed: 2026, count: 45, invalidEvery: 15, pageSize: 10, faults: [{ type: 'reset', after: 2 }] });
  // In production: sbi({ baseUrl, clientId, clientSecret, accountNumber, corporateCode, sourceId,
  //   privateKey, bankPublicKey, envelope: { ...as SBI's onboarding document says } }).
  const connector = sbi({ ...sbiSandboxConfig(sandbox), statementRequest: { maxRangeDays: 5 } });
  try {
    say(`@recon/sbi against the sandbox at ${sandbox.url}`);
    const check = await connector.check();
    say(`  check(): ${check.ok ? 'ok' : 'FAILED'}: ${check.message}`);
    if (!check.ok) throw check.error;

    const window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
    const records: StandardTransaction[] = [];
    const invalid: string[] = [];
    let checkpoints = 0;
    for await (const message of connector.read(window)) {
      if (message.type === 'record') records.push(message.txn);
      else if (message.type === 'invalid') invalid.push(message.error.message);
      else checkpoints += 1;
    }
    let credits: Money = zero('INR');
    let debits: Money = zero('INR');
    for (const txn of records) {
      if (txn.direction === 'CREDIT') credits = add(credits, amountOf(txn));
      else debits = add(debits, amountOf(txn));
    }
    say(`  read ${window.from} to ${window.to} (exclusive) in 5-day windows: ${records.length} records, ${invalid.length} invalid, ${checkpoints} checkpoints`);
    say(`  credits ${formatMoney(credits, { symbol: true })}, debits ${formatMoney(debits, { symbol: true })}`);
    for (const txn of records.slice(0, 4)) {
      const ref = txn.references.utr ? `UTR ${txn.references.utr}` : txn.references.rrn ? `RRN ${txn.references.rrn}` : `ref ${txn.reference_number ?? '-'}`;
      say(`    ${txn.value_date} ${txn.direction.padEnd(6)} ${formatMoney(amountOf(txn), { symbol: true }).padStart(14)}  ${(txn.channel ?? '').padEnd(5)} ${ref}`);
    }
    for (const reason of invalid.slice(0, 2)) say(`    invalid: ${reason.slice(0, 110)}`);
    const faults = sandbox.server.requests.filter((r) => r.fault).map((r) => r.fault);
    say(`  faults survived: ${faults.join(', ') || 'none'}`);

    sandbox.corruptResponses('bad-signature');
    try {
      for await (const message of connector.read(window)) if (message.type === 'record') throw new Error('a badly signed response produced a record');
      say('  badly signed response: NOT detected');
      process.exitCode = 1;
    } catch (error) {
      if (!isReconError(error)) throw error;
      say(`  badly signed response refused: ${error.code} (${error.kind}, retryable: ${String(error.retryable)})`);
    }
    if (records.length !== sandbox.dataset.validIds.length || invalid.length !== sandbox.dataset.invalidCount) process.exitCode = 1;
  } finally {
    await connector.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sbi-statement failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
