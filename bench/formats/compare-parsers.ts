/**
 * Statement parsers compared on the real corpus and on large inputs, in one run:
 * @recon/formats against mt940js, @centrapay/swift-parser, mt940-js, iso20022.js and camt-parser.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source bench/formats/compare-parsers.ts [--runs 5] [--mb 20] [--only NAME] [--files-out FILE]
 *
 * Pin it to one core for the issue's figures: `taskset -c 0 node_modules/.bin/tsx …`. `--only @recon`
 * times just the adapters whose name starts with NAME (correctness and the common file set still
 * come from every library); `--files-out` writes the common MT940 file list, for profiling one
 * worker by hand (`BENCH_FILES=… node --cpu-prof … --worker '@recon/formats' big 20 3`).
 *
 * 1. Correctness: every corpus statement file through every library that claims its format; a file
 *    counts as correct when the statement count and every entry amount and sign equal the
 *    manifest's neutral raw scan.
 * 2. Speed: each (library, workload) in a fresh process, 2 warm-up passes, median of N timed runs,
 *    from bytes in memory to the library's result. "One big file" is the files every library of
 *    that format reads correctly, concatenated to the target size; "many small files" parses the
 *    same files one by one until the same number of bytes has gone through. For @recon/formats the
 *    big MT940 file is also read through `iterateStatementFile` (worker workload `big-stream`): the
 *    same amounts read, each statement dropped once read, so its row shows speed and peak RSS
 *    without the result retained.
 * Prints a Markdown report.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS_DIR, CORPUS_PRESENT, canonicalDecimal, loadManifest, moneyDecimal, type CorpusFile } from '../../packages/formats/src/corpus.test-helper';
import { iterateStatementFile, parseStatementFile } from '@recon/formats';

type Amounts = string[][];
type Adapter = {
  name: string;
  formats: ReadonlyArray<CorpusFile['format']>;
  parse: (bytes: Buffer) => Amounts | Promise<Amounts>;
  /** The same work through a streaming reader that keeps no result: the number of entries seen. */
  stream?: (bytes: Buffer) => number;
};

const require = (await import('node:module')).createRequire(import.meta.url);

/** Competitors hand back JS numbers; String() gives their shortest round-trip text, compared as a decimal. */
const num = (n: number | string) => canonicalDecimal(String(n));
const negate = (d: string) => (d === '0' ? d : d.startsWith('-') ? d.slice(1) : `-${d}`);
const minorToDecimal = (minor: number, exponent: number) => {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return canonicalDecimal(minor < 0 ? `-${text}` : text);
};

const adapters: Adapter[] = [
  {
    name: '@recon/formats',
    formats: ['mt940', 'mt942', 'camt052', 'camt053', 'camt054'],
    parse: (bytes) => parseStatementFile(bytes).statements.map((s) => s.entries.map((e) => moneyDecimal(e.amount))),
    // Each amount read as a decimal, as above, but each statement dropped once read.
    stream: (bytes) => {
      let entries = 0;
      for (const s of iterateStatementFile(bytes)) for (const e of s.entries) entries += moneyDecimal(e.amount).length > 0 ? 1 : 0;
      return entries;
    },
  },
  {
    name: 'mt940js 1.3.5',
    formats: ['mt940', 'mt942'],
    parse: (bytes) => {
      const { Parser } = require('mt940js') as { Parser: new () => { parse(text: string): Array<{ transactions: Array<{ amount: number }> }> } };
      return new Parser().parse(bytes.toString('utf8')).map((s) => s.transactions.map((t) => num(t.amount)));
    },
  },
  {
    name: '@centrapay/swift-parser 1.0.1',
    formats: ['mt940', 'mt942'],
    parse: (bytes) => {
      const parser = require('@centrapay/swift-parser') as { parse(o: { type: string; data: string }): Array<{ transactions: Array<{ amount: { toString(): string } }> }> };
      const text = bytes.toString('utf8');
      const type = /:(13D|34F):/.test(text) ? 'mt942' : 'mt940';
      return parser.parse({ type, data: text }).map((s) => s.transactions.map((t) => canonicalDecimal(t.amount.toString())));
    },
  },
  {
    name: 'mt940-js 1.0.0',
    formats: ['mt940', 'mt942'],
    parse: async (bytes) => {
      const { read } = require('mt940-js') as { read(b: Buffer): Promise<Array<{ transactions: Array<{ amount: number; isCredit: boolean }> }>> };
      return (await read(bytes)).map((s) => s.transactions.map((t) => (t.isCredit ? num(t.amount) : negate(num(t.amount)))));
    },
  },
  {
    name: 'iso20022.js 0.0.15',
    formats: ['camt053'],
    parse: async (bytes) => {
      const { CashManagementEndOfDayReport } = (await import('iso20022.js')) as unknown as {
        CashManagementEndOfDayReport: { fromXML(xml: string): { statements: Array<{ entries: Array<{ amount: number; currency: string; creditDebitIndicator: string }> }> } };
      };
      const { currencyExponent } = await import('@recon/core');
      return CashManagementEndOfDayReport.fromXML(bytes.toString('utf8')).statements.map((s) =>
        s.entries.map((e) => {
          const d = minorToDecimal(e.amount, currencyExponent(e.currency));
          return e.creditDebitIndicator === 'debit' ? negate(d) : d;
        }),
      );
    },
  },
  {
    name: 'camt-parser 1.1.0',
    formats: ['camt053'],
    parse: async (bytes) => {
      const { parseCamt053 } = require('camt-parser') as { parseCamt053(xml: string): Promise<{ statements: Array<{ transactions: Array<{ amount: { value: string }; creditDebitIndicator: string }> }> }> };
      return (await parseCamt053(bytes.toString('utf8'))).statements.map((s) => s.transactions.map((t) => (t.creditDebitIndicator === 'DBIT' ? negate(canonicalDecimal(t.amount.value)) : canonicalDecimal(t.amount.value))));
    },
  },
];

