import { randomBytes } from 'node:crypto';
import { computeWebhookSignature } from './signature';

/** A signed webhook delivery, ready to POST or to hand to a handler in a test. */
export interface SignedTestPayload {
  /** The exact body that was signed. Send these bytes; do not re-serialize them. */
  body: string;
  signature: string;
  eventId: string;
  /** `Content-Type`, `X-Razorpay-Signature` and `X-Razorpay-Event-Id`, as Razorpay sends them. */
  headers: Record<string, string>;
}

/** Options of {@link signTestPayload}. */
export interface SignTestPayloadOptions {
  /** Default: a random `evt_…` id. */
  eventId?: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomEventId(): string {
  const bytes = randomBytes(14);
  return `evt_${[...bytes].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('')}`;
}

/**
 * Sign a webhook payload for tests, as Razorpay would (the idea of Stripe's
 * `generateTestHeaderString`). An object is serialized once with `JSON.stringify`; a string is
 * signed as is, so tests can also sign bodies formatted the way Razorpay's PHP encoder writes them.
 *
 * @example
 * const { body, headers } = signTestPayload({ entity: 'event', event: 'payment.captured', ... }, secret);
 * const result = await handler.handle({ headers, rawBody: body });
 */
export function signTestPayload(payload: unknown, secret: string, options: SignTestPayloadOptions = {}): SignedTestPayload {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = computeWebhookSignature(body, secret);
  const eventId = options.eventId ?? randomEventId();
  return {
    body,
    signature,
    eventId,
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventId },
  };
}
