/**
 * The reconciliation benchmark (issue 3): generates a seeded dataset, runs the @recon/core matcher
 * and two baselines on it (a naive Map join, and a pandas merge when Python has pandas), and prints
 * wall time per phase, peak RSS and precision/recall per link type against the ground truth.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source bench/reconcile.bench.ts --orders 100000 --seed 1
 *
 * Not a test: it asserts nothing about speed. docs/benchmarks.md records its figures.
 */
import { writeFileSync } from 'node:fs';
import type { StandardTransaction, TransactionStore } from '@recon/core';
import { naiveJoin } from './baselines/naive-join';
import { scoreIndexPairs } from './baselines/index-pairs';
import { checkPandas, runPandasMerge, type PandasReport } from './baselines/pandas-merge';
import { scoreOutcomes, type EngineQuality } from './engine/outcome-links';
import { engineInput, exactKeyConfig, loadEngine, runEngine } from './engine/run-engine';
import { generateDataset } from './generator/index';
import { parseArgs } from './harness/args';
import { machineInfo } from './harness/machine';
import { settleHeap, watchMajorGcs } from './harness/major-gc';
import { recordEnginePhases } from './harness/engine-phases';
import { createPhaseLog, type PhaseLog } from './harness/phases';
import { profileCall, summarizeProfile, type ProfileSummary } from './harness/profile';
import { countsTable, describeRun, phaseTable, qualityTable, table } from './harness/report';
import type { BaselineQuality } from './baselines/index-pairs';
import type { MissCauses } from './scoring/miss-causes';

/**
 * Runs `fn` with the engine's phase hook installed and adds one run's phases to the log
 * (`engine <label> phase: join`, ...). `join` is the hash joins with their pair checks on built
 * columns: the engine's counterpart of pandas' merges. Without `links`, the last run's phases;
 * with them (the comparison with pandas), the phases of the run whose join took the least CPU,
 * as the pandas script reports its fastest merges, and that run's join per link.
 */
async function withEnginePhases<T>(log: PhaseLog, label: string, fn: () => Promise<T>, links?: readonly string[]): Promise<T> {
  const recorder = recordEnginePhases();
  try {
    const value = await fn();
    const runs = recorder.runs().length;
    const run = links ? recorder.fastestJoinRun() : recorder.lastRun();
    const which = links && runs > 1 ? `fastest join of ${runs}` : 'last run';
    for (const p of run.phases) log.add(`  engine ${label} (${which}) phase: ${p.name}`, p.seconds, { cpuSeconds: p.cpuSeconds });
    links?.forEach((name, k) => {
      const j = run.joinByLink[k];
      if (j) log.add(`    engine ${label} (${which}) join of link ${name}`, j.seconds, { cpuSeconds: j.cpuSeconds });
    });
    return value;
  } finally {
    recorder.stop();
  }
}