function expected(entry: CorpusFile): Amounts {
  return entry.raw_scan.messages ? entry.raw_scan.messages.map((m) => m.amounts.map(canonicalDecimal)) : (entry.raw_scan.records ?? []).map((r) => r.amounts.map(canonicalDecimal));
}

async function check(adapter: Adapter, entry: CorpusFile, bytes: Buffer): Promise<'correct' | 'wrong' | 'failed'> {
  try {
    const got = await adapter.parse(bytes);
    return JSON.stringify(got) === JSON.stringify(expected(entry)) ? 'correct' : 'wrong';
  } catch {
    return 'failed';
  }
}

// ---------------------------------------------------------------- worker: one timed workload

async function worker(name: string, workload: string, mb: number, runs: number): Promise<void> {
  const adapter = adapters.find((a) => a.name === name) as Adapter;
  const files = (JSON.parse(process.env.BENCH_FILES ?? '[]') as string[]).map((f) => readFileSync(resolve(CORPUS_DIR, f)));
  const target = mb * 1e6;
  let inputs: Buffer[];
  if (workload === 'big' || workload === 'big-stream') {
    // MT940 files concatenate into one valid file; camt is one document, so its entries are multiplied.
    if (files[0]?.toString('latin1', 0, 400).includes('<')) inputs = [bigCamt(files[0] as Buffer, target)];
    else {
      const parts: Buffer[] = [];
      let size = 0;
      while (size < target) {
        for (const f of files) {
          parts.push(f, Buffer.from('\r\n'));
          size += f.length + 2;
        }
      }
      inputs = [Buffer.concat(parts)];
    }
  } else {
    inputs = [];
    let size = 0;
    while (size < target) {
      for (const f of files) {
        inputs.push(f);
        size += f.length;
      }
    }
  }
  const bytes = inputs.reduce((n, b) => n + b.length, 0);
  const stream = adapter.stream;
  const pass =
    workload === 'big-stream' && stream
      ? () => {
          for (const input of inputs) stream(input);
        }
      : async () => {
          for (const input of inputs) await adapter.parse(input);
        };
  await pass();
  await pass();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await pass();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
  process.stdout.write(
    JSON.stringify({ bytes, wallMBps: mbps(median(wall)), minMBps: mbps(Math.max(...wall)), maxMBps: mbps(Math.min(...wall)), cpuMBps: mbps(median(cpu)), peakRssMB: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** A camt.053 of about `target` bytes: the file's entries repeated inside its statement. */
function bigCamt(file: Buffer, target: number): Buffer {
  const text = file.toString('utf8');
  const open = text.indexOf('<Ntry>');
  const close = text.lastIndexOf('</Ntry>') + '</Ntry>'.length;
  const block = text.slice(open, close);
  const copies = Math.max(1, Math.ceil((target - text.length) / Buffer.byteLength(block)));
  return Buffer.concat([Buffer.from(text.slice(0, open)), ...Array.from({ length: copies }, () => Buffer.from(block)), Buffer.from(text.slice(close))]);
}

// ---------------------------------------------------------------- orchestrator

async function main(): Promise<void> {
  if (!CORPUS_PRESENT) throw new Error(`corpus not found at ${CORPUS_DIR}`);
  const args = process.argv.slice(2);
  const option = (flag: string, fallback: number) => Number(args[args.indexOf(flag) + 1] ?? fallback) || fallback;
  const runs = option('--runs', 5);
  const mb = option('--mb', 20);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const filesOut = args.includes('--files-out') ? args[args.indexOf('--files-out') + 1] : undefined;
  const manifest = loadManifest().filter((e) => e.kind === 'statement file' || e.kind === 'balances-only/empty');
  const lines: string[] = [];
  lines.push(`Node ${process.version}; ${runs} timed runs after 2 warm-ups, fresh process per library and workload; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} at start.`, '');

  // Correctness.
  const results = new Map<string, Map<string, string>>();
  for (const adapter of adapters) {
    const perFile = new Map<string, string>();
    for (const entry of manifest) {
      if (!adapter.formats.includes(entry.format)) continue;
      perFile.set(entry.file, await check(adapter, entry, readFileSync(resolve(CORPUS_DIR, entry.file))));
    }
    results.set(adapter.name, perFile);
  }
  const groups: Array<[string, ReadonlyArray<CorpusFile['format']>]> = [
    ['MT940', ['mt940']],
    ['MT942', ['mt942']],
    ['camt.053', ['camt053']],
    ['camt.052', ['camt052']],
    ['camt.054', ['camt054']],
  ];
  lines.push('### Correct on the corpus (statement count, every amount and sign as in the raw scan)', '');
  lines.push(`| library | ${groups.map(([g, f]) => `${g} (${manifest.filter((e) => f.includes(e.format)).length} files)`).join(' | ')} |`);
  lines.push(`|---|${groups.map(() => '---').join('|')}|`);
  for (const adapter of adapters) {
    const perFile = results.get(adapter.name) as Map<string, string>;
    const cells = groups.map(([, formats]) => {
      const files = manifest.filter((e) => formats.includes(e.format));
      if (!formats.some((f) => adapter.formats.includes(f))) return '–';
      const correct = files.filter((e) => perFile.get(e.file) === 'correct').length;
      const wrong = files.filter((e) => perFile.get(e.file) === 'wrong').length;
      const failed = files.filter((e) => perFile.get(e.file) === 'failed').length;
      return `${correct} correct${wrong ? `, ${wrong} wrong` : ''}${failed ? `, ${failed} rejected/crashed` : ''}`;
    });
    lines.push(`| ${adapter.name} | ${cells.join(' | ')} |`);
  }
  lines.push('');

  // Speed.
  const speedTable = (title: string, formats: ReadonlyArray<CorpusFile['format']>, contenders: Adapter[], workloads: Array<[string, string]>) => {
    const common = manifest.filter((e) => formats.includes(e.format) && contenders.every((a) => results.get(a.name)?.get(e.file) === 'correct')).map((e) => e.file);
    lines.push(`### ${title}: ${common.length} corpus files every library below reads correctly`, '');
    if (filesOut && formats[0] === 'mt940') writeFileSync(filesOut, JSON.stringify(common));
    lines.push('| library | workload | MB/s (median [slowest–fastest]) | MB/s of CPU time | peak RSS MB |', '|---|---|---|---|---|');
    for (const [workload, label] of workloads) {
      for (const adapter of contenders) {
        if (only !== undefined && !adapter.name.startsWith(only)) continue;
        if (workload === 'big-stream' && !adapter.stream) continue;
        const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--worker', adapter.name, workload, String(mb), String(runs)], {
          env: { ...process.env, BENCH_FILES: JSON.stringify(workload !== 'small' && formats[0] === 'camt053' ? [biggestCamt(common)] : common) },
          maxBuffer: 1 << 20,
        }).toString();
        const r = JSON.parse(out) as { bytes: number; wallMBps: number; minMBps: number; maxMBps: number; cpuMBps: number; peakRssMB: number };
        lines.push(`| ${adapter.name} | ${label} (${(r.bytes / 1e6).toFixed(1)} MB) | ${r.wallMBps.toFixed(1)} [${r.minMBps.toFixed(1)}–${r.maxMBps.toFixed(1)}] | ${r.cpuMBps.toFixed(1)} | ${r.peakRssMB.toFixed(0)} |`);
      }
    }
    lines.push('');
  };
  const byName = (...names: string[]) => adapters.filter((a) => names.some((n) => a.name.startsWith(n)));
  speedTable('MT940', ['mt940'], byName('@recon', 'mt940js', '@centrapay', 'mt940-js'), [
    ['big', 'one big file'],
    ['big-stream', 'one big file, streaming (`iterateStatementFile`, result not retained)'],
    ['small', 'many small files'],
  ]);
  speedTable('camt.053', ['camt053'], byName('@recon', 'iso20022', 'camt-parser'), [
    ['small', 'many small files'],
    ['big', 'one big file'],
  ]);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function biggestCamt(files: string[]): string {
  return [...files].sort((a, b) => readFileSync(resolve(CORPUS_DIR, b)).length - readFileSync(resolve(CORPUS_DIR, a)).length)[0] as string;
}

const workerAt = process.argv.indexOf('--worker');
if (workerAt >= 0) {
  const [name, workload, mb, runs] = process.argv.slice(workerAt + 1) as [string, string, string, string];
  await worker(name, workload, Number(mb), Number(runs));
} else {
  await main();
}
