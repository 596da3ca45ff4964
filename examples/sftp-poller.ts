/**
 * The hourly Kotak statement fetch over SFTP, done safely: the server's host key pinned, every
 * file processed exactly once (a ledger, checkpoints per file into a JSON-lines sink), processed
 * files archived, a broken file quarantined, a connection dropped mid-download retried. Runs
 * against the in-process SFTP sandbox: no SSH server, no credentials, nothing beyond 127.0.0.1.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/sftp-poller.ts [--out=<dir>]
 *
 * Against the bank's server: put KOTAK_SFTP_HOST, KOTAK_SFTP_USER, KOTAK_SFTP_HOST_KEY (the pinned
 * `SHA256:…` fingerprint) and KOTAK_SFTP_KEY_FILE (or KOTAK_SFTP_PASSWORD) in `.env` (see
 * examples/.env.example). The poller then fetches from that server every hour until SIGTERM
 * (`--once`: one fetch, then exit), remembering processed files in <out>/kotak-ledger.json and
 * appending transactions to <out>/kotak.jsonl; files are left on the server unless
 * KOTAK_SFTP_ARCHIVE_DIR names a folder to move them to.
 */
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleLogger, createJsonLinesSink, createScheduler, readJsonLines, type Sink } from '@recon/core';
import { createFileLedgerStore, sftp, startSftpSandbox, type SftpEvent } from '@recon/sftp';
import { loadDotEnv, readExamplesConfig, type SftpEnvConfig } from './env';

const say = (line = '') => process.stdout.write(line + '\n');
const outArg = process.argv.find((a) => a.startsWith('--out='));
const outDir = outArg ? outArg.slice('--out='.length) : undefined;

/** One day's MT940 statement of account 50200012345678: a NEFT credit, an IMPS debit, charges. */
function mt940(day: number, opening: string, closing: string): string {
  const d = String(day).padStart(2, '0');
  return [
    `:20:KKBK2406${d}`,
    ':25:50200012345678',
    `:28C:${100 + day}/1`,
    `:60F:C${day === 1 ? '240531' : `2406${String(day - 1).padStart(2, '0')}`}INR${opening}`,
    `:61:2406${d}06${d}C25000,00NTRFKKBKN2406${d}0001//KK${d}0001`,
    `:86:NEFT CR-HDFC0000001-ACME RETAIL PVT LTD-UTR HDFCN2406${d}7781`,
    `:61:2406${d}06${d}D4999,50NTRFIMPS4120${d}88//KK${d}0002`,
    `:86:IMPS DR-412${d}0088-VENDOR PAYOUT`,
    `:61:2406${d}06${d}D17,70NCHGNONREF//KK${d}0003`,
    ':86:IMPS CHARGES INCL GST',
    `:62F:C2406${d}INR${closing}`,
    '-',
  ].join('\r\n');
}

/** Drop a file into the bank's outbox with a given upload time. */
function upload(root: string, name: string, content: string, minute: number): void {
  const path = join(root, 'outbox', name);
  writeFileSync(path, content);
  const when = 1_717_214_400 + minute * 60; // 2024-06-01 04:00 UTC onwards
  utimesSync(path, when, when);
}

