/**
 * Kafka producer benchmark: messages per second on loopback, @recon/kafka-sink (plain idempotent
 * and exactly-once, on each client adapter: kafkajs, librdkafka and librdkafka-batch) against Debian's `kcat`
 * (librdkafka) producing the same messages in the same run, on the project's single-node Apache
 * Kafka 4.x broker. Not a test: it prints figures.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source bench/kafka/run.ts [--messages=100000] [--rounds=3] [--clients=kafkajs,librdkafka]
 *
 * `--clients=librdkafka` runs both librdkafka adapters (`createRdKafkaPort` and
 * `createRdKafkaBatchPort`); `--clients=librdkafka-batch` only the second.
 *
 * Needs Java 17 + Maven (the broker), kcat (`apt-get install -y kcat`) and the librdkafka binding
 * and batch producer addon (`node packages/kafka-sink/scripts/build-librdkafka.mjs`; without them
 * their rows are left out). RECON_KAFKA_BROKERS points it at a running broker instead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTransaction, type StandardTransaction } from '@recon/core';
import { createLedgerDataset, mapLedgerRow } from '@recon/core/testing';
import { startBroker, stopBroker, type BrokerState } from '../../scripts/kafka/broker.mjs';
import {
  createKafkaJsPort,
  createKafkaSink,
  createRdKafkaBatchPort,
  createRdKafkaPort,
  createTransactionalKafkaSink,
  defaultPartitionKey,
  encodeTransaction,
  type KafkaPort,
} from '../../packages/kafka-sink/src/index';
import { requestsOf } from '../../packages/kafka-sink/src/message/chunk';
import { loadNativeBatchProducer } from '../../packages/kafka-sink/src/rdkafka-batch/native-addon';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const MESSAGES = arg('messages', 100_000);
const ROUNDS = arg('rounds', 3);
/** `--clients=librdkafka` leaves the kafkajs rows out (default: both adapters). */
const CLIENTS = (process.argv.find((a) => a.startsWith('--clients='))?.split('=')[1] ?? 'kafkajs,librdkafka').split(',');
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

/** Runs a command under /usr/bin/time; resolves with its CPU time (user + system) in seconds. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'recon-cpu %U %S', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      const cpu = /recon-cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code === 0 && cpu) resolve(Number(cpu[1]) + Number(cpu[2]));
      else reject(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** CPU seconds (user + system, all threads: the clients' native threads included) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

/**
 * CPU seconds of the JavaScript (main) thread alone, from Linux's per-thread accounting
 * (`/proc/self/task/<pid>/stat`, clock ticks of 10 ms): the thread a sink's rate is bound by when
 * librdkafka's threads have the other core. NaN where there is no /proc.
 */
const mainThreadCpu = () => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15 of stat)
  } catch {
    return Number.NaN;
  }
};

