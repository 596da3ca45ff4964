/**
 * vitest global setup of the `kafka` project (packages/kafka-sink/**\/*.integ.test.ts): starts the
 * project's Kafka broker once for the run and stops it afterwards. vitest runs a project's global
 * setup only when that project has test files in the run, so the rest of the suite never pays
 * for a JVM.
 *
 * - `RECON_KAFKA_BROKERS=host:port[,..]`: use that broker instead of starting one.
 * - With `CI=true`, a broker that cannot start fails the run.
 * - Otherwise the integration tests skip, with a banner saying how to enable them.
 */
import type { TestProject } from 'vitest/node';
import { startBroker, stopBroker } from './broker.mjs';
import type { KafkaTestContext } from './vitest-kafka';

const isCI = () => /^(1|true|yes)$/i.test(process.env.CI ?? '');

function banner(reason: string): void {
  const lines = [
    'KAFKA INTEGRATION TESTS SKIPPED',
    `Reason: ${reason}`,
    'They need Java 17+ and Maven (the jars of Apache Kafka come from Maven Central and are cached',
    'in ~/.cache/recon-kafka). To enable them: install both (apt-get install -y openjdk-17-jre-headless maven)',
    'and rerun, or point them at a running broker: RECON_KAFKA_BROKERS=127.0.0.1:9092 npm test.',
    'In CI (CI=true) this is a failure, not a skip.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '!'.repeat(width + 4);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width)} !`).join('\n')}\n${bar}\n\n`);
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const provide = (context: KafkaTestContext) => project.provide('kafka', context);
  const external = process.env.RECON_KAFKA_BROKERS?.trim();
  if (external) {
    provide({ available: true, brokers: external.split(',').map((b) => b.trim()) });
    return undefined;
  }
  if (process.env.RECON_KAFKA === 'off' && !isCI()) {
    const reason = 'RECON_KAFKA=off';
    banner(reason);
    provide({ available: false, reason });
    return undefined;
  }
  try {
    const broker = await startBroker({ log: (line) => process.stderr.write(line + '\n') });
    process.stderr.write(`[kafka] Apache Kafka ${broker.version} ready on ${broker.bootstrap} in ${broker.startupMs} ms\n`);
    provide({ available: true, brokers: [broker.bootstrap], version: broker.version, libs: broker.libs });
    return () => stopBroker(broker.runDir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isCI()) throw new Error(`[kafka] CI=true and the Kafka broker could not start: ${reason}`, { cause: error });
    banner(reason.split('\n')[0] ?? reason);
    provide({ available: false, reason });
    return undefined;
  }
}
