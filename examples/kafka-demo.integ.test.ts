import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createDemoScenario } from './demo/scenario';
import { expectedTallies, reportedTallies, type ReportJson } from './demo/truth';
import { runExample } from './run-example.test-helper';

const kafka = inject('kafka');

const demo = (out: string, ...args: string[]) =>
  runExample(['examples/demo.ts', `--out=${out}`, ...args], {
    timeoutMs: 150_000,
    env: { ...process.env, RECON_KAFKA_BROKERS: kafka.available ? kafka.brokers.join(',') : '' },
  });

// `npm run demo -- --kafka`: the same day through the run's real broker (producer sinks per source
// topic, then a consumer feeding the reconciler) must give the same report as the in-memory run.
describe.skipIf(!kafka.available)('examples/demo.ts --kafka', () => {
  it('syncs every source into its topic, consumes them all, and writes the same report as in memory', async () => {
    const viaKafka = mkdtempSync(join(tmpdir(), 'recon-demo-kafka-'));
    const run = await demo(viaKafka, '--kafka');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const scenario = createDemoScenario();
    const synced = [...run.stdout.matchAll(/✓ .+?(\d+) records, \d+ invalid/g)].reduce((n, m) => n + Number.parseInt(m[1]!, 10), 0);
    expect(synced).toBeGreaterThan(0);
    expect(run.stdout).toContain(`consumed ${synced} records`);

    const report = readFileSync(join(viaKafka, 'report.json'), 'utf8');
    expect(reportedTallies(JSON.parse(report) as ReportJson)).toEqual(expectedTallies(scenario.expected));

    const inMemory = mkdtempSync(join(tmpdir(), 'recon-demo-memory-'));
    expect((await demo(inMemory)).status).toBe(0);
    expect(report).toBe(readFileSync(join(inMemory, 'report.json'), 'utf8'));
    expect(readFileSync(join(viaKafka, 'report.html'), 'utf8')).toBe(readFileSync(join(inMemory, 'report.html'), 'utf8'));
  });
});
