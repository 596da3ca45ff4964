import { isReconError, ReconError } from '@recon/core';
import type { InvalidMessage, StandardTransaction } from '@recon/core';
import { RAZORPAY_SOURCE } from '../constants';
import { DEFAULT_ACCOUNT_ID } from '../mapping/result';
import { createMemoryDedupStore, type WebhookDedupStore } from './dedup-store';
import { translateWebhookEvent } from './translate-event';
import { verifyWebhook, type WebhookHeaders } from './verify-webhook';
import { WebhookError } from './webhook-error';

/** One verified, first-time delivery, as handed to `onEvent`. */
export interface WebhookDelivery {
  eventId: string;
  event: string;
  /** `created_at` of the event (Unix seconds), useful to order versions of one entity. */
  createdAt: number | undefined;
  /** Standard transactions the event translates to (empty for events not translated). */
  records: StandardTransaction[];
  /** Entities in the event that could not be mapped, with their raw payload. */
  invalid: InvalidMessage[];
  /** The parsed event envelope. */
  body: Record<string, unknown>;
}

/** What to answer Razorpay, plus what happened. Framework-free: map it onto your response object. */
export interface WebhookResult {
  /** 200 processed or duplicate; 400/401 refused (Razorpay retries, then disables the webhook); 500 your `onEvent` failed. */
  status: 200 | 400 | 401 | 500;
  body: { status: 'processed' | 'duplicate' | 'rejected' | 'failed'; code?: string };
  delivery?: WebhookDelivery;
  /** Why the delivery was refused or failed. Safe to log: no secret, signature or body in it. */
  error?: ReconError;
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** The webhook secret; several during a rotation. */
  secret: string | readonly string[];
  /** Event id store (default: in memory, 48 h). Share one across instances behind a load balancer. */
  store?: WebhookDedupStore;
  /** `account_id` of translated transactions; use the same value as the connector's `accountId`. */
  accountId?: string;
  /**
   * Called once per new event, after verification and de-duplication. Keep it short (enqueue,
   * write): Razorpay counts no answer within 5 s as a failure. If it throws, the event id is
   * released and the answer is 500, so Razorpay's retry is processed again.
   */
  onEvent?(delivery: WebhookDelivery): void | Promise<void>;
}

/** A webhook request as any framework can provide it. */
export interface WebhookRequest {
  headers: WebhookHeaders;
  /** The exact bytes received (string, Buffer or Uint8Array). */
  rawBody: unknown;
}

/** The handler: one method, no framework. */
export interface WebhookHandler {
  handle(request: WebhookRequest): Promise<WebhookResult>;
}

/**
 * A framework-free Razorpay webhook handler: verifies `X-Razorpay-Signature` over the raw body in
 * constant time, de-duplicates by `X-Razorpay-Event-Id`, translates payment.captured,
 * payment.failed, refund.processed and settlement.processed into standard transactions, and
 * tells you what to answer. Use it from node:http ({@link toNodeListener}), Express
 * (`express.raw({ type: 'application/json' })`) or Fastify (`parseAs: 'buffer'`).
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const store = options.store ?? createMemoryDedupStore();
  const map = { accountId: options.accountId ?? DEFAULT_ACCOUNT_ID };
  return {
    async handle(request) {
      let verified;
      try {
        verified = verifyWebhook({ rawBody: request.rawBody, headers: request.headers, secret: options.secret });
      } catch (error) {
        if (!(error instanceof WebhookError)) throw error;
        return { status: error.httpStatus as 400 | 401, body: { status: 'rejected', code: error.code }, error };
      }
      const { eventId, event, body } = verified;
      if (!(await store.claim(eventId))) return { status: 200, body: { status: 'duplicate' } };
      const translated = translateWebhookEvent(body, map);
      const createdAt = typeof body['created_at'] === 'number' ? body['created_at'] : undefined;
      const delivery: WebhookDelivery = { eventId, event, createdAt, records: translated.records, invalid: translated.invalid, body };
      try {
        await options.onEvent?.(delivery);
      } catch (error) {
        await store.release(eventId);
        const failure = isReconError(error)
          ? error
          : new ReconError(`[recon:${RAZORPAY_SOURCE}] onEvent failed for ${event} ${eventId}: ${error instanceof Error ? error.message : String(error)}`, {
              code: 'WEBHOOK_HANDLER_FAILED',
              kind: 'internal',
              connector: RAZORPAY_SOURCE,
              ...(error instanceof Error && { cause: error }),
            });
        return { status: 500, body: { status: 'failed', code: failure.code }, delivery, error: failure };
      }
      return { status: 200, body: { status: 'processed' }, delivery };
    },
  };
}
