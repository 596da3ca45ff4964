import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveKafkaPort, type IncomingMessage } from '@recon/kafka-sink';
import { describe, expect, inject, it } from 'vitest';
import { sandboxOnlyEnv } from './example-test-env';
import { runExample } from './run-example.test-helper';

const kafka = inject('kafka');

function example(file: string, args: string[], brokers: string[]) {
  return runExample([`examples/${file}`, ...args], {
    cwd: tmpdir(),
    timeoutMs: 110_000,
    env: sandboxOnlyEnv({ RECON_KAFKA_BROKERS: brokers.join(',') }),
  });
}

interface OutcomeJson {
  link: string;
  kind: string;
}

// The guide's pipeline: the producer fills the topics, bad data is slipped in, the consumer reconciles.
describe.skipIf(!kafka.available)('examples/kafka-reconciliation-consumer.ts', () => {
  it('consumes every topic, dead-letters bad messages and goes on, and writes the reconciler outcomes', async () => {
    const brokers = kafka.available ? kafka.brokers : [];
    const suffix = `_c${Date.now().toString(36)}`;
    const out = mkdtempSync(join(tmpdir(), 'recon-consumer-test-'));
    try {
      const produced = await example('kafka-multi-bank-producer.ts', ['--once', `--topic-suffix=${suffix}`, '--day=2026-03-02'], brokers);
      expect(produced.status).toBe(0);
      const records = [...produced.stdout.matchAll(/✓ \w+ +completed: (\d+) records/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(records).toBeGreaterThan(80);

      // Bad data in a source topic, as a misbehaving producer would write it.
      const port = resolveKafkaPort({ clientId: 'consumer-example-test', brokers });
      const producer = port.producer();
      await producer.connect();
      const bad = ['not json at all', '{"txn_id":"x"}', JSON.stringify({ schema_version: 1, txn_id: 'T1', source: 'hdfc', account_id: 'A', amount: '12.345', currency: 'INR', direction: 'CREDIT', status: 'SUCCESS', timestamp: '2026-03-02T10:00:00+05:30', transaction_type: 'PAYMENT', references: {} })];
      await producer.send([{ topic: `hdfc_txns${suffix}`, messages: bad.map((value, i) => ({ key: Buffer.from(`bad-${i}`), value: Buffer.from(value), headers: {} })) }]);
      await producer.disconnect();

      const consumed = await example('kafka-reconciliation-consumer.ts', ['--until-caught-up', `--topic-suffix=${suffix}`, `--out=${out}`], brokers);
      expect(consumed.stderr).toBe('');
      expect(consumed.status).toBe(0);
      expect(consumed.stdout).toContain(`Committed messages in ledger_txns${suffix}`);
      expect(consumed.stdout).toContain(`Caught up: ${records} transactions, ${bad.length} dead letters`);

      // The outcomes written are the reconciler's view of every record produced.
      const json = JSON.parse(readFileSync(join(out, 'outcomes.json'), 'utf8')) as { summary: { records: number }; outcomes: OutcomeJson[] };
      expect(json.summary.records).toBe(records);
      const ledgerMatched = json.outcomes.filter((o) => o.link === 'ledger-payments' && o.kind === 'matched').length;
      expect(ledgerMatched).toBeGreaterThan(30);
      expect(json.outcomes.some((o) => o.link === 'ledger-payments' && o.kind === 'duplicate')).toBe(true);
      expect(consumed.stdout).toMatch(/\[duplicate\] ledger-payments: ledger:JV-20260302-/);
      expect(readFileSync(join(out, 'outcomes.csv'), 'utf8')).toMatch(/^outcome_id,link,outcome,/);

      // Each bad message sits in the dead-letter topic: original bytes, reason, the consumer stage.
      const dead: IncomingMessage[] = [];
      await port.readToEnd(`recon_dead_letters${suffix}`, (m) => void dead.push(m), { timeoutMs: 60_000 });
      const fromConsumer = dead.filter((m) => m.headers['recon-dlq-stage'] === 'consumer');
      expect(fromConsumer.map((m) => m.value?.toString('utf8')).sort()).toEqual([...bad].sort());
      expect(fromConsumer.every((m) => (m.headers['recon-dlq-reason'] ?? '').length > 0 && m.headers['recon-dlq-topic'] === `hdfc_txns${suffix}`)).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});
