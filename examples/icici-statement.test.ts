import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.test-helper';


// The README's ICICI example must always run, exactly as documented (from source, via tsx).
describe('examples/icici-statement.ts', () => {
  it('reads the sandbox statement through faults, split into ≤365-day calls, with no credentials', async () => {
    const run = await runExample(['examples/icici-statement.ts'], { timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/check\(\): ok/);
    expect(run.stdout).toMatch(/297 records, 3 invalid/);
    expect(run.stdout).toMatch(/2024-01-02 \.\. 2024-12-31 {2}CONFLG=Y/);
    expect(run.stdout).toMatch(/2025-01-01 \.\. 2025-05-31 {2}CONFLG=N/);
    expect(run.stdout).toMatch(/utr=[A-Z]{4}[RN]\d{17} /);
    expect(run.stdout).toContain('second run from the stored cursor: 0 new records');
  }, 150_000);
});
