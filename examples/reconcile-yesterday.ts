/**
 * The nightly one-shot: reconcile yesterday's business day (IST). Syncs the day from every source
 * into memory (ERP ledger, Razorpay payments + settlement recon, ICICI, HDFC, SBI, Kotak's MT940
 * files over SFTP), reconciles with the Indian payments preset, writes the outcomes as JSON and
 * CSV, and exits non-zero when there are more breaks than allowed, so cron or CI can alert.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/reconcile-yesterday.ts [--help]
 *
 * Connectors whose variables are in `.env` (see examples/.env.example) read their real endpoint;
 * the others start their sandbox in-process, loaded with a seeded day that has planted breaks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMemorySink, exportCsv, exportJson, reconcile, runSync, type StandardTransaction } from '@recon/core';
import { addDays, isCalendarDay, istToday, istYesterday } from './business-day';
import { describeModes, loadDotEnv, readExamplesConfig } from './env';
import { openSources } from './example-sources';
import { guideReconConfig, isBreak, summaryLines } from './recon-config';

const HELP = `Usage: reconcile-yesterday [options]

Reconciles one business day (IST) across every source and writes the outcomes.

Options:
  --day=YYYY-MM-DD     the business day (default: yesterday in IST)
  --settle-days=N      also read N days after the day for settlements and bank credits (default 3,
                       never past today); payments settle T+1..T+3
  --max-breaks=N       allowed breaks (default 0)
  --out=DIR            where outcomes.json and outcomes.csv go (default reports/reconcile-<day>)
  --seed=N             the sandboxes' seeded scenario (default 2026)
  --help               this text

Exit codes:
  0  reconciled, breaks <= --max-breaks
  1  reconciled, but breaks > --max-breaks (a break is any outcome other than matched:
     mismatched, unmatched, duplicate or suggested)
  2  could not reconcile (bad option, a source failed to sync, bad .env settings)
`;

const say = (line = '') => process.stdout.write(`${line}\n`);
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function intArg(name: string, fallback: number): number {
  const value = arg(name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number.parseInt(value, 10);
}

class UsageError extends Error {}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    say(HELP);
    return 0;
  }
  const day = arg('day') ?? istYesterday();
  if (!isCalendarDay(day)) throw new UsageError('--day must be a YYYY-MM-DD date');
  const maxBreaks = intArg('max-breaks', 0);
  const settleDays = intArg('settle-days', 3);
  const seed = intArg('seed', 2026);
  const out = resolve(arg('out') ?? join('reports', `reconcile-${day}`));
  // The read window ends at the exclusive `to`: the day itself plus the settlement lag, never the future.
  const tomorrow = addDays(istToday(), 1);
  const lagEnd = addDays(day, 1 + settleDays);
  const window = { from: day, to: lagEnd < tomorrow ? lagEnd : tomorrow };

  loadDotEnv();
  const config = readExamplesConfig();
  say(`Reconciling ${day} (IST); reading ${window.from} .. ${window.to} (exclusive)`);
  say(`Sources: ${describeModes(config)}`);

  const workDir = mkdtempSync(join(tmpdir(), 'recon-yesterday-'));
  const opened = await openSources({ config, day, workDir, seed });
  const records: StandardTransaction[] = [];
  let failed = 0;
  try {
    for (const s of opened.sources) {
      const sink = createMemorySink();
      const report = await runSync({ connector: s.connector, sink, from: window.from, to: window.to });
      records.push(...sink.records());
      const line = `  ${s.source.padEnd(11)} ${s.mode.padEnd(7)} ${String(report.records).padStart(4)} records, ${report.invalid} invalid`;
      if (report.status === 'failed') {
        failed += 1;
        say(`${line}: FAILED at ${report.failedAt}: ${report.error.code}: ${report.error.message}`);
      } else say(line);
      for (const invalid of sink.invalid()) say(`      invalid, kept with its reason: ${invalid.error.message.slice(0, 140)}`);
    }
  } finally {
    await opened.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  // Reconciling with a source missing would report its records' partners as breaks: refuse.
  if (failed > 0) {
    process.stderr.write(`${failed} source(s) failed to sync; not reconciling a partial day\n`);
    return 2;
  }

  const result = reconcile(records, guideReconConfig());
  mkdirSync(out, { recursive: true });
  const files = { json: join(out, 'outcomes.json'), csv: join(out, 'outcomes.csv') };
  writeFileSync(files.json, exportJson(result));
  writeFileSync(files.csv, exportCsv(result));
  const breaks = result.outcomes.filter(isBreak);
  say(`Reconciled ${records.length} records:`);
  for (const line of summaryLines(result)) say(`  ${line}`);
  say(`Wrote ${files.json} and ${files.csv}`);
  for (const b of breaks.slice(0, 20)) {
    const all = [...b.left, ...b.right];
    const side = all.slice(0, 3).map((t) => `${t.source}:${t.txn_id} ${t.amount}`).join(' + ') + (all.length > 3 ? ` + ${all.length - 3} more` : '');
    say(`  break: ${b.link} ${b.kind}${b.kind === 'unmatched' ? ` (${b.reason})` : ''}: ${side}`);
  }
  if (breaks.length > 20) say(`  ... and ${breaks.length - 20} more in ${files.csv}`);
  const verdict = breaks.length > maxBreaks ? 'ABOVE' : 'within';
  say(`${breaks.length} breaks, ${verdict} the allowed ${maxBreaks}`);
  return breaks.length > maxBreaks ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Errors of the SDK never carry a secret; a usage error is ours.
    process.stderr.write(`reconcile-yesterday: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write('Run with --help for the options.\n');
    process.exitCode = 2;
  },
);
