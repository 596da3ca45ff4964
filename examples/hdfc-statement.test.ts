import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.test-helper';


// The README's example must keep running exactly as documented: from source, via tsx, with no credentials.
describe('examples/hdfc-statement.ts', () => {
  it('reads the sandbox statement through the encrypted transport and refuses a spoiled answer', async () => {
    const run = await runExample(['examples/hdfc-statement.ts'], { timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('check(): ok');
    expect(run.stdout).toMatch(/\d+ records, 3 invalid, 5 checkpoints/);
    expect(run.stdout).toMatch(/refused: PAYLOAD_(DECRYPT_FAILED|SIGNATURE_INVALID)/);
  });
});