/** The bank's real server, from `.env`: hourly (or once), each file once, until SIGTERM. */
async function pollRealServer(server: SftpEnvConfig): Promise<void> {
  // Kept between runs (not a temporary folder): the ledger is what makes each file count once.
  const out = outDir ?? join('reports', 'kotak-sftp');
  mkdirSync(out, { recursive: true });
  const archiveDir = process.env.KOTAK_SFTP_ARCHIVE_DIR?.trim();
  const kotak = sftp({
    ...server,
    ledger: createFileLedgerStore(join(out, 'kotak-ledger.json')),
    source: 'sftp:kotak',
    ...(archiveDir ? { afterProcessing: 'archive' as const, archiveDir } : {}),
    onEvent: (event: SftpEvent) => {
      if (event.type === 'retry') say(`  retry: ${event.operation} ${event.path ?? ''} after ${event.error.code} (attempt ${event.attempt})`);
      if (event.type === 'disposed') say(`  ${event.action}: ${event.file} -> ${event.to ?? '(deleted)'}`);
    },
  });
  // check() never throws, and its message names the problem (refused host key, auth) without the credential.
  const check = await kotak.check();
  say(`${server.host}:${server.port} check(): ${check.ok ? 'ok' : 'FAILED'}: ${check.message}`);
  if (!check.ok) throw check.error;
  const sinkPath = join(out, 'kotak.jsonl');
  const once = process.argv.includes('--once');
  const jsonl = createJsonLinesSink({ path: sinkPath });
  // The same sink, printing each file's checkpoint as it is written.
  const sink: Sink = {
    name: jsonl.name,
    write: async (batch) => {
      await jsonl.write(batch);
      say(`  ${new Date().toISOString()} +${batch.records.length} transactions, +${batch.invalid.length} invalid → ${sinkPath}`);
    },
    loadCursor: (stream) => jsonl.loadCursor(stream),
    close: () => jsonl.close(),
  };
  // The guide's hourly fetch; a failed fetch is logged (code only) and retried with backoff.
  const scheduler = createScheduler({
    jobs: [{ name: 'kotak-hourly', connector: kotak, sink, stream: 'sftp:kotak', intervalMs: 3_600_000, runOnStart: !once }],
    logger: createConsoleLogger({ level: 'warn' }),
  });
  scheduler.start();
  try {
    if (once) {
      const report = await scheduler.runNow('kotak-hourly');
      say(`  ${report.status}: ${report.records} transactions, ${report.invalid} invalid, ${report.checkpoints} files checkpointed`);
      if (report.status === 'failed') process.exitCode = 1;
      return;
    }
    say('Fetching now and every hour until SIGTERM / Ctrl-C.');
    await new Promise<void>((done) => {
      process.once('SIGTERM', () => done());
      process.once('SIGINT', () => done());
    });
  } finally {
    await scheduler.stop();
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const real = readExamplesConfig().sftp;
  if (real) return pollRealServer(real);
  const out = outDir ?? mkdtempSync(join(tmpdir(), 'recon-sftp-poller-'));

  // The bank's side: an SFTP server with an outbox.
  const root = join(out, 'bank-sftp');
  mkdirSync(join(root, 'outbox'), { recursive: true });
  const bank = await startSftpSandbox({ root });
  upload(root, 'KOTAK_STMT_20240601.sta', mt940(1, '100000,00', '120982,80'), 0);
  upload(root, 'KOTAK_STMT_20240602.sta', mt940(2, '120982,80', '140965,60'), 60);
  // A PDF copy landed in the data folder by mistake: it must be quarantined, not stop the others.
  upload(root, 'KOTAK_STMT_20240602.pdf.sta', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 61);
  say(`Bank SFTP sandbox on ${bank.host}:${bank.port}, host key ${bank.hostKeyFingerprint}`);

  let dropped = false;
  const onEvent = (event: SftpEvent) => {
    if (event.type === 'retry') say(`  retry: ${event.operation} ${event.path ?? ''} after ${event.error.code} (attempt ${event.attempt})`);
    if (event.type === 'unstable') say(`  left for later: ${event.file.name}: ${event.reason}`);
    if (event.type === 'disposed') say(`  ${event.action}: ${event.file} -> ${event.to ?? '(deleted)'}`);
    // The link to the bank drops in the middle of the first download.
    if (event.type === 'download-progress' && !dropped) {
      dropped = true;
      say(`  (network) connection dropped after ${event.bytes} bytes of ${event.file.name}`);
      bank.dropConnections();
    }
  };
  const config = {
    host: bank.host,
    port: bank.port,
    username: bank.credentials.username,
    password: bank.credentials.password as string,
    hostKey: bank.hostKeyFingerprint,
    remoteDir: '/outbox',
    pattern: 'KOTAK_*.sta',
    afterProcessing: 'archive' as const,
    archiveDir: '/outbox/processed',
    quarantineDir: '/outbox/failed',
    ledger: createFileLedgerStore(join(out, 'kotak-ledger.json')),
    source: 'sftp:kotak',
    stabilityIntervalMs: 500,
    retry: { minDelayMs: 100 },
    onEvent,
  };

  try {
    // A pin that does not match is refused, naming the key the server offered.
    const impostor = await sftp({ ...config, hostKey: 'SHA256:W1NBdr6mJ7ZuvLyjX3X1B1W1dTY1oZ9fX0yGQY3a1Lc', onEvent: undefined }).check();
    say(`Wrong pin: ${impostor.ok ? 'accepted?!' : impostor.message.split('. If')[0]}`);

    const kotak = sftp(config);
    const check = await kotak.check();
    say(`check(): ${check.ok ? 'ok' : 'FAILED'}: ${check.message}`);
    if (!check.ok) throw check.error;

    const sinkPath = join(out, 'kotak.jsonl');
    const sink = createJsonLinesSink({ path: sinkPath });
    // The guide's hourly fetch. Runs are triggered by hand here so the example ends.
    const scheduler = createScheduler({ jobs: [{ name: 'kotak-hourly', connector: kotak, sink, stream: 'sftp:kotak', intervalMs: 3_600_000 }] });
    scheduler.start();

    say('Run 1 (09:30 IST):');
    const run1 = await scheduler.runNow('kotak-hourly');
    say(`  ${run1.status}: ${run1.records} transactions, ${run1.invalid} invalid, ${run1.checkpoints} files checkpointed`);
    if (run1.status === 'failed') throw run1.error;

    // An hour later: one new statement, and the old ones are still listed... in the archive.
    upload(root, 'KOTAK_STMT_20240603.sta', mt940(3, '140965,60', '160948,40'), 120);
    say('Run 2 (10:30 IST):');
    const run2 = await scheduler.runNow('kotak-hourly');
    say(`  ${run2.status}: ${run2.records} transactions, ${run2.invalid} invalid, ${run2.checkpoints} files checkpointed`);
    if (run2.status === 'failed') throw run2.error;

    say('Run 3 (11:30 IST), nothing new:');
    const run3 = await scheduler.runNow('kotak-hourly');
    say(`  ${run3.status}: ${run3.records} transactions`);
    await scheduler.stop();

    const lines = await readJsonLines(sinkPath);
    const ids = lines.flatMap((l) => (l.type === 'record' ? [l.txn.txn_id] : []));
    const invalid = lines.filter((l) => l.type === 'invalid');
    say();
    say(`Sink ${sinkPath}: ${ids.length} transactions (${new Set(ids).size} distinct ids), ${invalid.length} invalid`);
    for (const line of invalid) if (line.type === 'invalid') say(`  invalid: ${line.error.code}: ${line.error.message}`);
    const ledger = (await config.ledger.load())?.entries ?? [];
    say(`Ledger: ${ledger.map((e) => `${e.name} ${e.outcome}`).join('; ')}`);
    say(`Outbox now: ${readdirSync(join(root, 'outbox')).filter((n) => n.endsWith('.sta')).length} unprocessed; processed/: ${readdirSync(join(root, 'outbox', 'processed')).length} files; failed/: ${readdirSync(join(root, 'outbox', 'failed')).join(', ')}`);
    say(ids.length === new Set(ids).size && ids.length === 9 ? 'Every statement line once: no gap, no duplicate.' : 'UNEXPECTED: lines missing or repeated');
  } finally {
    await bank.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
