import { createRng } from '@recon/core/testing';
import { computeWebhookSignature } from '../webhooks/signature';
import type { SandboxWebhookEvent } from './webhook-events';

/** Options of {@link deliverWebhooks}. */
export interface DeliverWebhooksOptions {
  /** Where to POST. */
  url: string;
  /** The webhook secret to sign with. */
  secret: string;
  /** Attempts per event before giving up (default 4; Razorpay keeps trying for 24 h). */
  maxAttempts?: number;
  /** First retry delay in ms, doubling after each failure (default 50; Razorpay's is minutes). */
  retryDelayMs?: number;
  /** Per-attempt deadline (default 5000 ms, Razorpay's). */
  timeoutMs?: number;
  /** `shuffled` (default) delivers in a seeded random order: Razorpay does not guarantee order. */
  order?: 'shuffled' | 'created';
  /** Deliver this many events a second time after they succeeded (at-least-once delivery). Default 0. */
  duplicates?: number;
  seed?: number | string;
}

/** What happened to one event. */
export interface WebhookDeliveryReport {
  eventId: string;
  event: string;
  /** HTTP status of each attempt; 0 for no answer (refused, reset, timeout). */
  statuses: number[];
  delivered: boolean;
}

/**
 * POST events to `url` the way Razorpay does: signed over the exact bytes sent, with
 * `X-Razorpay-Signature` and `X-Razorpay-Event-Id`, each failed attempt (non-2xx, no answer, no
 * answer within the deadline) retried with doubling delays, in shuffled order, some delivered twice.
 * Events go one after another, so a report reads in delivery order.
 */
export async function deliverWebhooks(events: readonly SandboxWebhookEvent[], options: DeliverWebhooksOptions): Promise<WebhookDeliveryReport[]> {
  const rng = createRng(`razorpay-delivery:${options.seed ?? 1}`);
  const maxAttempts = options.maxAttempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 50;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const ordered = options.order === 'created' ? [...events] : rng.shuffle(events);
  const repeats = ordered.slice(0, options.duplicates ?? 0);
  const reports: WebhookDeliveryReport[] = [];
  for (const event of [...ordered, ...repeats]) {
    const report: WebhookDeliveryReport = { eventId: event.id, event: event.event, statuses: [], delivered: false };
    reports.push(report);
    for (let attempt = 1; attempt <= maxAttempts && !report.delivered; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (attempt - 2)));
      const status = await post(options.url, event, options.secret, timeoutMs);
      report.statuses.push(status);
      report.delivered = status >= 200 && status < 300;
    }
  }
  return reports;
}

async function post(url: string, event: SandboxWebhookEvent, secret: string, timeoutMs: number): Promise<number> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Razorpay-Webhook/v1',
        'x-razorpay-signature': computeWebhookSignature(event.body, secret),
        'x-razorpay-event-id': event.id,
      },
      body: event.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
