/**
 * Benchmark: page 100 000 payments from the sandbox (no rate limit) through the connector, each
 * mapped and validated against the standard schema, end to end over real HTTP on 127.0.0.1.
 * Target: at least 20 000 payments/s on one core.
 *
 * The sandbox runs in a child process, as the real API would be elsewhere, so the figures are the
 * connector's own: wall-clock rate, and payments per CPU-second of this process (which other load
 * on a shared machine does not distort). Exits 1 when a payment is missing or the CPU-time rate is
 * below target.
 *
 *   pnpm exec tsx --conditions=@recon/source bench/razorpay/paging.ts [--payments=100000]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { razorpay } from '@recon/razorpay';

const count = Number(process.argv.find((a) => a.startsWith('--payments='))?.slice(11) ?? 100_000);
const TARGET = 20_000;
const root = resolve(import.meta.dirname, '../..');

const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['--conditions=@recon/source', resolve(import.meta.dirname, 'serve-sandbox.ts'), `--payments=${count}`], { stdio: ['pipe', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const sandbox = JSON.parse(line) as { url: string; keyId: string; keySecret: string; start: number; now: number };
try {
  const connector = razorpay({ keyId: sandbox.keyId, keySecret: sandbox.keySecret, baseUrl: sandbox.url, streams: ['payments'] });
  const iso = (unix: number) => new Date(unix * 1000).toISOString();
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let records = 0;
  let invalid = 0;
  let checkpoints = 0;
  for await (const message of connector.read({ from: iso(sandbox.start), to: iso(sandbox.now) })) {
    if (message.type === 'record') records += 1;
    else if (message.type === 'invalid') invalid += 1;
    else checkpoints += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rate = Math.round(records / seconds);
  const cpuRate = Math.round(records / cpuSeconds);
  process.stdout.write(
    `read: ${records} payments (${invalid} invalid, ${checkpoints} checkpoints) in ${seconds.toFixed(2)} s, ${cpuSeconds.toFixed(2)} CPU-s\n` +
      `rate: ${rate} payments/s wall clock; ${cpuRate} payments per CPU-second (target ${TARGET})\n`,
  );
  if (records !== count || cpuRate < TARGET) process.exitCode = 1;
} finally {
  child.stdin.end();
  await once(child, 'exit');
}
