import { verifyWebhookSignature, type RawBody } from './signature';
import { WebhookError } from './webhook-error';

/** Request headers as node (`IncomingHttpHeaders`), Express, Fastify or fetch (`Headers`) give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** A verified webhook: the parsed event and its id. */
export interface VerifiedWebhook {
  /** `x-razorpay-event-id`: unique per event, the de-duplication key. */
  eventId: string;
  /** `payment.captured`, `refund.processed`, ... */
  event: string;
  /** The parsed body: `{ entity: 'event', account_id, event, contains, payload, created_at }`. */
  body: Record<string, unknown>;
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The exact bytes received. A parsed object is refused with an error that says why. */
  rawBody: unknown;
  headers: WebhookHeaders;
  /** The webhook secret, or several during a rotation (older events' retries keep the old one). */
  secret: string | readonly string[];
}

/** A header value, case-insensitively, first value of a repeated header. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

const isRaw = (body: unknown): body is RawBody => typeof body === 'string' || body instanceof Uint8Array;

/**
 * Did this text come out of `JSON.stringify`? If so and the signature fails, the likeliest cause is
 * that a JSON body parser ran first and the caller re-serialized `req.body`: Razorpay's encoder
 * writes bytes (escaped slashes, key order, spacing) that a round trip through JS does not keep.
 */
function looksReserialized(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return JSON.stringify(parsed) === text || JSON.stringify(parsed, null, 2) === text;
  } catch {
    return false;
  }
}

/**
 * Verify a Razorpay webhook delivery and parse it. Throws a {@link WebhookError}:
 * - `WEBHOOK_BODY_NOT_RAW` when the body is already an object (a JSON body parser ran first);
 * - `WEBHOOK_SIGNATURE_MISSING` / `WEBHOOK_SIGNATURE_INVALID` (answer 401);
 * - `WEBHOOK_BODY_RESERIALIZED` when the signature fails on a body that is exactly what
 *   `JSON.stringify` produces, the classic `JSON.stringify(req.body)` mistake;
 * - `WEBHOOK_EVENT_ID_MISSING`, `WEBHOOK_PAYLOAD_INVALID` for a signed but unusable delivery.
 * The signature is checked before the body is parsed: nothing unsigned is ever interpreted.
 */
export function verifyWebhook(options: VerifyWebhookOptions): VerifiedWebhook {
  const { rawBody, headers, secret } = options;
  if (!isRaw(rawBody)) {
    throw new WebhookError(
      'WEBHOOK_BODY_NOT_RAW',
      `The webhook body is ${rawBody === null ? 'null' : `a parsed ${typeof rawBody}`}, not the raw bytes. Razorpay signs the exact bytes it sends; ` +
        "capture them before any JSON parser (Express: express.raw({ type: 'application/json' }); Fastify: a content-type parser with parseAs: 'buffer') and pass them as rawBody.",
    );
  }
  const secrets = typeof secret === 'string' ? [secret] : [...secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s === '')) throw new WebhookError('WEBHOOK_SIGNATURE_INVALID', 'No webhook secret configured');
  const signature = headerValue(headers, 'x-razorpay-signature');
  if (!signature) throw new WebhookError('WEBHOOK_SIGNATURE_MISSING', 'The request has no X-Razorpay-Signature header');
  if (!verifyWebhookSignature(rawBody, signature.trim(), secrets)) {
    const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
    if (looksReserialized(text)) {
      throw new WebhookError(
        'WEBHOOK_BODY_RESERIALIZED',
        'The signature does not match, and the body is byte for byte what JSON.stringify produces: it was most likely parsed and re-serialized ' +
          '(JSON.stringify(req.body)) before verification, which changes the bytes Razorpay signed. Pass the raw request body. ' +
          '(If it really is the raw body, the webhook secret is wrong.)',
      );
    }
    throw new WebhookError('WEBHOOK_SIGNATURE_INVALID', 'The X-Razorpay-Signature does not match the body for the configured webhook secret');
  }
  const eventId = headerValue(headers, 'x-razorpay-event-id');
  if (!eventId) throw new WebhookError('WEBHOOK_EVENT_ID_MISSING', 'The request has no X-Razorpay-Event-Id header, so it cannot be de-duplicated');
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  } catch {
    throw new WebhookError('WEBHOOK_PAYLOAD_INVALID', `Event ${eventId}: the signed body is not JSON`);
  }
  const event = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['event'] : undefined;
  if (typeof event !== 'string' || typeof (body as Record<string, unknown>)['payload'] !== 'object') {
    throw new WebhookError('WEBHOOK_PAYLOAD_INVALID', `Event ${eventId}: the body is not a Razorpay event envelope (no event name or payload)`);
  }
  return { eventId, event, body: body as Record<string, unknown> };
}

