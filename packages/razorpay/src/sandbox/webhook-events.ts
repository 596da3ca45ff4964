import { createRng } from '@recon/core/testing';
import type { RazorpayPayment, RazorpayRefund, RazorpaySettlement } from '../api/types';
import type { RazorpayDataset } from './dataset';
import { razorpayId } from './generate-payments';
import { phpJsonEncode } from './php-json';

/** One webhook event as the sandbox would deliver it. */
export interface SandboxWebhookEvent {
  /** `x-razorpay-event-id`. */
  id: string;
  event: string;
  createdAt: number;
  /** The exact body delivered and signed (PHP-style JSON). */
  body: string;
}

/** Options of {@link buildWebhookEvents}. */
export interface BuildWebhookEventsOptions {
  /** `account_id` in every envelope (default `acc_` + 14 characters from the seed). */
  accountId?: string;
  seed?: number | string;
}

function envelope(accountId: string, event: string, payload: Record<string, unknown>, createdAt: number): Record<string, unknown> {
  return { entity: 'event', account_id: accountId, event, contains: Object.keys(payload), payload, created_at: createdAt };
}

/** The payment as it was when it was authorized: not captured, no fee yet, nothing refunded. */
function authorizedSnapshot(payment: RazorpayPayment): RazorpayPayment {
  return { ...payment, status: 'authorized', captured: false, fee: null, tax: null, amount_refunded: 0, refund_status: null };
}

/** The payment right after capture (before any refund). */
function capturedSnapshot(payment: RazorpayPayment): RazorpayPayment {
  return { ...payment, status: 'captured', captured: true, amount_refunded: 0, refund_status: null };
}

/**
 * The events Razorpay would have sent for the dataset, in creation order: payment.authorized and
 * payment.captured (or payment.failed) per payment, refund.created and refund.processed per
 * refund (with the payment snapshot, as Razorpay includes it), settlement.processed per processed
 * settlement. Each payload is a snapshot at event time, so a late `payment.authorized` really is
 * stale. Deliberately broken payments get no events.
 */
export function buildWebhookEvents(dataset: RazorpayDataset, options: BuildWebhookEventsOptions = {}): SandboxWebhookEvent[] {
  const rng = createRng(`razorpay-events:${options.seed ?? 1}`);
  const accountId = options.accountId ?? `acc_${razorpayId(rng, 'x').slice(2)}`;
  const raw: Array<{ event: string; createdAt: number; payload: Record<string, unknown> }> = [];
  const paymentsById = new Map(dataset.payments.map((p) => [p.id, p]));
  for (const payment of dataset.payments) {
    if (dataset.invalid.has(payment.id)) continue;
    if (payment.status === 'failed') {
      raw.push({ event: 'payment.failed', createdAt: payment.created_at + 5, payload: { payment: { entity: payment } } });
      continue;
    }
    raw.push({ event: 'payment.authorized', createdAt: payment.created_at + 5, payload: { payment: { entity: authorizedSnapshot(payment) } } });
    if (payment.captured) raw.push({ event: 'payment.captured', createdAt: payment.created_at + 10, payload: { payment: { entity: capturedSnapshot(payment) } } });
  }
  for (const refund of dataset.refunds) {
    const payment = paymentsById.get(refund.payment_id);
    const paymentEntity = payment ?? null;
    const pending: RazorpayRefund = { ...refund, status: 'pending', acquirer_data: {} };
    raw.push({ event: 'refund.created', createdAt: refund.created_at, payload: { refund: { entity: pending }, payment: { entity: paymentEntity } } });
    if (refund.status === 'processed') raw.push({ event: 'refund.processed', createdAt: refund.created_at + 60, payload: { refund: { entity: refund }, payment: { entity: paymentEntity } } });
  }
  for (const settlement of dataset.settlements as RazorpaySettlement[]) {
    if (settlement.status === 'processed') raw.push({ event: 'settlement.processed', createdAt: settlement.created_at + 30, payload: { settlement: { entity: settlement } } });
  }
  raw.sort((a, b) => a.createdAt - b.createdAt);
  return raw.map(({ event, createdAt, payload }) => ({
    id: razorpayId(rng, 'evt'),
    event,
    createdAt,
    body: phpJsonEncode(envelope(accountId, event, payload, createdAt)),
  }));
}
