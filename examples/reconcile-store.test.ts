import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.test-helper';

// The README's TransactionStore example: runs as written (from source, via tsx).
describe('examples/reconcile-store.ts', () => {
  it('reconciles every order from the store and reads records back whole', async () => {
    const run = await runExample(['examples/reconcile-store.ts', '2000'], { timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('store: 4000 records in 2 shapes, 12000 own values');
    expect(run.stdout).toContain('ledger ↔ payments matched: 2000 of 2000');
    const line = run.stdout.split('\n').find((l) => l.startsWith('a record read back'))!;
    const record = JSON.parse(line.slice(line.indexOf('{'))) as { txn_id: string; references: Record<string, string>; timestamp: string };
    expect(record.timestamp).toMatch(/^2024-04-01T10:00:0[05]\+05:30$/);
    expect(record.references.order_id).toMatch(/^order_\d{14}$/);
  });
});
