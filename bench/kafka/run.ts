/**
 * Kafka producer benchmark: messages per second on loopback, @recon/kafka-sink (plain idempotent
 * and exactly-once) against Debian's `kcat` (librdkafka) producing the same messages in the same
 * run, on the project's single-node Apache Kafka 4.x broker. Not a test: it prints figures.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source bench/kafka/run.ts [--messages=100000] [--rounds=3]
 *
 * Needs Java 17 + Maven (the broker) and kcat (`apt-get install -y kcat`). RECON_KAFKA_BROKERS
 * points it at a running broker instead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTransaction, type StandardTransaction } from '@recon/core';
import { createLedgerDataset, mapLedgerRow } from '@recon/core/testing';
import { startBroker, stopBroker, type BrokerState } from '../../scripts/kafka/broker.mjs';
import { createKafkaJsPort, createKafkaSink, createTransactionalKafkaSink, defaultPartitionKey, encodeTransaction, type KafkaPort } from '../../packages/kafka-sink/src/index';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const MESSAGES = arg('messages', 100_000);
const ROUNDS = arg('rounds', 3);
const BATCH = 1000; // records per sink write (a checkpoint): one transaction in exactly-once mode
const PARTITIONS = 3;
const say = (line = '') => process.stdout.write(line + '\n');

function transactions(n: number): StandardTransaction[] {
  const dataset = createLedgerDataset({ seed: 'kafka-bench', count: n });
  return dataset.entries.map((e) => parseTransaction(mapLedgerRow(e.row)));
}

async function createTopic(port: KafkaPort, topic: string, config?: Record<string, string>) {
  const admin = port.admin();
  await admin.connect();
  await admin.createTopics([{ topic, partitions: PARTITIONS, replicationFactor: 1, ...(config && { config }) }]);
  await admin.disconnect();
}

async function countCommitted(port: KafkaPort, topic: string): Promise<number> {
  let n = 0;
  await port.readToEnd(topic, () => void (n += 1), { timeoutMs: 120_000 });
  return n;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}

async function main() {
  let broker: BrokerState | undefined;
  const external = process.env.RECON_KAFKA_BROKERS;
  if (!external) broker = await startBroker({ log: (l) => process.stderr.write(l + '\n') });
  const bootstrap = external ?? broker!.bootstrap;
  const port = createKafkaJsPort({ kafka: { clientId: 'bench', brokers: [bootstrap] } });
  const dir = mkdtempSync(join(tmpdir(), 'recon-kafka-bench-'));
  try {
    const txns = transactions(MESSAGES);
    // The same messages for kcat: key<TAB>value per line (JSON has no raw tabs or newlines).
    const file = join(dir, 'messages.tsv');
    writeFileSync(file, txns.map((t) => `${defaultPartitionKey(t)}\t${encodeTransaction(t, defaultPartitionKey).value}`).join('\n') + '\n');
    const bytes = txns.reduce((n, t) => n + Buffer.byteLength(JSON.stringify(t)), 0);
    say(`Kafka ${broker?.version ?? '(external)'} on ${bootstrap}; ${MESSAGES} messages, average ${Math.round(bytes / MESSAGES)} bytes; ${PARTITIONS} partitions; ${cpus().length} cores; ${ROUNDS} rounds`);

    const scenarios: Array<{ name: string; run: (topic: string) => Promise<void>; topicConfig?: Record<string, string> }> = [
      {
        name: 'kcat (librdkafka, idempotent, acks=all)',
        // Static headers of the same size as the sink's per-message ones.
        run: (topic) =>
          run('kcat', ['-P', '-b', bootstrap, '-t', topic, '-K', '\t', '-l', '-X', 'enable.idempotence=true', '-H', 'recon-source=sample-ledger', '-H', 'recon-schema-version=1', '-H', 'content-type=application/json', '-H', 'recon-txn-id=ltx_0000000000000', '-H', 'recon-stream=bench', file]),
      },
      {
        name: `createKafkaSink (idempotent, acks=all, ${BATCH}/write)`,
        run: async (topic) => {
          const sink = createKafkaSink({ kafka: port, topicFor: () => topic });
          for (let i = 0; i < txns.length; i += BATCH) await sink.write({ stream: 'bench', records: txns.slice(i, i + BATCH), invalid: [] });
          await sink.close();
        },
      },
      {
        name: `createTransactionalKafkaSink (exactly-once, ${BATCH}/transaction + cursor)`,
        run: async (topic) => {
          const cursorTopic = `${topic}-cursors`;
          await createTopic(port, cursorTopic, { 'cleanup.policy': 'compact' });
          const sink = createTransactionalKafkaSink({ kafka: port, topicFor: () => topic, cursorTopic, sinkId: topic });
          await sink.loadCursor('bench');
          for (let i = 0; i < txns.length; i += BATCH) await sink.write({ stream: 'bench', records: txns.slice(i, i + BATCH), invalid: [], cursor: { at: i + BATCH } });
          await sink.close();
        },
      },
    ];

    const rates = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of scenarios) {
        const topic = `bench-${round}-${scenarios.indexOf(scenario)}-${Date.now()}`;
        await createTopic(port, topic);
        const started = process.hrtime.bigint();
        await scenario.run(topic);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const count = await countCommitted(port, topic);
        if (count !== MESSAGES) throw new Error(`${scenario.name}: ${count} messages committed, expected ${MESSAGES}`);
        const rate = MESSAGES / seconds;
        rates.get(scenario.name)!.push(rate);
        say(`  round ${round}: ${scenario.name}: ${seconds.toFixed(2)} s, ${Math.round(rate)} msg/s`);
      }
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const kcat = median(rates.get(scenarios[0]!.name)!);
    say('');
    say('| producer | messages/s (median) | vs kcat | target |');
    say('|---|---:|---:|---|');
    scenarios.forEach((s, i) => {
      const m = median(rates.get(s.name)!);
      const target = i === 0 ? '' : i === 1 ? '≥ 0.50' : '≥ 0.25';
      say(`| ${s.name} | ${Math.round(m).toLocaleString('en-US')} | ${(m / kcat).toFixed(2)} | ${target} |`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (broker) await stopBroker(broker.runDir);
  }
}

await main();
