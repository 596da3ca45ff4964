import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoScenario } from './demo/scenario';
import { expectedTallies, reportedTallies, type ReportJson } from './demo/truth';
import { runExample, type ExampleRun } from './run-example.test-helper';


// The README's demo must always run and always tell the truth: this runs it exactly as
// `npm run demo` does (from source, via tsx) and checks the report against the scenario.
describe('examples/demo.ts', () => {
  const out = mkdtempSync(join(tmpdir(), 'recon-demo-'));
  const scenario = createDemoScenario();
  let run: ExampleRun;
  beforeAll(async () => {
    run = await runExample(['examples/demo.ts', `--out=${out}`], { timeoutMs: 120_000 });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs cleanly, surviving the injected faults and keeping the invalid ledger row with its reason', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/faults survived by retrying: .*429.*503.*reset.*502/);
    const broken = scenario.ledger.find((row) => row.amount.includes(','));
    expect(run.stdout).toContain(`invalid, kept with its reason: [recon:ledger] Row ${broken?.entry_no} is not a valid transaction`);
  });

  it('reports, per link, source and outcome, exactly the records and amounts the scenario planted', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportJson;
    expect(reportedTallies(report)).toEqual(expectedTallies(scenario.expected));
  });

  it('shows every planted break where it belongs', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportJson;
    for (const planted of scenario.breaks) {
      if (!planted.link) continue;
      const candidates = report.outcomes.filter((o) => o.link === planted.link && o.kind === planted.kind);
      expect(candidates.length, planted.name).toBeGreaterThan(0);
      if (planted.record) expect(candidates.some((o) => [...o.left, ...o.right].some((r) => `${r.source}:${r.txn_id}` === planted.record)), planted.name).toBe(true);
    }
  });

  it('writes the CSV and the HTML page with every outcome and every break', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportJson;
    const csv = readFileSync(join(out, 'outcomes.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csv.length - 1).toBe(report.outcomes.reduce((n, o) => n + o.left.length + o.right.length, 0));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/<tr data-outcome=/g)).toHaveLength(report.outcomes.filter((o) => o.kind !== 'matched').length);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(Object.keys(report.summary.links).length);
  });
});