/** A new TransactionStore, or undefined (with a note) when @recon/core cannot load. */
async function newStore(notes: string[]): Promise<TransactionStore | undefined> {
  try {
    const core = await import('@recon/core');
    return new core.TransactionStore();
  } catch (error) {
    notes.push(`no TransactionStore (records kept as objects): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const log = createPhaseLog();
  const notes: string[] = [];
  const majorGcs = watchMajorGcs();
  // With --settle-heap each timed engine run starts after a full collection (outside its timing).
  const before = args.settleHeap ? settleHeap : undefined;

  // With --input store (the default) every record goes into the store as it is generated.
  const store = args.input === 'store' ? await newStore(notes) : undefined;
  const dataset = log.run(`generate dataset (${store ? 'store' : 'objects'})`, () => generateDataset({ orders: args.orders, seed: args.seed }, store));
  if (store) notes.push(`input: a TransactionStore (${JSON.stringify(store.stats())})`);
  console.log(describeRun(args.orders, args.seed, machine, dataset.stats));

  let engineQuality: EngineQuality | undefined;
  let exactKeyQuality: EngineQuality | undefined;
  let engineSummary: unknown;
  let profileSummary: ProfileSummary | undefined;
  if (args.engine) {
    const handle = await loadEngine();
    if (handle.available) {
      try {
        const records = store ?? log.run('engine: build input array', () => engineInput([dataset.ledger, dataset.payments, dataset.settlementLines, dataset.bank] as StandardTransaction[][]));
        // Scoped so the first result can be collected before the second run.
        {
          const result = await withEnginePhases(log, 'preset', () => log.repeat('engine: reconcile, preset (end to end)', args.repeat, () => runEngine(handle, records), before));
          engineQuality = log.run('engine: score vs truth', () => scoreOutcomes(dataset, handle.config, result.outcomes));
          engineSummary = result.summary;
        }
        {
          const exactOnly = exactKeyConfig(handle.config);
          const exact = await withEnginePhases(
            log,
            'exact-key',
            () => log.repeat('engine: reconcile, exact-key rules only', args.repeat, () => runEngine(handle, records, exactOnly), before),
            exactOnly.links.map((l) => l.name),
          );
          exactKeyQuality = scoreOutcomes(dataset, exactOnly, exact.outcomes);
        }
        if (args.profile) {
          const { profile } = await profileCall(() => runEngine(handle, records));
          profileSummary = summarizeProfile(profile);
        }
      } catch (error) {
        // A broken engine must not hide the baselines: report it and go on.
        notes.push(`engine failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      notes.push(`engine skipped: ${handle.reason}`);
    }
  }

  let naiveScores: BaselineQuality | undefined;
  if (args.naive) {
    const pairs = await log.repeat('naive Map join', args.repeat, () => naiveJoin(dataset));
    naiveScores = log.run('naive: score vs truth', () => scoreIndexPairs(dataset, pairs));
  }

  let pandasScores: BaselineQuality | undefined;
  let pandasReport: PandasReport | undefined;
  if (args.pandas) {
    const check = checkPandas(args.python);
    if (check.available) {
      const run = runPandasMerge(dataset, args.python, args.repeat);
      pandasReport = run.report;
      log.add('pandas: write CSV (node)', run.writeSeconds);
      const peakRssMB = run.report.max_rss_mb;
      log.add(`pandas ${run.report.pandas}: read_csv (python)`, run.report.load_s, { cpuSeconds: run.report.load_cpu_s, peakRssMB });
      log.add('pandas: prepare keys (python)', run.report.prep_s, { cpuSeconds: run.report.prep_cpu_s, peakRssMB });
      log.add(args.repeat > 1 ? `pandas: 3 merges (python, fastest of ${args.repeat})` : 'pandas: 3 merges (python)', run.report.merge_s, { cpuSeconds: run.report.merge_cpu_s, peakRssMB });
      // Wall time only: the script times each merge with perf_counter (the CPU time is the three's).
      log.add('    pandas merge ledger ↔ payments (order id)', run.report.merge_ledger_payment_s);
      log.add('    pandas merge payments ↔ settlement lines (payment id)', run.report.merge_payment_line_s);
      log.add('    pandas merge bank ↔ settlement batches (UTR)', run.report.merge_bank_batch_s);
      pandasScores = scoreIndexPairs(dataset, run.pairs);
    } else {
      notes.push(`pandas comparison skipped: ${check.reason}`);
    }
  }

  await majorGcs.flush();
  majorGcs.stop();
  for (const p of log.phases) if (p.startedAt !== undefined && p.endedAt !== undefined) p.majorGcs = majorGcs.countBetween(p.startedAt, p.endedAt);
  console.log(`\n${phaseTable(log.phases)}`);
  console.log(
    `(full GCs: V8 mark-compact collections that started in the phase. In an engine run, one means V8 marked the whole heap, the caller's input records included, on a background thread whose CPU this process's CPU time counts${args.settleHeap ? '; --settle-heap: each engine run started after a full collection' : ''}.)`,
  );
  console.log('(peak RSS of a pandas row is the Python process\'s own; all other rows are this Node process.)');
  console.log(`\n${qualityTable([
    { name: 'engine', scores: engineQuality?.links },
    { name: 'engine exact-key', scores: exactKeyQuality?.links },
    { name: 'naive', scores: naiveScores?.links },
    { name: 'pandas', scores: pandasScores?.links },
  ])}`);
  if (engineQuality) {
    console.log(`\n${countsTable('engine', engineQuality.links)}`);
    console.log(`exact batches (bank credit ↔ all lines of its batch): ${engineQuality.exactBatches.exact} of ${engineQuality.exactBatches.reported} reported batches; pairs between unrelated sources: ${engineQuality.otherPairs}`);
    const kinds = ['matched', 'mismatched', 'unmatched', 'duplicate', 'suggested'] as const;
    console.log(`\n${table([['engine link', 'side', ...kinds], ...engineQuality.kinds.flatMap((k) => [[k.name, 'left', ...kinds.map((x) => String(k.left[x]))], ['', 'right', ...kinds.map((x) => String(k.right[x]))]])])}`);
    for (const c of engineQuality.confusion) {
      console.log(`\n${table([[`${c.link} · ${c.source}: expected`, ...kinds], ...Object.entries(c.matrix).map(([label, row]) => [label, ...kinds.map((x) => String(row[x]))])])}`);
    }
  }
  if (naiveScores) console.log(`\n${countsTable('naive', naiveScores.links)}`);
  const causes = (name: string, c: { L1: MissCauses; L3: MissCauses } | undefined): void => {
    if (!c) return;
    const line = (m: MissCauses): string => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(' · ') || 'none';
    console.log(`${name} L1 misses: ${line(c.L1)}\n${name} L3 misses: ${line(c.L3)}`);
  };
  console.log('');
  causes('engine', engineQuality?.missCauses);
  causes('naive', naiveScores?.missCauses);
  causes('pandas', pandasScores?.missCauses);
  if (profileSummary) {
    const rows = (r: ProfileSummary['byFile']): string[][] => r.map((x) => [x.name, x.ms.toFixed(0), `${(x.share * 100).toFixed(1)} %`]);
    console.log(`\nengine profile (one extra run under the sampling profiler, ${profileSummary.totalMs.toFixed(0)} ms sampled): self time by file`);
    console.log(table([['file', 'self ms', 'share'], ...rows(profileSummary.byFile)]));
    console.log(`\n${table([['function', 'self ms', 'share'], ...rows(profileSummary.byFunction)])}`);
  }
  for (const note of notes) console.log(`\nNOTE: ${note}`);

  if (args.json) {
    const replacer = (_: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);
    writeFileSync(
      args.json,
      JSON.stringify({ args, machine, stats: dataset.stats, phases: log.phases, engine: engineQuality, engineExactKey: exactKeyQuality, engineSummary, profile: profileSummary, naive: naiveScores, pandas: pandasScores ? { scores: pandasScores, report: pandasReport } : undefined, notes }, replacer, 2),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
