import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, redactHeaders, redactUrl } from './redact';

describe('redaction', () => {
  it('replaces credential headers by name whatever their value', () => {
    const out = redactHeaders({ Authorization: 'Basic abc', 'x-api-key': 'k', apikey: 'k2', 'Content-Type': 'application/json', 'X-Client-Secret': 's', Accept: ['a', 'b'] });
    expect(out).toEqual({ Authorization: REDACTED, 'x-api-key': REDACTED, apikey: REDACTED, 'Content-Type': 'application/json', 'X-Client-Secret': REDACTED, Accept: 'a, b' });
  });

  it('redacts user-info and credential query parameters in absolute and relative URLs', () => {
    expect(redactUrl('https://user:pw@bank.example/v1/x?client_secret=abc&count=10&access_token=t')).toBe(
      `https://${REDACTED}:${REDACTED}@bank.example/v1/x?client_secret=${REDACTED}&count=10&access_token=${REDACTED}`,
    );
    expect(redactUrl('/v1/payments?count=5&key_secret=zzz')).toBe(`/v1/payments?count=5&key_secret=${REDACTED}`);
  });

  it('scrubs secret values in plain, URL-encoded and base64 forms', () => {
    const secret = 'p@ss/word+1';
    const redact = createRedactor([secret, undefined, 'ab']);
    expect(redact(`pw=${secret}`)).toBe(`pw=${REDACTED}`);
    expect(redact(`pw=${encodeURIComponent(secret)}`)).toBe(`pw=${REDACTED}`);
    const basic = Buffer.from(secret).toString('base64');
    expect(redact(`Basic ${basic}`)).not.toContain(basic.replace(/=+$/, ''));
    // too-short secrets are ignored rather than mangling text
    expect(redact('about')).toBe('about');
    expect(redact.secrets).toEqual([secret]);
  });

  it('deep-redacts values and survives cycles', () => {
    const redact = createRedactor(['topsecret']);
    const value: Record<string, unknown> = { a: 'x topsecret y', nested: [{ token: 'abc' }, 'topsecret'] };
    value.self = value;
    const out = redact.value(value) as Record<string, unknown>;
    expect(JSON.stringify({ ...out, self: undefined })).not.toContain('topsecret');
    expect((out.nested as unknown[])[0]).toEqual({ token: REDACTED });
    expect(out.self).toBe('[Circular]');
  });
});
