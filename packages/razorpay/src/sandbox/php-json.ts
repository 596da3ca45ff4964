/**
 * JSON as PHP's `json_encode` writes it by default: `/` escaped as `\/` and every non-ASCII
 * character as `\uXXXX`. Razorpay's webhook bodies come from PHP; the point for a sandbox is that
 * their bytes differ from what `JSON.stringify(JSON.parse(body))` gives, so a handler that verifies
 * a re-serialized body fails here exactly as it would in production.
 */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
