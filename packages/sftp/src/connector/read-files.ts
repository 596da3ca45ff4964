import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReconError, ReconError, type ConnectorMessage, type Logger, type ReadOptions } from '@recon/core';
import type { FileOutcome, RemoteFile, SftpEvent } from '../events';
import { openLedger, type Ledger } from '../ledger/ledger';
import type { LedgerEntry, LedgerStore } from '../ledger/types';
import type { FileParser, ParseContext } from '../parse/types';
import { orderedMap } from '../pipeline/ordered-map';
import { createDisposer, plannedDisposition, type DisposePlan } from '../remote/dispose';
import { fileNameMatcher, listMatchingFiles } from '../remote/list-files';
import { splitStable } from '../remote/stability';
import { abortedError } from '../transport/classify-error';
import type { Connection } from '../transport/connection';
import { cursorAt, planResume, type SftpCursor } from './cursor';
import { fetchFile, type FetchContext, type FetchResult } from './fetch-file';
import { messagesOfParsedFile, unparseableFileMessage } from './file-messages';

/** Everything one read needs, built by the connector from its config. */
export interface ReadContext {
  remoteDir: string;
  pattern: string;
  store: LedgerStore;
  dispose: DisposePlan;
  parser: FileParser;
  parseContext: ParseContext;
  stabilityIntervalMs: number;
  concurrency: number;
  maxFileBytes: number;
  idleTimeoutMs: number;
  tempDir?: string;
  /** Opens the read's connection (shared by its operations, reopened when it drops). */
  connect: (signal?: AbortSignal) => Connection;
  emit: (event: SftpEvent) => Promise<void>;
  scrub: (text: string) => string;
  logger: Logger;
}

type Message = ConnectorMessage<SftpCursor>;

/**
 * One read. In order:
 * 1. take the ledger (lock) and reconcile it with the cursor (roll forward / replay, see `planResume`);
 * 2. replay files the sink lacks; finish after-processing steps left pending by an earlier read;
 * 3. list `remoteDir`, drop files the ledger already has, keep those stable over the interval;
 * 4. download and parse them (`concurrency` at a time), and for each, in listing order, yield its
 *    records and invalid records, then one checkpoint whose cursor names that file;
 * 5. when the consumer asks for the next message, it has taken the checkpoint (the sync runner
 *    asks only after the sink acknowledged the batch): record the file in the ledger, then
 *    archive, delete or quarantine it.
 * A file's records and its ledger entry thus move together: one checkpoint per file.
 * Problems with single files (unreadable, archive failing) do not stop the others; they are
 * thrown together at the end, after every good file's checkpoint.
 */
