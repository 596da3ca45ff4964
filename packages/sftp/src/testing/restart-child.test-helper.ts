/**
 * Test fixture run as a child process by the restart tests: one `runSync` of the SFTP connector
 * into a JSON-lines sink, stopped dead (SIGKILL by the parent) at a chosen point of a chosen
 * batch. Input: JSON in RECON_RESTART_CHILD_INPUT (not argv, where `ps` would show credentials):
 * { config, sinkPath, stream, stopAt: { batch, when } }. It prints `STOPPED <batch> <when>` and
 * waits to be killed (exiting on its own after a minute, should the parent have died).
 */
import { createJsonLinesSink, runSync, type Sink } from '@recon/core';
import { sftp } from '../connector/sftp-connector';
import type { SftpConfig } from '../config';

interface ChildInput {
  config: SftpConfig;
  sinkPath: string;
  stream: string;
  /** `before-ack`: die inside the sink write before it stores anything; `after-ack`: right after the batch and its cursor are durable. */
  stopAt: { batch: number; when: 'before-ack' | 'after-ack' };
}

const input = JSON.parse(process.env.RECON_RESTART_CHILD_INPUT ?? 'null') as ChildInput | null;
if (!input) throw new Error('restart-child: set RECON_RESTART_CHILD_INPUT');
setTimeout(() => process.exit(3), 60_000).unref();

const inner = createJsonLinesSink({ path: input.sinkPath });
let batches = 0;
const stop = async (): Promise<never> => {
  process.stdout.write(`STOPPED ${input.stopAt.batch} ${input.stopAt.when}\n`);
  // Wait for SIGKILL: nothing after this point may run, as in a crash.
  return new Promise<never>(() => setInterval(() => undefined, 1_000));
};
const sink: Sink = {
  name: 'crashing-json-lines',
  loadCursor: (stream) => inner.loadCursor(stream),
  async write(batch) {
    batches += 1;
    if (batches === input.stopAt.batch && input.stopAt.when === 'before-ack') await stop();
    await inner.write(batch);
    if (batches === input.stopAt.batch && input.stopAt.when === 'after-ack') await stop();
  },
};

const report = await runSync({ connector: sftp(input.config), sink, stream: input.stream });
process.stdout.write(`FINISHED ${report.status}\n`);
