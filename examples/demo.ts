/**
 * The demo: one business day of an Indian online shop, reconciled end to end. No credentials, no
 * network beyond 127.0.0.1.
 *
 *   npm run demo                 (from the repository root; sets up on first use)
 *   npm run demo -- --kafka      (the same flow through a real Kafka broker)
 *
 * It starts the Razorpay, ICICI, HDFC and SBI sandboxes and an SFTP server in-process, loaded
 * with one seeded scenario (examples/demo/scenario.ts) that has deliberate breaks; syncs the day
 * from every source through its real connector (surviving a 429, a 503 and a dropped
 * connection); reconciles ledger ↔ Razorpay payments ↔ settlement recon ↔ bank statements;
 * prints a summary; and writes reports/demo/{report.html, report.json, outcomes.csv}.
 *
 * Options: --out=<dir> (default reports/demo), --seed=<n>, --kafka (RECON_KAFKA_BROKERS=host:port
 * uses a running broker; otherwise the project's own broker is started and stopped).
 */
import { join, resolve } from 'node:path';
import { runDemo } from './demo/run-demo';
import { memoryTransport } from './demo/transport';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outDir = resolve(arg('out') ?? join(process.cwd(), 'reports', 'demo'));
const seed = arg('seed');

async function main(): Promise<void> {
  const kafka = process.argv.includes('--kafka');
  process.stdout.write(`@recon demo: ${kafka ? 'through Kafka' : 'in memory'}\n`);
  if (kafka) {
    const { runKafkaDemo } = await import('./demo/kafka-demo');
    await runKafkaDemo({ outDir, ...(seed !== undefined && { seed: Number.parseInt(seed, 10) }) });
    return;
  }
  const transport = memoryTransport();
  try {
    await runDemo({ outDir, transport, ...(seed !== undefined && { seed: Number.parseInt(seed, 10) }) });
  } finally {
    await transport.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
