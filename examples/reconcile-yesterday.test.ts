import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxOnlyEnv } from './example-test-env';
import { runExample } from './run-example.test-helper';

const work = mkdtempSync(join(tmpdir(), 'recon-yesterday-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the example as the README says (tsx, from source), from `cwd` (where its `.env` is looked for). */
function run(args: string[], cwd = work) {
  return runExample(['examples/reconcile-yesterday.ts', ...args], {
    cwd,
    timeoutMs: 120_000,
    env: sandboxOnlyEnv(),
  });
}

interface OutcomeJson {
  link: string;
  kind: string;
  reason?: string;
  left: { source: string; txn_id: string }[];
  right: { source: string; txn_id: string }[];
}

describe('examples/reconcile-yesterday.ts', () => {
  it('documents its options and exit codes in --help', async () => {
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--max-breaks=N/);
    expect(help.stdout).toMatch(/1 +reconciled, but breaks > --max-breaks/);
  });

  it('reconciles yesterday from every sandbox, writes JSON + CSV, and exits 1 when breaks exceed the threshold', async () => {
    const out = join(work, 'strict');
    const strict = await run([`--out=${out}`]);
    expect(strict.stderr).toBe('');
    expect(strict.status).toBe(1);
    const json = JSON.parse(readFileSync(join(out, 'outcomes.json'), 'utf8')) as { format: string; outcomes: OutcomeJson[] };
    expect(json.format).toBe('recon.outcomes/v1');
    // Every source was synced, and all but HDFC (whose credit lands two days on, after today) have outcomes.
    for (const source of ['ledger', 'razorpay', 'icici', 'hdfc', 'sbi', 'sftp:kotak']) expect(strict.stdout).toMatch(new RegExp(`^  ${source} +sandbox +[1-9]\\d* records`, 'm'));
    const sources = new Set(json.outcomes.flatMap((o) => [...o.left, ...o.right].map((r) => r.source)));
    expect([...sources].sort()).toEqual(['icici', 'ledger', 'razorpay', 'sbi', 'sftp:kotak']);
    // The scenario's planted breaks are reported: the ERP's double posting and its ₹50 difference.
    expect(json.outcomes.some((o) => o.link === 'ledger-payments' && o.kind === 'duplicate')).toBe(true);
    expect(json.outcomes.some((o) => o.link === 'ledger-payments' && o.kind === 'mismatched')).toBe(true);
    expect(json.outcomes.filter((o) => o.kind === 'matched').length).toBeGreaterThan(40);
    // The count printed is the count in the file.
    const breaks = json.outcomes.filter((o) => o.kind !== 'matched' && o.reason !== 'not-applicable').length;
    expect(breaks).toBeGreaterThan(0);
    expect(strict.stdout).toContain(`${breaks} breaks, ABOVE the allowed 0`);
    const csv = readFileSync(join(out, 'outcomes.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^outcome_id,link,outcome,/);
    expect(new Set(csv.slice(1).map((line) => line.split(',')[0])).size).toBe(json.outcomes.length);

    // The same day with a threshold above its breaks: exit 0.
    const lenient = await run([`--out=${join(work, 'lenient')}`, `--max-breaks=${breaks}`]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain(`${breaks} breaks, within the allowed ${breaks}`);
  });

  it('reads .env: a half-configured connector stops the run (exit 2), naming the missing variable and never the value', async () => {
    const cwd = mkdtempSync(join(work, 'env-'));
    writeFileSync(join(cwd, '.env'), 'RAZORPAY_KEY_SECRET=very-secret-value-123\n');
    const result = await run(['--day=2026-03-02'], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('RAZORPAY_KEY_ID');
    expect(result.stdout + result.stderr).not.toContain('very-secret-value-123');
  });

  it('refuses a bad --day with exit 2', async () => {
    const result = await run(['--day=2026-02-30']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--day must be a YYYY-MM-DD date');
  });
});