async function main() {
  let broker: BrokerState | undefined;
  const external = process.env.RECON_KAFKA_BROKERS;
  if (!external) broker = await startBroker({ log: (l) => process.stderr.write(l + '\n') });
  const bootstrap = external ?? broker!.bootstrap;
  const port = createKafkaJsPort({ kafka: { clientId: 'bench', brokers: [bootstrap] } });
  const rdkafka = createRdKafkaPort({ clientId: 'bench', brokers: [bootstrap] });
  const rdkafkaLoads = await (async () => {
    const admin = rdkafka.admin();
    try {
      await admin.connect(); // loads the native module
      await admin.disconnect();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'KAFKA_CLIENT_MISSING') return false;
      throw error;
    }
  })();
  const batchLoads = (() => {
    try {
      loadNativeBatchProducer();
      return true;
    } catch {
      return false;
    }
  })();
  const dir = mkdtempSync(join(tmpdir(), 'recon-kafka-bench-'));
  try {
    const txns = transactions(MESSAGES);
    // The same messages for kcat: key<TAB>value per line (JSON has no raw tabs or newlines).
    const file = join(dir, 'messages.tsv');
    writeFileSync(file, txns.map((t) => `${defaultPartitionKey(t)}\t${encodeTransaction(t, defaultPartitionKey).value}`).join('\n') + '\n');
    const bytes = txns.reduce((n, t) => n + Buffer.byteLength(JSON.stringify(t)), 0);
    say(`Kafka ${broker?.version ?? '(external)'} on ${bootstrap}; ${MESSAGES} messages, average ${Math.round(bytes / MESSAGES)} bytes; ${PARTITIONS} partitions; ${cpus().length} cores; ${ROUNDS} rounds`);

    // The adapter alone: messages encoded beforehand (JSON, key, headers), sent 1 000 at a time and
    // awaited, as a sink write does. The ceiling of a sink on that client.
    const encoded = txns.map((t) => encodeTransaction(t, defaultPartitionKey, 'bench'));
    const sinks = (client: string, kafka: KafkaPort) => [
      {
        name: `KafkaPort producer [${client}] (pre-encoded messages, ${BATCH}/send)`,
        run: async (topic: string) => {
          const producer = kafka.producer();
          await producer.connect();
          for (let i = 0; i < encoded.length; i += BATCH) {
            for (const request of requestsOf([{ topic, messages: encoded.slice(i, i + BATCH) }], undefined, kafka.splitsRequests === true)) await producer.send(request);
          }
          await producer.disconnect();
        },
      },
      {
        name: `createKafkaSink [${client}] (idempotent, acks=all, ${BATCH}/write)`,
        target: 0.5,
        run: async (topic: string) => {
          const sink = createKafkaSink({ kafka, topicFor: () => topic });
          for (let i = 0; i < txns.length; i += BATCH) await sink.write({ stream: 'bench', records: txns.slice(i, i + BATCH), invalid: [] });
          await sink.close();
        },
      },
      {
        name: `createTransactionalKafkaSink [${client}] (exactly-once, ${BATCH}/transaction + cursor)`,
        target: 0.25,
        run: async (topic: string) => {
          const cursorTopic = `${topic}-cursors`;
          await createTopic(port, cursorTopic, { 'cleanup.policy': 'compact' });
          const sink = createTransactionalKafkaSink({ kafka, topicFor: () => topic, cursorTopic, sinkId: topic });
          await sink.loadCursor('bench');
          for (let i = 0; i < txns.length; i += BATCH) await sink.write({ stream: 'bench', records: txns.slice(i, i + BATCH), invalid: [], cursor: { at: i + BATCH } });
          await sink.close();
        },
      },
    ];
    const scenarios: Array<{ name: string; target?: number; run: (topic: string) => Promise<number | void> }> = [
      {
        name: 'kcat (librdkafka, idempotent, acks=all, linger.ms=2)',
        // The librdkafka adapter's producer settings, spelled out: idempotence, acks=all, its
        // linger.ms (2; librdkafka's default is 5), no compression, its partitioner. Static headers
        // of the same size as the sink's per-message ones. Resolves with kcat's own CPU time.
        run: (topic) =>
          run('kcat', [
            ...['-P', '-b', bootstrap, '-t', topic, '-K', '\t', '-l'],
            ...['-X', 'enable.idempotence=true', '-X', 'acks=all', '-X', 'linger.ms=2', '-X', 'compression.codec=none', '-X', 'partitioner=murmur2_random'],
            ...['-H', 'recon-source=sample-ledger', '-H', 'recon-schema-version=1', '-H', 'content-type=application/json', '-H', 'recon-txn-id=ltx_0000000000000', '-H', 'recon-stream=bench'],
            file,
          ]),
      },
      ...(CLIENTS.includes('kafkajs') ? sinks('kafkajs', port) : []),
      ...(rdkafkaLoads && CLIENTS.includes('librdkafka') ? sinks('librdkafka', rdkafka) : []),
      ...(rdkafkaLoads && batchLoads && (CLIENTS.includes('librdkafka') || CLIENTS.includes('librdkafka-batch'))
        ? sinks('librdkafka-batch', createRdKafkaBatchPort({ clientId: 'bench', brokers: [bootstrap] }))
        : []),
    ];
    if (!rdkafkaLoads) say('(librdkafka rows left out: @confluentinc/kafka-javascript does not load; see packages/kafka-sink/scripts/build-librdkafka.mjs)');
    else if (!batchLoads) say('(librdkafka-batch rows left out: the batch producer addon does not load; see packages/kafka-sink/scripts/build-librdkafka.mjs)');

    const rates = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
    /** CPU microseconds per message, per round. */
    const cpu = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
    /** CPU microseconds per message of the JavaScript thread alone, per round. */
    const jsThread = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
    say(`load average before the run: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of scenarios) {
        const topic = `bench-${round}-${scenarios.indexOf(scenario)}-${Date.now()}`;
        await createTopic(port, topic);
        const started = process.hrtime.bigint();
        const cpuFrom = process.cpuUsage();
        const mainFrom = mainThreadCpu();
        const childCpu = await scenario.run(topic);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpuSeconds = typeof childCpu === 'number' ? childCpu : cpuSince(cpuFrom);
        const mainSeconds = typeof childCpu === 'number' ? Number.NaN : mainThreadCpu() - mainFrom;
        const count = await countCommitted(port, topic);
        if (count !== MESSAGES) throw new Error(`${scenario.name}: ${count} messages committed, expected ${MESSAGES}`);
        const rate = MESSAGES / seconds;
        rates.get(scenario.name)!.push(rate);
        cpu.get(scenario.name)!.push((cpuSeconds * 1e6) / MESSAGES);
        jsThread.get(scenario.name)!.push((mainSeconds * 1e6) / MESSAGES);
        say(`  round ${round}: ${scenario.name}: ${seconds.toFixed(2)} s, ${Math.round(rate)} msg/s, CPU ${cpuSeconds.toFixed(2)} s (${((cpuSeconds * 1e6) / MESSAGES).toFixed(1)} µs/msg; JS thread ${((mainSeconds * 1e6) / MESSAGES).toFixed(1)}), load ${loadavg()[0]!.toFixed(2)}`);
      }
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const kcat = median(rates.get(scenarios[0]!.name)!);
    say('');
    say('| producer | messages/s (median) | vs kcat | CPU µs/msg (median) | JS thread µs/msg | target |');
    say('|---|---:|---:|---:|---:|---|');
    for (const s of scenarios) {
      const m = median(rates.get(s.name)!);
      const target = s.target === undefined ? '' : `≥ ${s.target.toFixed(2)} (${m / kcat >= s.target ? 'met' : 'missed'})`;
      say(`| ${s.name} | ${Math.round(m).toLocaleString('en-US')} | ${(m / kcat).toFixed(2)} | ${median(cpu.get(s.name)!).toFixed(1)} | ${Number.isNaN(median(jsThread.get(s.name)!)) ? '' : median(jsThread.get(s.name)!).toFixed(1)} | ${target} |`);
    }
    say('');
    say(`Rounds: ${scenarios.map((s) => `${s.name.split(' (')[0]} ${rates.get(s.name)!.map((r) => Math.round(r).toLocaleString('en-US')).join(' / ')}`).join('; ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (broker) await stopBroker(broker.runDir);
  }
}

await main();
