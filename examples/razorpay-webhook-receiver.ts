/**
 * A Razorpay webhook receiver on plain node:http: verifies `X-Razorpay-Signature` over the raw
 * body (constant time), drops repeated deliveries by `X-Razorpay-Event-Id`, translates
 * payment.captured / payment.failed / refund.processed / settlement.processed into standard
 * transactions (the same `txn_id`s the polling connector produces, so both upsert into one row)
 * and writes them to a JSON-lines sink, one checkpoint per event. Event ids are kept in
 * `<out>.event-ids`, so repeats are dropped across restarts too.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/razorpay-webhook-receiver.ts [--out=FILE] [--port=N]
 *
 * With RAZORPAY_WEBHOOK_SECRET set (in `.env`, see examples/.env.example) it serves until SIGTERM
 * or Ctrl-C on 127.0.0.1:--port (default 3000; RECON_WEBHOOK_HOST changes the address), for your
 * tunnel or reverse proxy to forward Razorpay's deliveries to. Without it, it makes its own
 * secret, starts the Razorpay sandbox, lets the sandbox deliver its events the way Razorpay does
 * (shuffled, some twice) plus one forged delivery (signed with another secret), prints what happened and exits.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { createJsonLinesSink, type JsonLinesSink } from '@recon/core';
import { createWebhookHandler, toNodeListener, type WebhookDelivery, type WebhookResult } from '@recon/razorpay';
import { startRazorpaySandbox } from '@recon/razorpay/sandbox';
import { loadDotEnv, readExamplesConfig } from './env';
import { createFileDedupStore, type FileDedupStore } from './file-dedup-store';

const say = (line = '') => process.stdout.write(`${line}\n`);
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** The stream webhook records are checkpointed under in the sink. */
export const WEBHOOK_STREAM = 'razorpay-webhooks';

/** Counts of what the receiver answered. */
interface Tally {
  processed: number;
  duplicate: number;
  rejected: number;
  failed: number;
  records: number;
  invalid: number;
}

/** The receiver: a node:http server writing translated events into `sink`. */
function createReceiver(secret: string, sink: JsonLinesSink, store: FileDedupStore, tally: Tally): Server {
  let events = 0;
  const handler = createWebhookHandler({
    secret,
    store,
    // Written before Razorpay gets its 200: if the write fails, the answer is 500 and Razorpay retries.
    async onEvent(delivery: WebhookDelivery) {
      events += 1;
      await sink.write({
        stream: WEBHOOK_STREAM,
        records: delivery.records,
        invalid: delivery.invalid.map((i) => ({ stream: WEBHOOK_STREAM, raw: i.raw, error: i.error })),
        // A cursor makes each event its own committed checkpoint in the JSON-lines file.
        cursor: { events, last_event_id: delivery.eventId },
      });
      store.commit(delivery.eventId);
      tally.records += delivery.records.length;
      tally.invalid += delivery.invalid.length;
    },
  });
  const onResult = (result: WebhookResult) => {
    tally[result.body.status] += 1;
    // Safe to print: the error names the check that failed, never the secret, signature or body.
    if (result.error) say(`  ${result.status} ${result.body.status}: ${result.error.code}`);
    else if (result.delivery) say(`  ${result.status} ${result.delivery.event} ${result.delivery.eventId}: ${result.delivery.records.map((r) => `${r.transaction_type} ${r.txn_id} ${r.status}`).join(', ') || 'acknowledged, not translated'}`);
    else say(`  ${result.status} ${result.body.status}`);
  };
  return createServer(toNodeListener(handler, { onResult }));
}

async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return `http://${host}:${address.port}/webhooks/razorpay`;
}

async function main(): Promise<void> {
  loadDotEnv();
  const { razorpayWebhookSecret } = readExamplesConfig();
  const out = resolve(arg('out') ?? join('reports', 'webhooks', 'razorpay-webhooks.jsonl'));
  mkdirSync(dirname(out), { recursive: true });
  // The sandbox run replays the same seeded events each time: start it from empty files.
  if (razorpayWebhookSecret === undefined) for (const path of [out, `${out}.event-ids`]) rmSync(path, { force: true });
  const sink = createJsonLinesSink({ path: out });
  // Event ids seen, beside the records: a restarted receiver still drops Razorpay's repeats.
  const store = createFileDedupStore(`${out}.event-ids`);
  const tally: Tally = { processed: 0, duplicate: 0, rejected: 0, failed: 0, records: 0, invalid: 0 };
  const portArg = arg('port');
  if (portArg !== undefined && !/^\d{1,5}$/.test(portArg)) throw new Error('--port must be a port number');

  if (razorpayWebhookSecret !== undefined) {
    const server = createReceiver(razorpayWebhookSecret, sink, store, tally);
    const url = await listen(server, portArg === undefined ? 3000 : Number.parseInt(portArg, 10), process.env.RECON_WEBHOOK_HOST ?? '127.0.0.1');
    say(`Listening on ${url} (secret from RAZORPAY_WEBHOOK_SECRET); records go to ${out}`);
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    await new Promise<void>((done) => server.close(() => done()));
    await sink.close();
    say(`Stopped: ${tally.processed} processed, ${tally.duplicate} duplicate, ${tally.rejected} rejected, ${tally.failed} failed; ${tally.records} records, ${tally.invalid} invalid written`);
    return;
  }

  // No secret configured: a self-contained run against the sandbox, with a secret made for it.
  const secret = randomBytes(24).toString('base64url');
  const sandbox = await startRazorpaySandbox({ seed: 11, payments: 12, days: 2 });
  const server = createReceiver(secret, sink, store, tally);
  try {
    const url = await listen(server, portArg === undefined ? 0 : Number.parseInt(portArg, 10), '127.0.0.1');
    const events = sandbox.webhooks.events();
    say(`Receiver on ${url}; the Razorpay sandbox delivers ${events.length} events (shuffled, 3 of them twice)`);
    const reports = await sandbox.webhooks.deliver(events, { url, secret, duplicates: 3 });
    // A forged delivery: a real event with a bigger amount, signed by someone without the secret.
    const forged = events.find((e) => e.event === 'payment.captured');
    if (forged) {
      const tampered = await sandbox.webhooks.deliver([{ ...forged, id: `${forged.id}x`, body: forged.body.replace(/"amount":(\d+)/, (_m, n: string) => `"amount":${n}0`) }], { url, secret: `${secret}-wrong`, maxAttempts: 1 });
      say(`Forged delivery answered ${tampered[0]?.statuses.join(', ')}`);
    }
    const undelivered = reports.filter((r) => !r.delivered);
    say(`Done: ${tally.processed} processed, ${tally.duplicate} duplicate, ${tally.rejected} rejected, ${tally.failed} failed; ${tally.records} records, ${tally.invalid} invalid written to ${out}`);
    if (undelivered.length > 0) {
      say(`UNDELIVERED: ${undelivered.map((r) => r.eventId).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await sink.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`razorpay-webhook-receiver: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
