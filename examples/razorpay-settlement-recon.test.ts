import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

describe('examples/razorpay-settlement-recon.ts', () => {
  it('prints a settlement breakdown whose rows add up to the payout and all match known payments or refunds', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['--conditions=@recon/source', 'examples/razorpay-settlement-recon.ts'], { cwd: root, encoding: 'utf8', timeout: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/setl_\w+ UTR AXISCN\d{10}: paid ₹/);
    expect(run.stdout).toContain('equals the payout; every row matches a payment or refund');
  });
});
