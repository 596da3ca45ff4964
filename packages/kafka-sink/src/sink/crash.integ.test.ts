import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startSampleLedgerSandbox } from '@recon/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEADERS } from '../message/headers';
import { brokers, createTopics, describeEachAdapter, readCommitted, readUncommitted, testKafka, unique } from '../test-support/kafka-env';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const CHILD = join(import.meta.dirname, '..', 'test-support', 'crash-child.ts');
const RECORDS = 50_000;
const KILLS = 6;

/** Small seeded PRNG (mulberry32): the kill points of a failing run can be replayed with its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

interface RunResult {
  killed: boolean;
  code: number | null;
  batches: number;
  done?: string;
  stderr: string;
}

describeEachAdapter('crash test: SIGKILL at random points during an exactly-once sync of 50 000 records', ({ name, port: makePort }) => {
  const port = makePort();
  let sandbox: Awaited<ReturnType<typeof startSampleLedgerSandbox>>;

  // The sandbox lives in this (parent) process, so it outlives every killed child.
  beforeAll(async () => {
    sandbox = await startSampleLedgerSandbox({ seed: 50, count: RECORDS });
  });
  afterAll(() => sandbox?.close());

  it('ends with exactly the 50 000 records in Kafka: none twice, none missing', async () => {
    const seed = Number(process.env.RECON_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const names = { dataTopic: unique('crash_txns'), deadLetterTopic: unique('crash-dlq'), cursorTopic: unique('crash-cursors'), sinkId: unique('crash') };
    await createTopics(port, [{ topic: names.dataTopic, partitions: 3 }, { topic: names.deadLetterTopic }, { topic: names.cursorTopic, config: { 'cleanup.policy': 'compact' } }]);
    const env = { ...process.env, RECON_CRASH_CHILD: JSON.stringify({ client: name, brokers, url: sandbox.url, apiKey: sandbox.credentials.apiKey, pageSize: 100, ...names }) };

    const runOnce = (killPlan: { afterBatches?: number; afterMs?: number; jitterMs: number } | undefined) =>
      new Promise<RunResult>((resolveRun, reject) => {
        // node itself with tsx as a loader: the `tsx` CLI would run the script in a grandchild
        // that survives the SIGKILL (a real zombie, which the sink catches, but not this test's point).
        const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@recon/source', CHILD], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        const result: RunResult = { killed: false, code: null, batches: 0, stderr: '' };
        const kill = () => {
          if (result.killed || child.exitCode !== null) return;
          result.killed = true;
          child.kill('SIGKILL');
        };
        let timer: NodeJS.Timeout | undefined;
        if (killPlan?.afterMs !== undefined) timer = setTimeout(kill, killPlan.afterMs);
        let buffered = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            if (line.startsWith('batch ')) {
              result.batches += 1;
              // A few milliseconds after an acknowledged batch: the next transaction is in flight.
              if (killPlan?.afterBatches !== undefined && result.batches === killPlan.afterBatches) setTimeout(kill, killPlan.jitterMs);
            } else if (line.startsWith('done ')) result.done = line.slice(5);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
        child.once('error', reject);
        child.once('exit', (code) => {
          clearTimeout(timer);
          result.code = code;
          resolveRun(result);
        });
      });

    const runs: RunResult[] = [];
    const totalBatches = RECORDS / 100;
    for (let attempt = 0; attempt < KILLS + 10; attempt++) {
      const planKill = runs.filter((r) => r.killed).length < KILLS;
      const remaining = totalBatches - runs.reduce((n, r) => n + r.batches, 0);
      // Mostly kill mid-sync (after some transactions, 0–40 ms into the next); sometimes while it starts up or restores.
      const plan = planKill
        ? random.next() < 0.25
          ? { afterMs: random.int(200, 1200), jitterMs: 0 }
          : { afterBatches: random.int(1, Math.max(1, Math.min(60, remaining - 10))), jitterMs: random.int(0, 40) }
        : undefined;
      const result = await runOnce(plan);
      runs.push(result);
      if (!result.killed && result.code === 0) break;
      // Only a kill may end a run early: anything else is a failure to show.
      if (!result.killed) throw new Error(`child failed (exit ${result.code}, seed ${seed}): ${result.done ?? ''}\n${result.stderr.slice(-3000)}`);
    }
    const summary = `seed ${seed}: ${runs.length} runs, SIGKILLs after ${runs.map((r) => (r.killed ? r.batches : `(${r.batches} done)`)).join(', ')} batches`;
    process.stderr.write(`[crash test, ${name}] ${summary}\n`);
    const last = runs.at(-1);
    expect(last?.killed, `seed ${seed}`).toBe(false);
    expect(last?.code, `seed ${seed}: ${last?.stderr}`).toBe(0);
    expect(runs.filter((r) => r.killed).length, summary).toBe(KILLS);

    const messages = await readCommitted(port, [names.dataTopic]);
    const ids = messages.map((m) => m.headers[HEADERS.txnId] ?? '');
    const unique_ = new Set(ids);
    const expected = new Set(sandbox.dataset.validIds);
    const missing = [...expected].filter((id) => !unique_.has(id));
    expect({ seed, total: ids.length, duplicates: ids.length - unique_.size, missing: missing.length }).toEqual({ seed, total: RECORDS, duplicates: 0, missing: 0 });

    // How many records the kills left in aborted transactions (hidden from read_committed readers).
    const everything = await readUncommitted(testKafka(), names.dataTopic);
    process.stderr.write(`[crash test, ${name}] ${everything.length - ids.length} records of aborted transactions hidden from read_committed\n`);
  }, 300_000);
});