export async function* readFiles(ctx: ReadContext, options: ReadOptions<SftpCursor>): AsyncGenerator<Message> {
  const { signal } = options;
  const { logger } = ctx;
  if (signal?.aborted) throw abortedError();
  const release = await lockLedger(ctx.store);
  let tempDir: string | undefined;
  const connection = ctx.connect(signal);
  try {
    const ledger = await openLedger(ctx.store);
    const plan = planResume(ledger, options.cursor);
    if (plan.rollForward) {
      logger.info({ file: plan.rollForward.name, seq: plan.rollForward.seq }, 'sftp: the sink has a file the ledger missed (stopped between the two); recording it, not reading it again');
      await ledger.append(plan.rollForward);
    }
    tempDir = await mkdtemp(join(ctx.tempDir ?? tmpdir(), 'recon-sftp-'));
    const fetchContext: FetchContext = {
      connection,
      tempDir,
      idleTimeoutMs: ctx.idleTimeoutMs,
      maxFileBytes: ctx.maxFileBytes,
      parser: ctx.parser,
      parseContext: ctx.parseContext,
      emit: ctx.emit,
      scrub: ctx.scrub,
      logger,
      ...(signal && { signal }),
    };
    const dispose = createDisposer(connection, ctx.dispose);
    const deferred: ReconError[] = [];
    let checkpoints = 0;

    const settle = async (entry: LedgerEntry) => {
      try {
        const disposition = await dispose(entry);
        if (disposition !== entry.disposition) await ledger.setDisposition(entry.seq, disposition);
        if (disposition.action !== 'leave') await ctx.emit({ type: 'disposed', file: entry.name, action: disposition.action, ...(disposition.location !== undefined && { to: disposition.location }) });
      } catch (error) {
        if (signal?.aborted) throw abortedError();
        const reconError = asReconError(error);
        logger.warn({ file: entry.name, action: entry.disposition.action, code: reconError.code, error: reconError.message }, 'sftp: after-processing step failed; it is tried again on the next read');
        await ledger.setDisposition(entry.seq, { ...entry.disposition, done: false, error: reconError.message });
        deferred.push(reconError);
      }
    };

    // 2a. Replay: records the sink lacks, read again from where the server keeps the file now.
    for (const entry of plan.replay) {
      yield* replay(entry, fetchContext);
      checkpoints++;
    }
    // 2b. Steps an earlier read could not finish (or never reached: it stopped right after a checkpoint).
    for (const entry of ledger.pending()) await settle(entry);

    // 3. What is new and no longer being written.
    const matches = fileNameMatcher(ctx.pattern);
    const list = () => connection.run('list', ctx.remoteDir, (s) => listMatchingFiles(s, ctx.remoteDir, matches));
    const fresh = (await list()).filter((file) => !ledger.findInPlace(file));
    await ctx.emit({ type: 'listed', files: fresh });
    const { stable, unstable } = await splitStable(fresh, { intervalMs: ctx.stabilityIntervalMs, relist: list, emit: ctx.emit, ...(signal && { signal }) });
    for (const { file, reason } of unstable) await noteUnstable(file, reason, ctx, logger);

    // 4 + 5. Download and parse ahead; checkpoint in order.
    for await (const result of orderedMap(stable, ctx.concurrency, (file) => fetchFile(file, fetchContext))) {
      if (signal?.aborted) throw abortedError();
      if (result.kind === 'unstable') {
        await noteUnstable(result.file, result.reason, ctx, logger);
        continue;
      }
      if (result.kind === 'unreadable') {
        logger.warn({ file: result.file.name, code: result.error.code }, 'sftp: file not readable; skipped, tried again on the next read');
        deferred.push(result.error);
        continue;
      }
      const { entry, messages } = outcomeOf(result, ledger, ctx.dispose);
      yield* messages;
      await ctx.emit({ type: 'file', file: result.file, outcome: entry.outcome, records: entry.records, invalid: entry.invalid, sha256: entry.sha256 });
      logger.info({ file: entry.name, seq: entry.seq, outcome: entry.outcome, records: entry.records, invalid: entry.invalid, sha256: entry.sha256 }, `sftp: ${entry.outcome} ${entry.name}`);
      yield { type: 'state', cursor: cursorAt(entry) };
      // Resumed: the consumer took the checkpoint. Only now is the file ours to record and move.
      checkpoints++;
      await ledger.append(entry);
      await settle(entry);
    }

    // A read that checkpointed nothing still reports where the ledger stands, so the caller's
    // cursor follows the ledger (first run with a new sink, or nothing new on the server).
    if (checkpoints === 0) yield { type: 'state', cursor: cursorAt(ledger.head()) };
    if (deferred.length) throw combine(deferred);
  } finally {
    await connection.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    await release();
  }
}

/** Yield a replayed entry's messages and its checkpoint (the ledger already has it). */
async function* replay(entry: LedgerEntry, ctx: FetchContext): AsyncGenerator<Message> {
  if (entry.outcome !== 'duplicate') {
    const location = entry.disposition.location;
    if (location === undefined) throw replayUnavailable(entry, 'it was deleted from the server after processing (afterProcessing: "delete")');
    const file: RemoteFile = { name: entry.name, path: location, size: entry.size, mtimeMs: entry.mtimeMs };
    const result = await fetchFile(file, ctx);
    if (result.kind === 'unstable' || result.kind === 'unreadable') throw replayUnavailable(entry, result.kind === 'unstable' ? result.reason : result.error.message);
    if (result.sha256 !== entry.sha256) throw replayUnavailable(entry, `its content changed (sha256 ${result.sha256.slice(0, 12)}…, recorded ${entry.sha256.slice(0, 12)}…)`);
    ctx.logger.info({ file: entry.name, seq: entry.seq, from: location }, 'sftp: replaying a file the sink does not have');
    if (result.kind === 'parsed') yield* messagesOfParsedFile(result.parsed);
    else yield unparseableFileMessage(file, result.sha256, result.reason, result.content);
  }
  yield { type: 'state', cursor: cursorAt(entry) };
}

