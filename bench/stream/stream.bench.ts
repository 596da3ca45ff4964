/**
 * Streaming reconciler benchmark (issue 3): feeds a generated dataset to `createReconciler` in
 * event-time order, one record at a time and in batches, and compares with the former design
 * (re-running the batch engine over every record on each arrival) on a smaller dataset in the same
 * run. Prints records/s, CPU time, RSS and the load average; checks that the streaming result
 * equals the batch result at the end.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source bench/stream/stream.bench.ts --orders 100000 --old-orders 1000
 *
 * Not a test: it asserts nothing about speed. docs/benchmarks.md records its figures.
 */
import { createReconciler, exportJson, indianPaymentsPreset, reconcile, type ReconConfig, type StandardTransaction } from '@recon/core';
import { loadavg } from 'node:os';
import { benchConfig } from '../engine/run-engine';
import { generateDataset } from '../generator/index';
import { machineInfo } from '../harness/machine';

interface Args {
  orders: number;
  oldOrders: number;
  seed: number;
  batch: number;
  /** Stop the old design after this many seconds of wall time (it is quadratic). */
  oldBudget: number;
  /** Stop the one-at-a-time run of the large dataset after this many seconds of wall time. */
  budget: number;
}

function parse(argv: readonly string[]): Args {
  const args: Args = { orders: 100_000, oldOrders: 1_000, seed: 1, batch: 500, oldBudget: 300, budget: 3_600 };
  const flags: Record<string, keyof Args> = { '--orders': 'orders', '--old-orders': 'oldOrders', '--seed': 'seed', '--batch': 'batch', '--old-budget': 'oldBudget', '--budget': 'budget' };
  for (let k = 0; k < argv.length; k += 2) {
    const key = flags[argv[k]!];
    const n = Number((argv[k + 1] ?? '').replaceAll('_', ''));
    if (!key || !Number.isSafeInteger(n) || n < 0) throw new Error(`usage: stream.bench.ts [--orders N] [--old-orders N] [--seed N] [--batch N] [--old-budget SECONDS] [--budget SECONDS]`);
    args[key] = n;
  }
  return args;
}

/** Every record of the dataset in event-time order (timestamp, then source and id): how a consumer would see them. */
function feed(orders: number, seed: number): StandardTransaction[] {
  const d = generateDataset({ orders, seed });
  const all = [...d.ledger, ...d.payments, ...d.settlementLines, ...d.bank];
  const at = new Map(all.map((t) => [t, Date.parse(t.timestamp)]));
  return all.sort((a, b) => at.get(a)! - at.get(b)! || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.txn_id < b.txn_id ? -1 : a.txn_id > b.txn_id ? 1 : 0));
}

interface Figures {
  label: string;
  records: number;
  wall: number;
  cpu: number;
  rssMB: number;
  events: number;
  load: number;
  note: string;
}

function measure(label: string, run: () => { records: number; events: number; note: string }): Figures {
  const load = loadavg()[0] ?? Number.NaN;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = run();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(cpu0);
  return { label, records: r.records, wall, cpu: (c.user + c.system) / 1e6, rssMB: process.memoryUsage().rss / 2 ** 20, events: r.events, load, note: r.note };
}

function incremental(config: ReconConfig, records: readonly StandardTransaction[], batch: number, budgetSeconds = Infinity) {
  const rec = createReconciler(config, { defaultWindowMs: 3 * 86_400_000 });
  let events = 0;
  rec.on(() => events++);
  const start = process.hrtime.bigint();
  let done = 0;
  for (; done < records.length; done += Math.max(1, batch)) {
    if (batch <= 1) rec.add(records[done]!);
    else rec.addMany(records.slice(done, done + batch));
    if (Number(process.hrtime.bigint() - start) / 1e9 > budgetSeconds) {
      done += Math.max(1, batch);
      break;
    }
  }
  return { rec, events, done: Math.min(done, records.length) };
}

/** The former design: keep every record, re-run the batch engine over all of them per arrival. */
function fullRerun(config: ReconConfig, records: readonly StandardTransaction[], budgetSeconds: number) {
  const kept: StandardTransaction[] = [];
  const start = process.hrtime.bigint();
  for (const t of records) {
    kept.push(t);
    reconcile(kept, config);
    if (Number(process.hrtime.bigint() - start) / 1e9 > budgetSeconds) break;
  }
  return kept.length;
}

function main(): void {
  const args = parse(process.argv.slice(2));
  const machine = machineInfo();
  const config = benchConfig({ reconcile, indianPaymentsPreset });
  console.log(`streaming reconciler, seed ${args.seed}; ${machine.cpus} CPUs (${machine.cpuModel}), affinity ${machine.affinity}, Node ${machine.node}, load ${machine.load1.toFixed(2)}`);
  const rows: Figures[] = [];
  const small = feed(args.oldOrders, args.seed);
  const big = feed(args.orders, args.seed);

  const checkEqual = (records: readonly StandardTransaction[], rec: ReturnType<typeof incremental>['rec']) =>
    exportJson(rec.result()) === exportJson(reconcile(records, config)) ? 'result = batch' : 'RESULT DIFFERS FROM BATCH';

  rows.push(
    measure(`old: full re-run per record, ${args.oldOrders} orders`, () => {
      const done = fullRerun(config, small, args.oldBudget);
      return { records: done, events: 0, note: done < small.length ? `stopped after ${args.oldBudget} s at ${done} of ${small.length} records` : '' };
    }),
  );
  let first: ReturnType<typeof incremental> | undefined;
  rows.push(
    measure(`new: one at a time, ${args.oldOrders} orders`, () => {
      first = incremental(config, small, 1);
      return { records: small.length, events: first.events, note: '' };
    }),
  );
  rows[rows.length - 1]!.note = checkEqual(small, first!.rec);
  first = undefined;
  for (const batch of [1, args.batch]) {
    let out: ReturnType<typeof incremental> | undefined;
    rows.push(
      measure(`new: ${batch === 1 ? 'one at a time' : `batches of ${batch}`}, ${args.orders} orders`, () => {
        out = incremental(config, big, batch, batch === 1 ? args.budget : Infinity);
        return { records: out.done, events: out.events, note: '' };
      }),
    );
    rows[rows.length - 1]!.note =
      out!.done < big.length ? `stopped after ${args.budget} s at ${out!.done} of ${big.length} records; ${checkEqual(big.slice(0, out!.done), out!.rec)}` : checkEqual(big, out!.rec);
    out = undefined;
  }
  console.log('\n| run | records | wall s | CPU s | records/s (wall) | RSS MB after | events | load at start | note |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${r.records.toLocaleString('en')} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${Math.round(r.records / r.wall).toLocaleString('en')} | ${Math.round(r.rssMB)} | ${r.events.toLocaleString('en')} | ${r.load.toFixed(2)} | ${r.note} |`,
    );
  }
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main();
