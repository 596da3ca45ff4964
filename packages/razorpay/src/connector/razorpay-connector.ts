import { ConfigError, defineConnector } from '@recon/core';
import type { ConnectorMessage } from '@recon/core';
import { createRazorpayClient } from '../api/client';
import { enrichRazorpayError } from '../api/errors';
import { MAX_TIMESTAMP, MIN_TIMESTAMP, RAZORPAY_SOURCE } from '../constants';
import { VERSION } from '../version';
import { RAZORPAY_STREAMS, RazorpayConfig } from './config';
import { readCreatedAtStream, type StreamEvent } from './created-at-stream';
import { emptyCursor, parseCursor, type RazorpayCursor } from './cursor';
import { readReconStream } from './recon-stream';

const DAY = 86_400;

/**
 * A read bound (ISO 8601) in Unix seconds. A bare date (`2024-06-01`) means 00:00 IST that day,
 * because Razorpay's days are IST days; a date-time keeps its own offset.
 */
export function boundToUnix(value: string, name: 'from' | 'to'): number {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+05:30` : value;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new ConfigError(`[recon:${RAZORPAY_SOURCE}] read option \`${name}\` is not an ISO 8601 date or date-time`, { code: 'READ_OPTIONS_INVALID', connector: RAZORPAY_SOURCE });
  return Math.min(Math.max(Math.floor(ms / 1000), MIN_TIMESTAMP), MAX_TIMESTAMP);
}

/**
 * The Razorpay connector: payments, refunds, settlements and the settlement recon report as
 * standard transactions, read incrementally.
 *
 * - Auth: Basic with key id and secret. Paging: count/skip to completion (100 per list page, 1000
 *   per recon page). Retries, `Retry-After`, timeouts and typed errors come from the core HTTP kit.
 * - A read visits the configured streams in order and yields a checkpoint after every page.
 * - Incremental: created_at windows with an overlap (`overlapSeconds`) re-read at each run;
 *   an entity seen before with the same status is skipped, one whose status changed is emitted
 *   again **with the same `txn_id`**. Consumers therefore upsert by (`source`, `txn_id`).
 * - Recon: whole IST days, each read once; rows keyed `<settlement_id>:<entity_id>`.
 *
 * @example
 * const connector = razorpay({ keyId: process.env.RAZORPAY_KEY_ID!, keySecret: process.env.RAZORPAY_KEY_SECRET! });
 * for await (const message of connector.read({ from: '2024-06-01' })) { ... }
 */
export const razorpay = defineConnector<typeof RazorpayConfig, RazorpayCursor>({
  id: RAZORPAY_SOURCE,
  version: VERSION,
  description: 'Razorpay payments, refunds, settlements and settlement recon (REST API v1).',
  config: RazorpayConfig,
  // The pair is listed too: its base64 form is what travels in the Authorization header.
  secrets: (config) => [config.keySecret, `${config.keyId}:${config.keySecret}`],
  create(config, { logger, redact }) {
    const client = createRazorpayClient({
      keyId: config.keyId,
      keySecret: config.keySecret,
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      logger,
      redactor: redact,
      ...(config.retry && { retry: config.retry }),
      ...(config.rateLimit && { rateLimit: config.rateLimit }),
      ...(config.subMerchantAccount !== undefined && { account: config.subMerchantAccount }),
    });
    const map = { accountId: config.accountId };
    const wanted = new Set(config.streams);
    const mode = config.keyId.startsWith('rzp_live_') ? 'live' : 'test';

    return {
      async check({ signal }) {
        try {
          await client.http.get('/v1/payments', { params: { count: 1, skip: 0 }, ...(signal && { signal }) });
        } catch (error) {
          throw enrichRazorpayError(error);
        }
        return { ok: true, message: `Razorpay API reachable at ${config.baseUrl} with a ${mode}-mode key`, details: { mode } };
      },

      async *read({ from, to, cursor: stored, signal }) {
        const cursor: RazorpayCursor = stored === undefined ? emptyCursor() : parseCursor(stored);
        // The signpost: fixed once, before any request, so records created during the read wait
        // for the next one instead of shifting offsets under this one.
        const signpost = to === undefined ? Math.floor(Date.now() / 1000) : boundToUnix(to, 'to');
        const initialLo = from === undefined ? signpost - config.lookbackDays * DAY : boundToUnix(from, 'from');
        const base = { client, map, initialLo, signpost, ...(signal && { signal }) };

        for (const stream of RAZORPAY_STREAMS) {
          if (!wanted.has(stream)) continue;
          const events: AsyncIterable<StreamEvent<unknown>> =
            stream === 'settlement_recon'
              ? readReconStream(cursor.settlement_recon, { ...base, pageSize: config.reconPageSize, emitted: new Set() })
              : readCreatedAtStream(cursor[stream], { ...base, stream, pageSize: config.pageSize, overlapSeconds: config.overlapSeconds, emitted: new Map() });
          for await (const event of events) {
            if (event.kind === 'message') {
              yield event.message as ConnectorMessage<RazorpayCursor>;
              continue;
            }
            (cursor as Record<string, unknown>)[stream] = event.state;
            // A copy: the stored cursor must not change when this read goes on.
            yield { type: 'state', cursor: structuredClone(cursor) };
          }
        }
      },
    };
  },
});
