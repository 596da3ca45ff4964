import { requireApiKey } from '../sandbox/auth';
import { createRng } from '../sandbox/rng';
import { createSandboxServer } from '../sandbox/server';
import type { SandboxHandle, SandboxRequest, SandboxResponse, SandboxStartOptions } from '../sandbox/types';
import { createLedgerDataset, type LedgerDataset, type LedgerEntry } from './ledger-dataset';

/** Header the sample ledger API reads its key from. */
export const SAMPLE_LEDGER_API_KEY_HEADER = 'X-Api-Key';
/** Largest page the sample API serves. */
export const SAMPLE_LEDGER_MAX_LIMIT = 100;
const DEFAULT_LIMIT = 25;

/** Options of {@link startSampleLedgerSandbox}. */
export interface SampleLedgerSandboxOptions extends SandboxStartOptions {
  /** Number of rows (default 60). */
  count?: number;
  /** Make every n-th row deliberately invalid. */
  invalidEvery?: number;
}

/** A running sample ledger API. */
export interface SampleLedgerSandbox extends SandboxHandle<{ apiKey: string }> {
  dataset: LedgerDataset;
}

/** Keyset position: after the row with this time and id. */
interface Position {
  at: number;
  id: string;
}

function encodePosition(entry: LedgerEntry): string {
  return Buffer.from(JSON.stringify({ at: entry.at, id: entry.row.id })).toString('base64url');
}

function decodePosition(cursor: string): Position | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as Position).at === 'number' && typeof (value as Position).id === 'string') return value as Position;
  } catch {
    // fall through: not ours
  }
  return undefined;
}

const isAfter = (entry: LedgerEntry, position: Position) => entry.at > position.at || (entry.at === position.at && entry.row.id > position.id);

function badRequest(message: string): SandboxResponse {
  return { status: 400, body: { error: { code: 'BAD_REQUEST', message } } };
}

function parseTime(value: string | undefined, name: string): number | undefined | SandboxResponse {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? badRequest(`${name} must be an ISO 8601 date or date-time`) : ms;
}

/**
 * `GET /v1/transactions?from&to&cursor&limit`: rows with `from <= created_at < to`, in
 * (`created_at`, `id`) order, after `cursor`. Keyset paging: `next_cursor` marks the last row
 * served, so rows added before it later cannot shift a page (offset paging would).
 */
function listTransactions(dataset: LedgerDataset) {
  let served = 0;
  return (req: SandboxRequest): SandboxResponse => {
    const from = parseTime(req.query['from'], 'from');
    const to = parseTime(req.query['to'], 'to');
    if (typeof from === 'object') return from;
    if (typeof to === 'object') return to;
    const limitText = req.query['limit'] ?? String(DEFAULT_LIMIT);
    const limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= SAMPLE_LEDGER_MAX_LIMIT)) return badRequest(`limit must be an integer from 1 to ${SAMPLE_LEDGER_MAX_LIMIT}`);
    const cursorText = req.query['cursor'];
    const position = cursorText ? decodePosition(cursorText) : undefined;
    if (cursorText && !position) return badRequest('cursor is not valid');

    const matching = dataset.entries.filter((e) => (from === undefined || e.at >= from) && (to === undefined || e.at < to) && (!position || isAfter(e, position)));
    const page = matching.slice(0, limit);
    const last = page.at(-1);
    return {
      headers: { 'x-request-id': `req_${String(++served).padStart(6, '0')}` },
      body: {
        object: 'list',
        data: page.map((e) => e.row),
        has_more: matching.length > page.length,
        next_cursor: last ? encodePosition(last) : null,
      },
    };
  };
}

/**
 * Start the sample "ledger API" sandbox: API-key auth, keyset paging, a seeded dataset of Indian
 * UPI/NEFT/IMPS transactions (optionally with deliberately invalid rows), and the shared fault
 * vocabulary. The key is derived from the seed, so a run can be replayed exactly.
 */
export async function startSampleLedgerSandbox(options: SampleLedgerSandboxOptions = {}): Promise<SampleLedgerSandbox> {
  const seed = options.seed ?? 1;
  const dataset = createLedgerDataset({ seed, count: options.count ?? 60, ...(options.invalidEvery !== undefined && { invalidEvery: options.invalidEvery }) });
  const apiKey = `sk_test_${createRng(`ledger-key:${seed}`).hex(32)}`;
  const server = await createSandboxServer({
    name: 'sample-ledger',
    auth: requireApiKey(SAMPLE_LEDGER_API_KEY_HEADER, apiKey),
    routes: [
      { method: 'GET', path: '/v1/transactions', handler: listTransactions(dataset) },
      { method: 'GET', path: '/v1/health', public: true, handler: () => ({ body: { status: 'ok' } }) },
    ],
    ...(options.faults && { faults: options.faults }),
    ...(options.logger && { logger: options.logger }),
  });
  return { url: server.url, credentials: { apiKey }, server, dataset, close: () => server.close() };
}
