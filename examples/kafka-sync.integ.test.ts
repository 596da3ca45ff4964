import { describe, expect, inject, it } from 'vitest';
import { runExample } from './run-example.test-helper';

const kafka = inject('kafka');

// The Kafka example must keep running: on the run's broker, exactly as a reader would start it.
describe.skipIf(!kafka.available)('examples/kafka-sync.ts', () => {
  it('syncs exactly-once into Kafka, finds its cursor on a second run, and consumes every record', async () => {
    const run = await runExample(['examples/kafka-sync.ts'], {
      timeoutMs: 110_000,
      env: { ...process.env, RECON_KAFKA_BROKERS: kafka.available ? kafka.brokers.join(',') : '' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/sync completed: 490 records and 10 dead letters/);
    expect(run.stdout).toContain('second run: 0 new records');
    expect(run.stdout).toContain('consumer handled 490 transactions');
  });
});
