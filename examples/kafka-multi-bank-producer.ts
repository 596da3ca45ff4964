/**
 * The guide's multi-bank producer: every source on its own schedule in one process (core's
 * `createScheduler`), each into its own Kafka topic (razorpay_txns, icici_txns, hdfc_txns,
 * sbi_txns, kotak_txns, plus the ERP's ledger_txns) with the exactly-once sink: each page's
 * records and the connector's cursor commit in one Kafka transaction. One source failing never
 * stops the others: its job is reported, backs off and retries on its next tick.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/kafka-multi-bank-producer.ts [options]
 *
 * Options:
 *   --once               run every job once (all at the same time), report, exit: 0 when all
 *                        succeeded, 1 when any failed (after the others finished)
 *   --fail=SOURCE        make that source's sandbox fail hard (razorpay, icici, hdfc, sbi, sftp)
 *   --topic-suffix=S     append S to every topic name and the sink id (keeps runs apart on a shared broker)
 *   --day=YYYY-MM-DD     the business day the sandboxes serve and the first read starts at (default: yesterday, IST)
 *
 * Connectors configured in `.env` (examples/.env.example) read their real endpoint, the others
 * their in-process sandbox. RECON_KAFKA_BROKERS picks the broker; without it the project's broker
 * is started for the run. Without --once it runs until SIGTERM / Ctrl-C, then stops cleanly
 * (in-flight runs end at their next message; nothing acknowledged is lost or written twice).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleLogger, createScheduler, type Sink, type SyncJob, type SyncReport } from '@recon/core';
import { createReconTopics, createTransactionalKafkaSink } from '@recon/kafka-sink';
import { isCalendarDay, istYesterday } from './business-day';
import { describeModes, loadDotEnv, readExamplesConfig, SOURCE_NAMES, type SourceName } from './env';
import { openSources, type ExampleSource } from './example-sources';
import { argValue, connectKafka, guideTopics } from './kafka-connection';

const say = (line = '') => process.stdout.write(`${line}\n`);
const MINUTE = 60_000;

/** How often each source is read: the gateway often, bank APIs within their hourly quotas, SFTP files hourly. */
const SCHEDULE: Readonly<Record<ExampleSource['name'], number>> = { ledger: 15 * MINUTE, razorpay: 5 * MINUTE, icici: 15 * MINUTE, hdfc: 15 * MINUTE, sbi: 15 * MINUTE, sftp: 60 * MINUTE };

/** One job's view of the shared sink: prints each acknowledged batch; closing is left to main(). */
function labelled(sink: Sink, label: string, topic: string): Sink {
  return {
    name: `${sink.name}:${label}`,
    write: async (batch) => {
      await sink.write(batch);
      if (batch.records.length + batch.invalid.length === 0) return;
      say(`  ${label.padEnd(10)} +${batch.records.length} records → ${topic}${batch.invalid.length ? `, +${batch.invalid.length} dead letters` : ''}${batch.cursor ? ' (committed with its cursor)' : ''}`);
    },
    ...(sink.loadCursor && { loadCursor: sink.loadCursor.bind(sink) }),
    close: async () => {},
  };
}

function reportLine(name: string, report: SyncReport): string {
  const counts = `${report.records} records, ${report.invalid} dead letters, ${report.checkpoints} transactions`;
  if (report.status === 'failed') return `  ✗ ${name.padEnd(10)} FAILED at ${report.failedAt}: ${report.error.code} (${report.error.kind}); ${counts} before it; the other jobs carried on`;
  return `  ✓ ${name.padEnd(10)} ${report.status}: ${counts}`;
}

async function main(): Promise<number> {
  const once = process.argv.includes('--once');
  const fail = argValue('fail');
  if (fail !== undefined && !(SOURCE_NAMES as readonly string[]).includes(fail)) throw new Error(`--fail must be one of ${SOURCE_NAMES.join(', ')}`);
  const day = argValue('day') ?? istYesterday();
  if (!isCalendarDay(day)) throw new Error('--day must be a YYYY-MM-DD date');
  const suffix = argValue('topic-suffix') ?? '';
  if (!/^[A-Za-z0-9._-]*$/.test(suffix)) throw new Error('--topic-suffix may only hold letters, digits, ".", "_" and "-"');

  loadDotEnv();
  const config = readExamplesConfig();
  const connection = await connectKafka('recon-multi-bank-producer', config.kafkaBrokers);
  const workDir = mkdtempSync(join(tmpdir(), 'recon-producer-'));
  const logger = createConsoleLogger({ level: 'error' });
  try {
    say(connection.description);
    say(`Sources: ${describeModes(config)}${fail ? `; the ${fail} sandbox fails hard (--fail)` : ''}`);
    const topics = guideTopics(suffix);
    const { kafka } = connection;
    const created = await createReconTopics({ kafka, topics: topics.all, deadLetterTopic: topics.deadLetters, partitions: 3, logger });
    say(`Topics: ${topics.all.join(', ')}, dead letters ${topics.deadLetters}${created.created.length ? ` (created ${created.created.length})` : ''}`);

    const opened = await openSources({ config, day, workDir, ...(fail !== undefined && { fail: fail as SourceName }) });
    // One exactly-once sink: a transactional producer per stream, so the jobs never wait on each other.
    const sink = createTransactionalKafkaSink({ kafka, topics: topics.bySource, deadLetterTopic: topics.deadLetters, sinkId: `multi-bank-producer${suffix}`, logger });
    const jobs: SyncJob[] = opened.sources.map((s) => ({
      name: s.name,
      connector: s.connector,
      sink: labelled(sink, s.name, topics.bySource[s.source] ?? s.source),
      stream: s.source,
      intervalMs: SCHEDULE[s.name],
      runOnStart: !once,
      // A first run starts at the business day; later runs resume from the cursor in Kafka.
      from: day,
    }));
    // The scheduler logs each failure with its code (never a secret) and backs the job off.
    const scheduler = createScheduler({ jobs, logger: createConsoleLogger({ level: 'warn' }), handleSignals: !once });
    try {
      say(`Schedules: ${jobs.map((j) => `${j.name} every ${j.intervalMs / MINUTE} min`).join(', ')}`);
      scheduler.start();
      if (once) {
        say('Running every job once, at the same time:');
        const reports = await Promise.all(jobs.map(async (job) => [job.name, await scheduler.runNow(job.name)] as const));
        say('Results:');
        for (const [name, report] of reports) say(reportLine(name, report));
        const failed = reports.filter(([, report]) => report.status === 'failed').length;
        say(failed === 0 ? 'Every job succeeded.' : `${failed} of ${reports.length} jobs failed; the others completed.`);
        return failed === 0 ? 0 : 1;
      }
      say('Running until SIGTERM / Ctrl-C.');
      await new Promise<void>((done) => {
        process.once('SIGTERM', () => done());
        process.once('SIGINT', () => done());
      });
      return 0;
    } finally {
      await scheduler.stop();
      await sink.close();
      for (const job of scheduler.status().jobs) say(`  ${job.name.padEnd(10)} runs ${job.runs}, ok ${job.successes}, failed ${job.failures}${job.lastError ? ` (last: ${job.lastError.code})` : ''}`);
      await opened.close();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await connection.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kafka-multi-bank-producer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
