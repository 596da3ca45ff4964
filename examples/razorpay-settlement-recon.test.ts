import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.test-helper';


describe('examples/razorpay-settlement-recon.ts', () => {
  it('prints a settlement breakdown whose rows add up to the payout and all match known payments or refunds', async () => {
    const run = await runExample(['examples/razorpay-settlement-recon.ts'], { timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/setl_\w+ UTR AXISCN\d{10}: paid ₹/);
    expect(run.stdout).toContain('equals the payout; every row matches a payment or refund');
  });
});
