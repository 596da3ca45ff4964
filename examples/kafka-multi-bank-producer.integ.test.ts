import { tmpdir } from 'node:os';
import { resolveKafkaPort, type IncomingMessage } from '@recon/kafka-sink';
import { describe, expect, inject, it } from 'vitest';
import { sandboxOnlyEnv } from './example-test-env';
import { runExample } from './run-example.test-helper';

const kafka = inject('kafka');

async function readTopic(brokers: string[], topic: string): Promise<IncomingMessage[]> {
  const port = resolveKafkaPort({ clientId: 'producer-example-test', brokers });
  const messages: IncomingMessage[] = [];
  await port.readToEnd(topic, (m) => void messages.push(m), { timeoutMs: 60_000 });
  return messages;
}

// The guide's producer, run as a reader would, on the run's broker; its effects are read back from Kafka.
describe.skipIf(!kafka.available)('examples/kafka-multi-bank-producer.ts', () => {
  it('runs every connector once into its own topic exactly-once; a source failing hard is reported and the others complete', async () => {
    const brokers = kafka.available ? kafka.brokers : [];
    const suffix = `_p${Date.now().toString(36)}`;
    const run = await runExample(['examples/kafka-multi-bank-producer.ts', '--once', '--fail=sbi', `--topic-suffix=${suffix}`, '--day=2026-03-02'], {
      cwd: tmpdir(),
      timeoutMs: 110_000,
      env: sandboxOnlyEnv({ RECON_KAFKA_BROKERS: brokers.join(',') }),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/✗ sbi +FAILED at read: AUTH_TOKEN_FAILED \(auth\).*the other jobs carried on/);
    expect(run.stdout).toContain('1 of 6 jobs failed; the others completed.');
    // The failure is logged with its code; the credential is not.
    expect(run.stderr).toContain('"job":"sbi"');
    expect(run.stderr).toContain('[REDACTED]');

    // What each job reported is exactly what its topic holds (read_committed), with no duplicate.
    const reported = new Map([...run.stdout.matchAll(/✓ (\w+) +completed: (\d+) records, (\d+) dead letters/g)].map((m) => [m[1]!, { records: Number(m[2]), invalid: Number(m[3]) }]));
    expect([...reported.keys()].sort()).toEqual(['hdfc', 'icici', 'ledger', 'razorpay', 'sftp']);
    const topicOf: Record<string, string> = { ledger: 'ledger_txns', razorpay: 'razorpay_txns', icici: 'icici_txns', hdfc: 'hdfc_txns', sftp: 'kotak_txns' };
    let total = 0;
    for (const [job, counts] of reported) {
      const messages = await readTopic(brokers, `${topicOf[job]}${suffix}`);
      expect(messages.length, job).toBe(counts.records);
      const ids = messages.map((m) => m.headers['recon-txn-id']);
      expect(new Set(ids).size, job).toBe(ids.length);
      total += counts.records;
    }
    expect(total).toBeGreaterThan(80);
    expect(reported.get('razorpay')?.records).toBeGreaterThan(0);
    expect(reported.get('sftp')?.records).toBeGreaterThan(0);
    // Nothing from the failed source; its records never half-arrived.
    expect(await readTopic(brokers, `sbi_txns${suffix}`)).toHaveLength(0);
    // The ERP's broken row is a dead letter with its reason, not a lost line.
    const dead = await readTopic(brokers, `recon_dead_letters${suffix}`);
    expect(dead).toHaveLength(reported.get('ledger')!.invalid);
    expect(dead[0]?.headers['recon-dlq-reason']).toMatch(/amount/);
  });
});
