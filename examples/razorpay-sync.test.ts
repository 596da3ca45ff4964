import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.test-helper';


// The Razorpay example must always run: this runs it as the README says (from source, via tsx).
describe('examples/razorpay-sync.ts', () => {
  it('syncs every stream through faults, re-emits a captured payment, and its settlement adds up', async () => {
    const run = await runExample(['examples/razorpay-sync.ts'], { timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('every expected id (no gap)');
    expect(run.stdout).toMatch(/faults survived: .*429.*502.*reset/);
    expect(run.stdout).toMatch(/re-emitted after capture +pay_\w+ is now SUCCESS \(captured\)/);
    expect(run.stdout).toMatch(/recon rows net .* = settled amount/);
    expect(run.stdout).toMatch(/invalid, kept with reason +2:/);
  });
});
