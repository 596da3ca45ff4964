import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { signTestPayload } from '@recon/razorpay';
import { startRazorpaySandbox } from '@recon/razorpay/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxOnlyEnv } from './example-test-env';
import { runExample } from './run-example.test-helper';

const root = resolve(import.meta.dirname, '..');
const script = join(root, 'examples/razorpay-webhook-receiver.ts');
const work = mkdtempSync(join(tmpdir(), 'recon-webhook-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Line {
  type: string;
  txn?: { txn_id: string; amount: string; source: string };
}
const readLines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);

/** Start the receiver with a secret in its environment; resolves once it listens. */
async function startReceiver(out: string, secret: string) {
  // `node --import tsx` (not the tsx CLI) so SIGTERM reaches the process that serves.
  const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--conditions=@recon/source', '--import', tsxLoader, script, '--port=0', `--out=${out}`], {
    cwd: work,
    env: sandboxOnlyEnv({ RAZORPAY_WEBHOOK_SECRET: secret }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(stdout);
      if (match) done(match[1]!);
    });
    child.on('exit', () => fail(new Error(`exited before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

describe('examples/razorpay-webhook-receiver.ts', () => {
  it('without a secret: the sandbox delivers its events, repeats are dropped, the forged one refused', async () => {
    const out = join(work, 'self.jsonl');
    const run = await runExample([script, `--out=${out}`], { cwd: work, timeoutMs: 90_000, env: sandboxOnlyEnv() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Done: 24 processed, 3 duplicate, 1 rejected, 0 failed; 14 records, 0 invalid/);
    expect(run.stdout).toContain('Forged delivery answered 401');
    const ids = readLines(out).flatMap((l) => (l.type === 'record' && l.txn ? [l.txn.txn_id] : []));
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
  });

  it('with RAZORPAY_WEBHOOK_SECRET: serves real HTTP, verifies signatures, de-duplicates, and writes what it translated', async () => {
    const secret = 'whsec_test_only_example_secret';
    const out = join(work, 'served.jsonl');
    // Realistic events, as Razorpay's PHP encoder writes them, from the sandbox's dataset.
    const sandbox = await startRazorpaySandbox({ seed: 5, payments: 6, days: 1 });
    const events = sandbox.webhooks.events().filter((e) => e.event === 'payment.captured' || e.event === 'payment.failed');
    await sandbox.close();
    expect(events.length).toBeGreaterThan(2);

    const receiver = await startReceiver(out, secret);
    const post = async (body: string, headers: Record<string, string>) => {
      const response = await fetch(receiver.url, { method: 'POST', body, headers });
      return { status: response.status, body: (await response.json()) as { status: string; code?: string } };
    };
    try {
      for (const event of events) {
        const signed = signTestPayload(event.body, secret, { eventId: event.id });
        expect(await post(signed.body, signed.headers)).toEqual({ status: 200, body: { status: 'processed' } });
      }
      // Razorpay delivers at least once: the same event again is acknowledged and dropped.
      const again = signTestPayload(events[0]!.body, secret, { eventId: events[0]!.id });
      expect(await post(again.body, again.headers)).toEqual({ status: 200, body: { status: 'duplicate' } });
      // Tampered: signed, then the amount changed in transit.
      const original = signTestPayload(events[1]!.body.replace(events[1]!.id, 'x'), secret, { eventId: 'evt_tampered0000001' });
      const tampered = original.body.replace(/"amount":(\d+)/, '"amount":99999999');
      expect(tampered).not.toBe(original.body);
      expect(await post(tampered, original.headers)).toEqual({ status: 401, body: { status: 'rejected', code: 'WEBHOOK_SIGNATURE_INVALID' } });
      // Signed with another secret.
      const forged = signTestPayload(events[1]!.body, 'not-the-secret', { eventId: 'evt_forged00000001' });
      expect((await post(forged.body, forged.headers)).status).toBe(401);
      // No signature at all.
      expect((await post(events[1]!.body, { 'content-type': 'application/json', 'x-razorpay-event-id': 'evt_unsigned000001' })).status).toBe(401);
    } finally {
      receiver.child.kill('SIGTERM');
    }
    const { code, stdout, stderr } = await receiver.exited;
    expect(code).toBe(0);
    expect(stdout).toContain(`Stopped: ${events.length} processed, 1 duplicate, 3 rejected, 0 failed; ${events.length} records, 0 invalid written`);
    expect(stdout + stderr).not.toContain(secret);
    const records = readLines(out).filter((l) => l.type === 'record');
    expect(readFileSync(`${out}.event-ids`, 'utf8').trim().split('\n').sort()).toEqual(events.map((e) => e.id).sort());
    expect(records.map((l) => l.txn?.txn_id).sort()).toEqual(events.map((e) => (JSON.parse(e.body) as { payload: { payment: { entity: { id: string } } } }).payload.payment.entity.id).sort());
    expect(records.some((l) => l.txn?.amount === '999999.99')).toBe(false);

    // Restarted, the receiver still knows the events it wrote: Razorpay's retry of one is dropped.
    const restarted = await startReceiver(out, secret);
    const retry = signTestPayload(events[2]!.body, secret, { eventId: events[2]!.id });
    const response = await fetch(restarted.url, { method: 'POST', body: retry.body, headers: retry.headers });
    expect(await response.json()).toEqual({ status: 'duplicate' });
    restarted.child.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);
    expect(readLines(out).filter((l) => l.type === 'record')).toHaveLength(records.length);
  });
});
