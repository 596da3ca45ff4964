import { z } from 'zod';
import { defineConnector } from '../../connector/define-connector';
import type { ConnectorMessage } from '../../connector/types';
import { ConfigError, InvalidDataError, UpstreamError } from '../../errors';
import { apiKeyHeader, createHttpClient, paginate } from '../../http';
import { formatIssues, issuesFromZod, safeParseTransaction } from '../../schema/parse';
import { SAMPLE_LEDGER_API_KEY_HEADER } from './ledger-sandbox';
import { mapLedgerRow, SAMPLE_LEDGER_SOURCE } from './map-ledger-row';

/** Config of the {@link sampleLedger} connector. */
export const SampleLedgerConfig = z.object({
  /** Base URL of the ledger API, e.g. the sandbox's `url`. */
  baseUrl: z.url(),
  /** API key, sent in the `X-Api-Key` header. */
  apiKey: z.string().min(8),
  /** Rows per request (the API allows 1 to 100). */
  pageSize: z.number().int().min(1).max(100).default(50),
  /** Per-request deadline in milliseconds. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Retry tuning; the HTTP kit's defaults otherwise. */
  retry: z
    .object({
      retries: z.number().int().min(0).max(10),
      minDelayMs: z.number().int().min(0),
      maxDelayMs: z.number().int().min(0),
    })
    .partial()
    .optional(),
});
/** What a caller passes to {@link sampleLedger} (defaults not yet applied). */
export type SampleLedgerConfig = z.input<typeof SampleLedgerConfig>;

/**
 * Resume position. `to` is the signpost fixed when the window started (rows booked later wait for
 * the next window); `after` is the API's keyset cursor of the last row delivered; `done` marks a
 * finished window, from which the next read starts a new one at `to`.
 */
export type SampleLedgerCursor = { from: string | null; to: string; after: string | null; done: boolean };

const CursorSchema = z.object({ from: z.string().nullable(), to: z.string().min(1), after: z.string().min(1).nullable(), done: z.boolean() }).strict();

/** A stored cursor comes back from outside (a file, a database): check it before trusting it. */
function parseCursor(cursor: unknown): SampleLedgerCursor {
  const parsed = CursorSchema.safeParse(cursor);
  if (parsed.success) return parsed.data;
  const issues = issuesFromZod(parsed.error);
  throw new ConfigError(`[recon:${SAMPLE_LEDGER_SOURCE}] Invalid cursor: ${formatIssues(issues)}`, { code: 'CURSOR_INVALID', connector: SAMPLE_LEDGER_SOURCE, details: { issues } });
}

const PageEnvelope = z.object({
  data: z.array(z.unknown()),
  has_more: z.boolean(),
  next_cursor: z.string().min(1).nullable(),
});

function parsePage(body: unknown): z.output<typeof PageEnvelope> {
  const parsed = PageEnvelope.safeParse(body);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new UpstreamError(`[recon:${SAMPLE_LEDGER_SOURCE}] Unexpected page shape: ${formatIssues(issues)}`, {
      code: 'RESPONSE_SHAPE',
      retryable: false,
      connector: SAMPLE_LEDGER_SOURCE,
      details: { issues },
    });
  }
  // A page that claims more without saying where would silently end the read early.
  if (parsed.data.has_more && parsed.data.next_cursor === null) {
    throw new UpstreamError(`[recon:${SAMPLE_LEDGER_SOURCE}] Page says has_more but gives no next_cursor`, { code: 'RESPONSE_SHAPE', retryable: false, connector: SAMPLE_LEDGER_SOURCE });
  }
  return parsed.data;
}

/** One row as a message: a validated record, or an `invalid` message holding the row as received. */
function toMessage(row: unknown): ConnectorMessage<SampleLedgerCursor> {
  const result = safeParseTransaction(mapLedgerRow(row));
  if (result.success) return { type: 'record', txn: result.data };
  const id = typeof row === 'object' && row !== null && typeof (row as { id?: unknown }).id === 'string' ? (row as { id: string }).id : 'without id';
  const error = new InvalidDataError(`[recon:${SAMPLE_LEDGER_SOURCE}] Row ${id} is not a valid transaction: ${formatIssues(result.error.issues)}`, {
    code: 'TXN_INVALID',
    connector: SAMPLE_LEDGER_SOURCE,
    issues: result.error.issues,
    raw: row,
  });
  return { type: 'invalid', raw: row, error };
}

/**
 * A small but complete API connector for the sample ledger sandbox: API-key auth, keyset paging
 * through the HTTP kit (retries, Retry-After, timeouts, abort), standard transactions with the
 * row kept in `raw`, invalid rows reported, and a checkpoint after every page. It is the README
 * demo and the conformance suite's own proof; real connectors follow the same shape.
 */
export const sampleLedger = defineConnector<typeof SampleLedgerConfig, SampleLedgerCursor>({
  id: SAMPLE_LEDGER_SOURCE,
  version: '1.0.0',
  description: 'Sample ledger API (keyset-paged transactions) used by the demo and the conformance suite.',
  config: SampleLedgerConfig,
  secrets: (config) => [config.apiKey],
  create(config, { logger, redact }) {
    const client = createHttpClient({
      baseURL: config.baseUrl,
      connector: SAMPLE_LEDGER_SOURCE,
      timeoutMs: config.timeoutMs,
      auth: apiKeyHeader(SAMPLE_LEDGER_API_KEY_HEADER, config.apiKey),
      ...(config.retry && { retry: config.retry }),
      logger,
      redactor: redact,
    });

    const fetchPage = async (params: { from: string | null; to: string; after: string | null }, signal?: AbortSignal) => {
      const query: Record<string, string | number> = { to: params.to, limit: config.pageSize };
      if (params.from !== null) query['from'] = params.from;
      if (params.after !== null) query['cursor'] = params.after;
      const response = await client.get<unknown>('/v1/transactions', { params: query, ...(signal && { signal }) });
      return parsePage(response.data);
    };

    return {
      async check({ signal }) {
        await client.get('/v1/transactions', { params: { limit: 1 }, ...(signal && { signal }) });
        return { ok: true, message: `Connected to the ledger API at ${config.baseUrl}` };
      },

      async *read({ from, to, cursor: stored, signal }) {
        const cursor = stored === undefined ? undefined : parseCursor(stored);
        // The window's upper bound is fixed now and kept in every checkpoint (a signpost), so a
        // resumed read pages exactly the same set of rows.
        const now = new Date().toISOString();
        const window =
          cursor === undefined
            ? { from: from ?? null, to: to ?? now, after: null }
            : cursor.done
              ? { from: cursor.to, to: to ?? now, after: null }
              : { from: cursor.from, to: cursor.to, after: cursor.after };

        let position = window.after;
        const pages = paginate<unknown, string>(
          async (pageCursor, pageSignal) => {
            const page = await fetchPage({ ...window, after: pageCursor ?? window.after }, pageSignal);
            if (page.next_cursor !== null) position = page.next_cursor;
            return { items: page.data, next: page.has_more ? (page.next_cursor ?? undefined) : undefined };
          },
          { connector: SAMPLE_LEDGER_SOURCE, ...(signal && { signal }) },
        );
        for await (const page of pages) {
          for (const row of page.items) yield toMessage(row);
          yield { type: 'state', cursor: { from: window.from, to: window.to, after: position, done: page.next === undefined } };
        }
      },
    };
  },
});
