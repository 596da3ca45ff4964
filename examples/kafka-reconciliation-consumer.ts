/**
 * The guide's reconciliation consumer: reads the per-source topics (what
 * kafka-multi-bank-producer.ts writes) as one consumer group, validates every message against the
 * standard schema (anything that is not a valid transaction goes to the dead-letter topic with
 * its original bytes and the reason, and consumption goes on), feeds the streaming reconciler,
 * prints its events as they happen and writes the outcomes (JSON + CSV) when it stops.
 * Offsets are committed only after the reconciler has the records.
 *
 *   node_modules/.bin/tsx --conditions=@recon/source examples/kafka-reconciliation-consumer.ts [options]
 *
 * Options:
 *   --until-caught-up    stop once every message committed to the topics at start has been handled
 *                        (otherwise: until SIGTERM / Ctrl-C)
 *   --topic-suffix=S     the producer's --topic-suffix
 *   --group=ID           consumer group (default recon-reconciler<suffix>)
 *   --out=DIR            where outcomes.json and outcomes.csv go (default reports/kafka-reconciliation)
 *
 * RECON_KAFKA_BROKERS picks the broker (set it to the producer's); without it the project's broker
 * is started, which only makes sense after a producer run on that same broker in this process tree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConsoleLogger, createReconciler, exportCsv, exportJson, type ReconEvent, type StandardTransaction } from '@recon/core';
import { createReconTopics, createTransactionConsumer, resolveKafkaPort } from '@recon/kafka-sink';
import { loadDotEnv, readExamplesConfig } from './env';
import { argValue, connectKafka, guideTopics } from './kafka-connection';
import { guideReconConfig, isBreak, summaryLines } from './recon-config';

const say = (line = '') => process.stdout.write(`${line}\n`);
const DAY_MS = 86_400_000;

/**
 * Events printed one per line: what needs a person (a break: the wait window closed without a
 * partner; a duplicate) and a break that found its partner after all. The others are counted:
 * while a settlement's recon rows arrive one by one, its group match changes with each row.
 */
const SHOWN = new Set<string>(['break', 'duplicate', 'reopened']);

/** One line for an event worth a person's attention. */
function eventLine(event: ReconEvent): string {
  const records = [...event.outcome.left, ...event.outcome.right];
  const shown = records.slice(0, 2).map((t) => `${t.source}:${t.txn_id} ${t.amount}`).join(' + ') + (records.length > 2 ? ` + ${records.length - 2} more` : '');
  return `  [${event.type}] ${event.link}: ${shown}`;
}

async function main(): Promise<number> {
  const suffix = argValue('topic-suffix') ?? '';
  const groupId = argValue('group') ?? `recon-reconciler${suffix}`;
  const out = resolve(argValue('out') ?? join('reports', 'kafka-reconciliation'));
  const untilCaughtUp = process.argv.includes('--until-caught-up');

  loadDotEnv();
  const config = readExamplesConfig();
  const connection = await connectKafka('recon-reconciliation-consumer', config.kafkaBrokers);
  const logger = createConsoleLogger({ level: 'error' });
  try {
    const { kafka } = connection;
    const topics = guideTopics(suffix);
    say(connection.description);
    // Creating what is missing lets the consumer start before the producer ever ran.
    await createReconTopics({ kafka, topics: topics.all, deadLetterTopic: topics.deadLetters, partitions: 3, logger });

    // How much is there now: every committed message of every topic (read_committed, to the end).
    let target = Number.POSITIVE_INFINITY;
    if (untilCaughtUp) {
      const port = resolveKafkaPort(kafka, logger);
      target = 0;
      for (const topic of topics.all) await port.readToEnd(topic, () => void (target += 1), { timeoutMs: 60_000 });
      say(`Committed messages in ${topics.all.join(', ')}: ${target}`);
    }

    // Topics are read in parallel, so a record's partner may arrive well after it: wait a week of
    // event time (payments settle T+1..T+3, a late bank credit can take longer) before a break.
    const reconciler = createReconciler(guideReconConfig(), { defaultWindowMs: 7 * DAY_MS });
    const counts = new Map<string, number>();
    reconciler.on((event) => {
      counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      if (SHOWN.has(event.type)) say(eventLine(event));
    });
    // A redelivery (a restart between handling and commit) must not look like a duplicate posting.
    const seen = new Map<string, string>();
    let repeats = 0;
    const onTransaction = (txn: StandardTransaction) => {
      const key = `${txn.source}\u0000${txn.txn_id}`;
      const body = JSON.stringify(txn);
      if (seen.get(key) === body) {
        repeats += 1;
        return;
      }
      seen.set(key, body);
      reconciler.add(txn);
    };

    const consumer = createTransactionConsumer({ kafka, groupId, topics: topics.all, deadLetterTopic: topics.deadLetters, fromBeginning: true, logger, onTransaction });
    say(`Consuming ${topics.all.length} topics as group ${groupId}; invalid messages go to ${topics.deadLetters}`);
    await consumer.start();
    try {
      if (untilCaughtUp) {
        const handled = () => consumer.stats.transactions + consumer.stats.deadLetters;
        // A guard against waiting forever on a topic that stopped moving, not a measurement.
        const deadline = Date.now() + 10 * 60_000;
        while (handled() < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        if (handled() < target) throw new Error(`handled ${handled()} of ${target} messages before giving up`);
        say(`Caught up: ${consumer.stats.transactions} transactions, ${consumer.stats.deadLetters} dead letters`);
      } else {
        say('Running until SIGTERM / Ctrl-C.');
        await new Promise<void>((done) => {
          process.once('SIGTERM', () => done());
          process.once('SIGINT', () => done());
        });
      }
    } finally {
      await consumer.stop();
    }

    const result = reconciler.result();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'outcomes.json'), exportJson(result));
    writeFileSync(join(out, 'outcomes.csv'), exportCsv(result));
    say(`Events: ${[...counts].map(([type, n]) => `${n} ${type}`).join(', ') || 'none'}${repeats ? `; ${repeats} redelivered records skipped` : ''}`);
    say(`Outcomes of ${result.summary.records} records:`);
    for (const line of summaryLines(result)) say(`  ${line}`);
    say(`Breaks: ${result.outcomes.filter(isBreak).length}`);
    say(`Dead letters: ${consumer.stats.deadLetters} (in ${topics.deadLetters}, original bytes + reason headers)`);
    say(`Wrote ${join(out, 'outcomes.json')} and ${join(out, 'outcomes.csv')}`);
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kafka-reconciliation-consumer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
