import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandardTransaction } from '@recon/core';
import type { Dataset } from '../generator/index';
import type { IndexPairs } from './index-pairs';

const SCRIPT = join(import.meta.dirname, 'pandas-merge.py');

/** Whether the pandas baseline can run here, and why not. */
export type PandasCheck = { available: true; version: string } | { available: false; reason: string };

/** Checks for `python3` with pandas and numpy, without installing anything. */
export function checkPandas(python = 'python3'): PandasCheck {
  const run = spawnSync(python, ['-c', 'import pandas, numpy; print(pandas.__version__)'], { encoding: 'utf8' });
  if (run.error) return { available: false, reason: `${python} not runnable: ${run.error.message}` };
  if (run.status !== 0) return { available: false, reason: `${python} cannot import pandas/numpy: ${run.stderr.trim().split('\n').at(-1) ?? ''}` };
  return { available: true, version: run.stdout.trim() };
}

/** Timings the Python side reports (seconds), plus where its pairs are. */
export interface PandasReport {
  pandas: string;
  numpy: string;
  python: string;
  load_s: number;
  load_cpu_s: number;
  prep_s: number;
  prep_cpu_s: number;
  merge_ledger_payment_s: number;
  merge_payment_line_s: number;
  merge_bank_batch_s: number;
  merge_s: number;
  merge_cpu_s: number;
  /** Total merge time of every run, when repeated. */
  merge_runs_s: number[];
  rows: { ledger_payment: number; payment_line: number; bank_batch: number };
  max_rss_mb: number;
}

/** What {@link runPandasMerge} returns. */
export interface PandasResult {
  report: PandasReport;
  pairs: IndexPairs;
  /** Seconds spent writing the CSV files (not part of any pandas figure). */
  writeSeconds: number;
}

/** Writes one CSV through a buffer of lines, so a million rows never become one giant string. */
function writeCsv(path: string, header: string, records: Iterable<StandardTransaction>, row: (r: StandardTransaction) => string): void {
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [header];
    for (const r of records) {
      chunk.push(row(r));
      if (chunk.length >= 50_000) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}

function readPairs(path: string): Int32Array {
  const bytes = readFileSync(path);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/**
 * Runs the exact-key stage in pandas on the same data: writes the key columns to CSV in a temporary
 * directory, lets `pandas-merge.py` load them and time its merges, and reads back the matched row
 * positions for scoring. The directory is removed afterwards. `repeat` runs the merges that often
 * and reports the fastest.
 */
export function runPandasMerge(dataset: Dataset, python = 'python3', repeat = 1): PandasResult {
  const dir = mkdtempSync(join(tmpdir(), 'recon-bench-'));
  try {
    const started = performance.now();
    // Keys only: no field in these files contains a comma or a quote.
    // Two columns even where one would do: pandas skips blank lines, so a lone empty key would shift rows.
    writeCsv(join(dir, 'ledger.csv'), 'ledger_id,order_id', dataset.ledger, (r) => `${r.txn_id},${r.references.order_id ?? ''}`);
    writeCsv(join(dir, 'payments.csv'), 'payment_id,order_id', dataset.payments, (r) => `${r.txn_id},${r.references.order_id ?? ''}`);
    writeCsv(join(dir, 'settlement.csv'), 'payment_id,settlement_id,utr', dataset.settlementLines, (r) => `${r.references.payment_id ?? ''},${r.references.settlement_id ?? ''},${r.references.utr ?? ''}`);
    writeCsv(join(dir, 'bank.csv'), 'direction,narration', dataset.bank, (r) => `${r.direction},"${r.description ?? ''}"`);
    const writeSeconds = (performance.now() - started) / 1000;
    const run = spawnSync(python, [SCRIPT, dir, String(repeat)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`pandas-merge.py failed (exit ${String(run.status)}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as PandasReport;
    return {
      report,
      writeSeconds,
      pairs: {
        ledgerPayment: readPairs(join(dir, 'ledger-payment.pairs')),
        paymentLine: readPairs(join(dir, 'payment-line.pairs')),
        bankLine: readPairs(join(dir, 'bank-line.pairs')),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
