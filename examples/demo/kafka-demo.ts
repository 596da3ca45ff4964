import { startBroker, stopBroker } from '../../scripts/kafka/broker.mjs';
import { kafkaTransport } from './kafka-transport';
import { runDemo, type DemoRun } from './run-demo';

/** Every source the demo syncs, by the `source` its records carry. */
const SOURCES = ['ledger', 'razorpay', 'icici', 'hdfc', 'sbi', 'sftp:kotak'];

/**
 * The demo through a real Kafka broker: `RECON_KAFKA_BROKERS` (`host:port,...`) when set,
 * otherwise the project's own single-node broker (scripts/kafka/broker.mjs: Java 17 + Maven, jars
 * cached in ~/.cache/recon-kafka), started now and stopped at the end.
 */
export async function runKafkaDemo(options: { outDir: string; seed?: number; say?: (line: string) => void }): Promise<DemoRun> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const external = process.env['RECON_KAFKA_BROKERS'];
  if (!external) say('Starting the project\'s Kafka broker (scripts/kafka/broker.mjs; the first start fetches its jars through Maven)...');
  const broker = external ? undefined : await startBroker({ log: (line) => process.stderr.write(`${line}\n`) });
  const brokers = external ? external.split(',') : [broker!.bootstrap];
  try {
    const transport = await kafkaTransport({ brokers, sources: SOURCES });
    try {
      return await runDemo({ outDir: options.outDir, transport, say, ...(options.seed !== undefined && { seed: options.seed }) });
    } finally {
      await transport.close();
    }
  } finally {
    if (broker) await stopBroker(broker.runDir);
  }
}
