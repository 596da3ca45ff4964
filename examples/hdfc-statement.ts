/**
 * HDFC account statement, end to end, against the HDFC sandbox. No credentials, no network beyond
 * 127.0.0.1: the sandbox generates the bank's and the client's RSA keys at start.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/hdfc-statement.ts
 *
 * Shows: OAuth2 client credentials (scope in the query, Basic auth), every request signed (JWS
 * RS256) and encrypted (JWE RSA-OAEP-256/A256GCM), every response decrypted and verified, paging
 * with a checkpoint per page, a 503 ridden out, invalid rows kept with their reasons, and a
 * tampered response refused with a typed error instead of becoming data.
 */
import { add, amountOf, formatMoney, isReconError, zero, type Money, type StandardTransaction } from '@recon/core';
import { hdfc } from '@recon/hdfc';
import { hdfcSandboxConfig, startHdfcSandbox } from '@recon/hdfc/sandbox';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const sandbox = await startHdfcSandbox({ seed: 2026, count: 48, invalidEvery: 16, faults: [{ type: 'status', status: 503, after: 2 }] });
  // In production: hdfc({ baseUrl: HDFC_PRODUCTION_BASE_URL, clientId, clientSecret, scope, accountNumber,
  //   privateKey, bankPublicKey, tls: { cert, key } }) with values from your secret store.
  const connector = hdfc({ ...hdfcSandboxConfig(sandbox), statementRequest: { pageSize: 10 } });
  try {
    say(`@recon/hdfc against the sandbox at ${sandbox.url}`);
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
    say(`  read ${window.from} to ${window.to} (exclusive): ${records.length} records, ${invalid.length} invalid, ${checkpoints} checkpoints`);
    say(`  credits ${formatMoney(credits, { symbol: true })}, debits ${formatMoney(debits, { symbol: true })}`);
    for (const txn of records.slice(0, 4)) {
      const ref = txn.references.utr ? `UTR ${txn.references.utr}` : txn.references.rrn ? `RRN ${txn.references.rrn}` : `ref ${txn.reference_number ?? '-'}`;
      say(`    ${txn.value_date} ${txn.direction.padEnd(6)} ${formatMoney(amountOf(txn), { symbol: true }).padStart(14)}  ${(txn.channel ?? '').padEnd(5)} ${ref}`);
    }
    for (const reason of invalid.slice(0, 2)) say(`    invalid: ${reason.slice(0, 110)}`);
    const faults = sandbox.server.requests.filter((r) => r.fault).map((r) => `${r.fault} ${r.status ?? ''}`.trim());
    say(`  faults survived: ${faults.join(', ') || 'none'}`);

    sandbox.corruptResponses('tamper');
    try {
      for await (const message of connector.read(window)) if (message.type === 'record') throw new Error('a tampered response produced a record');
      say('  tampered response: NOT detected');
      process.exitCode = 1;
    } catch (error) {
      if (!isReconError(error)) throw error;
      say(`  tampered response refused: ${error.code} (${error.kind}, retryable: ${String(error.retryable)})`);
    }
    if (records.length !== sandbox.dataset.validIds.length || invalid.length !== sandbox.dataset.invalidCount) process.exitCode = 1;
  } finally {
    await connector.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`hdfc-statement failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
