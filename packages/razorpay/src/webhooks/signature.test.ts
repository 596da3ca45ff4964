import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeWebhookSignature, verifyWebhookSignature } from './signature';

const SECRET = 'whsec_test_0123456789';
const BODY = '{"entity":"event","event":"payment.captured","payload":{"payment":{"entity":{"id":"pay_X","notes":{"url":"https:\\/\\/shop.example"}}}}}';

describe('webhook signature', () => {
  it('is the lower-case hex HMAC-SHA256 of the raw bytes', () => {
    const expected = createHmac('sha256', SECRET).update(BODY).digest('hex');
    expect(computeWebhookSignature(BODY, SECRET)).toBe(expected);
    expect(computeWebhookSignature(Buffer.from(BODY), SECRET)).toBe(expected);
    expect(computeWebhookSignature(new Uint8Array(Buffer.from(BODY)), SECRET)).toBe(expected);
  });

  it('verifies the right signature and refuses wrong, truncated, upper-case or non-hex ones', () => {
    const signature = computeWebhookSignature(BODY, SECRET);
    expect(verifyWebhookSignature(BODY, signature, SECRET)).toBe(true);
    expect(verifyWebhookSignature(BODY, signature, 'whsec_other')).toBe(false);
    expect(verifyWebhookSignature(`${BODY} `, signature, SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, signature.slice(0, 63), SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, signature.toUpperCase(), SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, 'z'.repeat(64), SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, undefined as unknown as string, SECRET)).toBe(false);
  });

  it('accepts any of several secrets (rotation: old events are retried with the old secret)', () => {
    const oldSignature = computeWebhookSignature(BODY, 'whsec_old_secret');
    expect(verifyWebhookSignature(BODY, oldSignature, [SECRET, 'whsec_old_secret'])).toBe(true);
    expect(verifyWebhookSignature(BODY, oldSignature, [SECRET])).toBe(false);
  });

  it('detects a re-serialized body: JSON.stringify(JSON.parse(body)) changes the signed bytes', () => {
    const signature = computeWebhookSignature(BODY, SECRET);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(BODY)), signature, SECRET)).toBe(false);
  });
});
