/**
 * Exactly-once sync with a crash in the middle: a sandbox API with injected faults, a connector
 * built on the HTTP kit, the sync runner writing into a JSON-lines sink, run 1 aborted after its
 * third batch, run 2 resuming from the checkpoint stored with the records: no gap, no duplicate,
 * invalid records kept with their reasons, exact totals. No credentials, nothing beyond 127.0.0.1.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/exactly-once-resume.ts [--out=<dir>]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  add,
  amountOf,
  createJsonLinesSink,
  formatMoney,
  readJsonLines,
  runSync,
  zero,
  type Money,
  type Sink,
  type StandardTransaction,
} from '@recon/core';
import { sampleLedger, startSampleLedgerSandbox } from '@recon/core/testing';

const outDir = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(process.cwd(), 'reports', 'exactly-once-resume'));
const say = (line = '') => process.stdout.write(line + '\n');

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'sample-ledger.jsonl');

  say('@recon exactly-once resume: sandbox ledger API → connector → sync runner → JSON-lines sink');
  const sandbox = await startSampleLedgerSandbox({
    seed: 2026,
    count: 240,
    invalidEvery: 47,
    // The API misbehaves the way real ones do: rate limited once, a gateway error, a dropped connection.
    faults: [
      { type: 'status', status: 429, retryAfter: 1, after: 2 },
      { type: 'status', status: 503, after: 4 },
      { type: 'reset', after: 6 },
    ],
  });
  try {
    say(`  sandbox listening on ${sandbox.url} (240 rows, every 47th deliberately invalid)`);
    const connector = sampleLedger({ baseUrl: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 20 });
    const check = await connector.check();
    say(`  check(): ${check.ok ? 'ok' : 'FAILED'}: ${check.message}`);
    if (!check.ok) throw check.error;

    const sink = createJsonLinesSink({ path: file });

    // Run 1 "crashes" (is aborted) after the third acknowledged batch.
    const crash = new AbortController();
    const run1 = await runSync({ connector, sink: withProgress(sink, 'run 1', (n) => n === 3 && crash.abort()), signal: crash.signal });
    say(`  run 1: ${run1.status} after ${run1.batches} batches, ${run1.records} records committed, ${run1.unacknowledged} read but not committed`);

    // Run 2 resumes from the cursor stored in the sink, atomically with the records.
    const run2 = await runSync({ connector, sink: withProgress(sink, 'run 2') });
    say(`  run 2: ${run2.status}, resumed from the last checkpoint, ${run2.records} more records, ${run2.invalid} invalid`);
    if (run2.status === 'failed') throw run2.error;
    await sink.close?.();

    const faults = sandbox.server.requests.filter((r) => r.fault).map((r) => `${r.fault}${r.status ? ` ${r.status}` : ''}`);
    say(`  faults survived: ${faults.join(', ') || 'none'}`);

    summarise(await readJsonLines(file), sandbox.dataset.entries.length, file);
  } finally {
    await sandbox.close();
  }
}

/** Wraps a sink to print one progress line per acknowledged batch. */
function withProgress(sink: Sink, label: string, afterBatch?: (n: number) => void): Sink {
  let batches = 0;
  return {
    ...sink,
    name: sink.name,
    write: async (batch) => {
      await sink.write(batch);
      batches++;
      process.stdout.write(`    ${label} batch ${batches}: +${batch.records.length} records, +${batch.invalid.length} invalid\n`);
      afterBatch?.(batches);
    },
    loadCursor: sink.loadCursor?.bind(sink),
    close: async () => undefined,
  };
}

function summarise(lines: Awaited<ReturnType<typeof readJsonLines>>, served: number, file: string): void {
  const records: StandardTransaction[] = [];
  const invalid: { reason: string }[] = [];
  for (const line of lines) {
    if (line.type === 'record') records.push(line.txn);
    if (line.type === 'invalid') invalid.push({ reason: String((line.error as { message?: string }).message ?? '') });
  }
  const ids = new Set(records.map((r) => r.txn_id));
  let credits: Money = zero('INR');
  let debits: Money = zero('INR');
  for (const r of records) {
    if (r.direction === 'CREDIT') credits = add(credits, amountOf(r));
    else debits = add(debits, amountOf(r));
  }
  say('');
  say('Summary');
  say(`  rows served by the API     ${served}`);
  say(`  records in the sink        ${records.length} (${ids.size} distinct ids: ${ids.size === records.length ? 'no duplicates' : 'DUPLICATES'})`);
  say(`  invalid, kept with reason  ${invalid.length}`);
  say(`  accounted for              ${records.length + invalid.length === served ? 'every row (no gap)' : `MISSING ${served - records.length - invalid.length}`}`);
  say(`  credits                    ${formatMoney(credits, { grouping: 'indian', symbol: true })}`);
  say(`  debits                     ${formatMoney(debits, { grouping: 'indian', symbol: true })}`);
  for (const i of invalid.slice(0, 3)) say(`  invalid: ${i.reason.slice(0, 110)}`);
  say(`  output                     ${relative(process.cwd(), file)}`);
  if (records.length + invalid.length !== served || ids.size !== records.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`exactly-once-resume failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
