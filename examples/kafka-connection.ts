/**
 * Kafka for the guide's Kafka examples: the broker from RECON_KAFKA_BROKERS, or the project's own
 * single-node broker started for the run (needs Java 17 + Maven; see docs/kafka.md), and the
 * guide's topic names: one topic per source, a dead-letter topic. A suffix (`--topic-suffix`)
 * keeps runs on a shared broker apart; producer and consumer must use the same one.
 */
import { startBroker, stopBroker } from '../scripts/kafka/broker.mjs';

/** The topics of one deployment. */
export interface GuideTopics {
  /** `source` → topic: `razorpay` → `razorpay_txns`, `sftp:kotak` → `kotak_txns`, ... */
  bySource: Record<string, string>;
  deadLetters: string;
  /** Every data topic, for consumers and topic creation. */
  all: string[];
}

/** The guide's topic names, each followed by `suffix`. */
export function guideTopics(suffix = ''): GuideTopics {
  const bySource: Record<string, string> = {
    ledger: `ledger_txns${suffix}`,
    razorpay: `razorpay_txns${suffix}`,
    icici: `icici_txns${suffix}`,
    hdfc: `hdfc_txns${suffix}`,
    sbi: `sbi_txns${suffix}`,
    'sftp:kotak': `kotak_txns${suffix}`,
  };
  return { bySource, deadLetters: `recon_dead_letters${suffix}`, all: Object.values(bySource) };
}

/** A reachable broker, and how to let go of it. */
export interface KafkaConnection {
  /** kafkajs client settings, accepted as `kafka` by every @recon/kafka-sink function. */
  kafka: { clientId: string; brokers: string[] };
  /** Where it came from, for the first line of output. */
  description: string;
  /** Stops the broker if this process started it. */
  close(): Promise<void>;
}

/** Use `brokers` when given, else start the project's broker (stopped again by `close`). */
export async function connectKafka(clientId: string, brokers: string[] | undefined): Promise<KafkaConnection> {
  if (brokers && brokers.length > 0) return { kafka: { clientId, brokers }, description: `Kafka at ${brokers.join(',')} (RECON_KAFKA_BROKERS)`, close: async () => {} };
  const broker = await startBroker({ log: (line: string) => process.stderr.write(`${line}\n`) });
  return {
    kafka: { clientId, brokers: [broker.bootstrap] },
    description: `Kafka at ${broker.bootstrap} (the project's broker, started for this run)`,
    close: () => stopBroker(broker.runDir),
  };
}

/** `--name=value` from argv. */
export function argValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
