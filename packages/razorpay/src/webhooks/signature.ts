import { createHmac, timingSafeEqual } from 'node:crypto';

/** Raw webhook body as received: the exact bytes Razorpay signed. */
export type RawBody = string | Uint8Array;

const toBytes = (body: RawBody): Buffer => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength));

/** Lower-case hex HMAC-SHA256 of the raw body, keyed with the webhook secret: `X-Razorpay-Signature`. */
export function computeWebhookSignature(rawBody: RawBody, secret: string): string {
  return createHmac('sha256', secret).update(toBytes(rawBody)).digest('hex');
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * True when `signature` is the HMAC-SHA256 of `rawBody` under `secret` (or any of `secrets`:
 * after a secret change Razorpay still signs retries of older events with the old one).
 *
 * The comparison runs in constant time (`crypto.timingSafeEqual` on equal-length buffers), unlike
 * razorpay-node's `===`; every secret is tried, so timing does not tell which one matched. A
 * signature that is not 64 lower-case hex characters is rejected before any comparison (its
 * length is public anyway).
 */
export function verifyWebhookSignature(rawBody: RawBody, signature: string, secrets: string | readonly string[]): boolean {
  if (typeof signature !== 'string' || !HEX_SHA256.test(signature)) return false;
  const given = Buffer.from(signature, 'utf8');
  const bytes = toBytes(rawBody);
  let ok = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = Buffer.from(createHmac('sha256', secret).update(bytes).digest('hex'), 'utf8');
    if (timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}
