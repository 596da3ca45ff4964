/**
 * The demo's flow, shared by `examples/demo.ts` (in memory) and its `--kafka` mode: start the
 * sources, sync each through its connector, hand the records to the reconciler, write the report.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  exportCsv,
  exportJson,
  indianPaymentsPreset,
  reconcile,
  runSync,
  type ReconConfig,
  type ReconResult,
  type Sink,
  type StandardTransaction,
  renderHtmlReport,
} from '@recon/core';
import { createDemoScenario, type DemoScenario } from './scenario';
import { startDemoSources } from './sources';
import { summaryLines } from './summary';
import type { DemoTransport } from './transport';

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Where the report goes (emptied first); the sources' inputs go to `<outDir>/inputs`. */
  outDir: string;
  transport: DemoTransport;
  seed?: number;
  /** Progress and summary lines (default: stdout). */
  say?: (line: string) => void;
}

/** What a run produced. */
export interface DemoRun {
  scenario: DemoScenario;
  result: ReconResult;
  /** Records synced per source, and invalid ones kept with their reason. */
  synced: { source: string; records: number; invalid: number; reasons: string[] }[];
  faults: string[];
  files: { json: string; csv: string; html: string };
}

/**
 * The reconciliation: the Indian payments preset with the four banks of the scenario on the bank
 * side, the ERP's double postings caught as duplicates (same order, same amount), and no
 * withheld-report fallback (every settlement report of the day came).
 */
export function demoReconConfig(): ReconConfig {
  const preset = indianPaymentsPreset({ bank: { sources: ['icici', 'hdfc', 'sbi', 'sftp:kotak'] }, withheldReportFallback: false });
  return { ...preset, sides: preset.sides.map((side) => (side.name === 'ledger' ? { ...side, duplicateKey: ['references.order_id', 'amount'] } : side)) };
}

/** Wraps a sink to print one progress line per acknowledged batch with something in it, and keep invalid records' reasons. */
function withProgress(sink: Sink, label: string, say: (line: string) => void, reasons: string[]): Sink {
  let batches = 0;
  return {
    ...sink,
    name: sink.name,
    write: async (batch) => {
      await sink.write(batch);
      for (const invalid of batch.invalid) reasons.push(invalid.error.message);
      // A page with nothing new (an empty stream, a checkpoint) is not worth a line.
      if (batch.records.length + batch.invalid.length === 0) return;
      batches++;
      say(`    ${label.padEnd(13)} batch ${String(batches).padStart(2)}: +${batch.records.length} records${batch.invalid.length ? `, +${batch.invalid.length} invalid` : ''}`);
    },
    ...(sink.loadCursor && { loadCursor: sink.loadCursor.bind(sink) }),
  };
}

/** Run the demo end to end. Resolves with the result; rejects if a source cannot be synced. */
export async function runDemo(options: RunDemoOptions): Promise<DemoRun> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const scenario = createDemoScenario({ ...(options.seed !== undefined && { seed: options.seed }) });
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });

  say(`Business day ${scenario.day} (IST): ${scenario.ledger.length} ledger rows, ${scenario.razorpay.payments.length} Razorpay payments, ${scenario.razorpay.settlements.length} settlements, ${scenario.bank.length} bank lines`);
  say('Starting the sources on 127.0.0.1 (sandboxes, SFTP server, ERP export)...');
  const running = await startDemoSources(scenario, join(options.outDir, 'inputs'));
  const synced: DemoRun['synced'] = [];
  let records: StandardTransaction[];
  try {
    for (const s of running.sources) say(`  ${s.label.padEnd(13)} ${s.url}  (${s.holds})`);
    say(`Syncing ${scenario.window.from} .. ${scenario.window.to} (exclusive) from every source, records ${options.transport.description}:`);
    let acknowledged = 0;
    for (const s of running.sources) {
      const reasons: string[] = [];
      const sink = withProgress(options.transport.sinkFor(s.source), s.label, say, reasons);
      const report = await runSync({ connector: s.connector, sink, from: scenario.window.from, to: scenario.window.to });
      if (report.status !== 'completed') throw report.error ?? new Error(`${s.label}: sync ${report.status}`);
      acknowledged += report.records;
      synced.push({ source: s.source, records: report.records, invalid: report.invalid, reasons });
      say(`  ✓ ${s.label.padEnd(11)} ${String(report.records).padStart(3)} records, ${report.invalid} invalid, ${report.checkpoints} checkpoints`);
      for (const reason of reasons) say(`      invalid, kept with its reason: ${reason}`);
    }
    const faults = running.faults();
    say(`  faults survived by retrying: ${faults.join(', ') || 'none'}`);
    records = await options.transport.collect(acknowledged, say);
    return finish(options.outDir, scenario, records, synced, faults, say);
  } finally {
    await running.close();
  }
}

function finish(outDir: string, scenario: DemoScenario, records: StandardTransaction[], synced: DemoRun['synced'], faults: string[], say: (line: string) => void): DemoRun {
  say(`Reconciling ${records.length} records: ledger ↔ Razorpay payments ↔ settlement recon ↔ bank statements`);
  const result = reconcile(records, demoReconConfig());
  const files = { json: join(outDir, 'report.json'), csv: join(outDir, 'outcomes.csv'), html: join(outDir, 'report.html') };
  writeFileSync(files.json, exportJson(result));
  writeFileSync(files.csv, exportCsv(result));
  writeFileSync(
    files.html,
    renderHtmlReport(result, {
      title: `Reconciliation of ${scenario.day}`,
      subtitle: [
        `Sources: ERP ledger, Razorpay (payments, refunds, settlement recon), ICICI, HDFC and SBI statements, Kotak MT940 over SFTP.`,
        `Window ${scenario.window.from} .. ${scenario.window.to} (exclusive), scenario seed ${scenario.seed}.`,
        `Synced: ${synced.map((s) => `${s.source} ${s.records}${s.invalid ? ` (+${s.invalid} invalid)` : ''}`).join(', ')}.`,
        ...synced.flatMap((s) => s.reasons.map((reason) => `Invalid, kept with its reason: ${reason}`)),
      ],
    }),
  );
  say('');
  say('Summary (records · gross amount per outcome):');
  for (const line of summaryLines(result)) say(line);
  say('');
  const shown = (path: string) => (path.startsWith(process.cwd() + sep) ? relative(process.cwd(), path) : path);
  say('Report:');
  say(`  ${shown(files.html)}   open it in a browser: charts per source and a searchable table of breaks`);
  say(`  ${shown(files.json)}   every outcome with its evidence (recon.outcomes/v1)`);
  say(`  ${shown(files.csv)}  one row per record per outcome`);
  return { scenario, result, synced, faults, files };
}
