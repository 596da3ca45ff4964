import { createReadStream } from 'node:fs';
import type { Cursor } from '../connector/types';
import { ReconError, type ReconErrorJSON } from '../errors';
import type { StandardTransaction } from '../schema/transaction';
import type { InvalidRecord, SinkBatch } from './types';

/**
 * One line of a JSON-lines sink file. The file is UTF-8, one JSON object per line, each line ending
 * in `\n`:
 *
 * ```text
 * {"type":"record","stream":"razorpay","txn":{...standard transaction...}}
 * {"type":"invalid","stream":"razorpay","raw":{...as received...},"error":{...ReconError JSON...}}
 * {"type":"state","stream":"razorpay","cursor":{...connector cursor...}}
 * ```
 *
 * Each sink write appends its records, then its invalid records, then (when the batch completes a
 * checkpoint) one `state` line, all in one write followed by fsync. **A record or invalid line is
 * committed only when a `state` line of the same stream follows it**; lines after a stream's last
 * `state` line are uncommitted (their source records will be read again from that cursor) and
 * readers must ignore them, as {@link readJsonLines} does by default.
 */
export type JsonLine =
  | { type: 'record'; stream: string; txn: StandardTransaction }
  | { type: 'invalid'; stream: string; raw: unknown; error: ReconErrorJSON }
  | { type: 'state'; stream: string; cursor: Cursor };

/** The text one sink write appends: every line of the batch, each ending in `\n`. */
export function encodeBatch(batch: SinkBatch): string {
  let text = '';
  for (const txn of batch.records) text += stringify({ type: 'record', stream: batch.stream, txn }) + '\n';
  for (const record of batch.invalid) text += stringify({ type: 'invalid', stream: batch.stream, raw: record.raw, error: errorJson(record) }) + '\n';
  if (batch.cursor !== undefined) text += stringify({ type: 'state', stream: batch.stream, cursor: batch.cursor }) + '\n';
  return text;
}

/**
 * Raw payloads come from outside and may hold values JSON cannot carry (a bigint from a file
 * parser): write those as strings rather than lose the record.
 */
function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

function errorJson(record: InvalidRecord): ReconErrorJSON {
  const error = record.error as Partial<InvalidRecord['error']>;
  if (typeof error.toJSON === 'function') return error.toJSON();
  // Hand-built InvalidRecords may carry a plain Error: keep what it has.
  return { name: String(error.name ?? 'Error'), code: 'INVALID_DATA', kind: 'invalid_data', message: String(error.message ?? ''), retryable: false };
}

/**
 * Parse one complete line, checking the envelope (`type`, `stream`) but not the transaction: the
 * consumer validates records, and a line of ours that fails to parse means the file is damaged.
 */
export function decodeLine(bytes: Uint8Array, path: string, offset: number): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw corruptLine(path, offset, 'not valid JSON', cause);
  }
  if (typeof value !== 'object' || value === null) throw corruptLine(path, offset, 'not a JSON object');
  const line = value as Record<string, unknown>;
  if (typeof line.stream !== 'string') throw corruptLine(path, offset, 'missing "stream"');
  if (line.type === 'record' && typeof line.txn === 'object' && line.txn !== null) return line as JsonLine;
  if (line.type === 'invalid' && typeof line.error === 'object' && line.error !== null) return line as JsonLine;
  if (line.type === 'state' && 'cursor' in line) return line as JsonLine;
  throw corruptLine(path, offset, 'unknown "type" or missing payload');
}

function corruptLine(path: string, offset: number, why: string, cause?: unknown): ReconError {
  return new ReconError(`[recon:sync] ${path} is damaged at byte ${offset}: ${why}. Only the last line of a file can be torn by a crash; fix or move the file.`, {
    code: 'SINK_FILE_CORRUPT',
    kind: 'internal',
    cause,
    details: { path, offset },
  });
}

/** Result of {@link scanLines}. */
export interface ScanResult {
  /** File size in bytes. */
  size: number;
  /** Offset just past the last `\n`; bytes from here to `size` are a torn (incomplete) last line. */
  completeEnd: number;
}

/**
 * Stream through a file calling `onLine` for every complete line (without its `\n`) with its byte
 * range `[start, end)`, `end` including the newline (an async `onLine` is awaited). Memory stays at
 * one chunk plus one line, whatever the file size. Resolves `undefined` when the file does not exist.
 */
export async function scanLines(path: string, onLine: (bytes: Buffer, start: number, end: number) => void | Promise<void>): Promise<ScanResult | undefined> {
  let offset = 0; // bytes consumed so far
  let carry: Buffer[] = []; // bytes of the current, unfinished line
  let carryStart = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        const piece = chunk.subarray(from, nl);
        const bytes = carry.length ? Buffer.concat([...carry, piece]) : piece;
        const start = carry.length ? carryStart : offset + from;
        await onLine(bytes, start, offset + nl + 1);
        carry = [];
        from = nl + 1;
      }
      if (from < chunk.length) {
        if (!carry.length) carryStart = offset + from;
        carry.push(chunk.subarray(from));
      }
      offset += chunk.length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { size: offset, completeEnd: carry.length ? carryStart : offset };
}

/** Options of {@link readJsonLines}. */
export interface ReadJsonLinesOptions {
  /**
   * Also return lines not followed by a `state` line of their stream (a run that crashed, failed
   * or is still writing). Default `false`: only committed lines, which is what a consumer wants.
   */
  includeUncommitted?: boolean;
}

/**
 * Read a JSON-lines sink file: every committed line in file order (records, invalid records and
 * state lines). A torn last line is skipped; a damaged line elsewhere throws `SINK_FILE_CORRUPT`.
 * Records are returned as stored, not re-validated. Loads the whole file into memory: for very
 * large files, use {@link scanLines} with {@link decodeLine}.
 */
export async function readJsonLines(path: string, options: ReadJsonLinesOptions = {}): Promise<JsonLine[]> {
  const lines: { line: JsonLine; end: number }[] = [];
  const lastStateEnd = new Map<string, number>();
  const scan = await scanLines(path, (bytes, start, end) => {
    const line = decodeLine(bytes, path, start);
    lines.push({ line, end });
    if (line.type === 'state') lastStateEnd.set(line.stream, end);
  });
  if (!scan) throw new ReconError(`[recon:sync] ${path} does not exist`, { code: 'SINK_FILE_MISSING', kind: 'config', details: { path } });
  if (options.includeUncommitted) return lines.map((l) => l.line);
  return lines.filter(({ line, end }) => end <= (lastStateEnd.get(line.stream) ?? 0)).map((l) => l.line);
}