/** The ledger entry a fetched file gets, and the messages that go before its checkpoint. */
function outcomeOf(result: Extract<FetchResult, { kind: 'parsed' | 'failed' }>, ledger: Ledger, plan: DisposePlan): { entry: LedgerEntry; messages: Message[] } {
  const { file, sha256 } = result;
  let outcome: FileOutcome;
  let messages: Message[];
  let reason: string | undefined;
  if (result.kind === 'failed') {
    outcome = 'failed';
    reason = result.reason;
    messages = [unparseableFileMessage(file, sha256, result.reason, result.content)];
  } else {
    const earlier = ledger.findProcessedContent(sha256);
    if (earlier) {
      // Same bytes as a file already processed (a resend, or a file moved back): its records went out then.
      outcome = 'duplicate';
      reason = `same content as ${earlier.name} (#${earlier.seq})`;
      messages = [];
    } else {
      outcome = 'processed';
      messages = messagesOfParsedFile(result.parsed);
    }
  }
  const records = messages.filter((m) => m.type === 'record').length;
  const entry = ledger.seal({
    name: file.name,
    size: file.size,
    mtimeMs: file.mtimeMs,
    sha256,
    outcome,
    records,
    invalid: messages.length - records,
    ...(reason !== undefined && { reason }),
    at: new Date().toISOString(),
    disposition: plannedDisposition(outcome, file.path, plan),
  });
  return { entry, messages };
}

async function noteUnstable(file: RemoteFile, reason: string, ctx: ReadContext, logger: Logger): Promise<void> {
  logger.info({ file: file.name, reason }, 'sftp: file still changing; left for a later read');
  await ctx.emit({ type: 'unstable', file, reason });
}

async function lockLedger(store: LedgerStore): Promise<() => Promise<void>> {
  if (!store.lock) return async () => undefined;
  try {
    return await store.lock();
  } catch (error) {
    if (isReconError(error)) throw error;
    throw new ReconError(`[recon:sftp] the ledger is in use: ${error instanceof Error ? error.message : String(error)}`, { code: 'SFTP_LEDGER_LOCKED', kind: 'config', retryable: true, connector: 'sftp' });
  }
}

function replayUnavailable(entry: LedgerEntry, why: string): ReconError {
  return new ReconError(`[recon:sftp] cannot replay ${entry.name} (file #${entry.seq}) for a cursor behind the ledger: ${why}`, {
    code: 'SFTP_REPLAY_UNAVAILABLE',
    kind: 'config',
    retryable: false,
    connector: 'sftp',
    details: { file: entry.name, seq: entry.seq },
  });
}

function asReconError(error: unknown): ReconError {
  if (isReconError(error)) return error;
  return new ReconError(`[recon:sftp] ${error instanceof Error ? error.message : String(error)}`, { code: 'SFTP_FAILURE', kind: 'upstream', retryable: false, connector: 'sftp' });
}

/** One error for everything that went wrong with single files, thrown after the good ones are checkpointed. */
function combine(errors: ReconError[]): ReconError {
  if (errors.length === 1) return errors[0] as ReconError;
  const first = errors[0] as ReconError;
  const lines = errors.slice(0, 10).map((e) => `${e.code}: ${e.message}`);
  return new ReconError(`[recon:sftp] ${errors.length} files could not be handled in this read (the others were): ${lines.join('; ')}`, {
    code: 'SFTP_INCOMPLETE',
    kind: first.kind,
    retryable: errors.every((e) => e.retryable),
    connector: 'sftp',
    details: { errors: errors.map((e) => ({ code: e.code, kind: e.kind, message: e.message })) },
  });
}
