import { inspect } from 'node:util';
import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../errors';
import { bodySnippet, findRequestId, plainHeaders, sanitizeCause } from './sanitize';

const scrub = createRedactor(['sk_live_SECRET_1']);

describe('sanitizeCause', () => {
  it('keeps name, scrubbed message and code, and nothing of the axios error', () => {
    const axiosError = new AxiosError('boom sk_live_SECRET_1', 'ECONNRESET', { headers: { Authorization: 'Bearer sk_live_SECRET_1' } } as never);
    const clean = sanitizeCause(axiosError, scrub);
    expect(clean).toMatchObject({ name: 'AxiosError', message: 'boom [REDACTED]', code: 'ECONNRESET' });
    expect(inspect(clean, { showHidden: true, depth: 10 })).not.toContain('sk_live_SECRET_1');
    expect(Object.keys(clean).sort()).toEqual(['code', 'name']);
  });

  it('copes with non-errors', () => {
    expect(sanitizeCause('plain sk_live_SECRET_1', scrub).message).toBe('plain [REDACTED]');
  });
});

describe('bodySnippet', () => {
  it('scrubs sensitive JSON keys and secret values, then truncates', () => {
    const text = bodySnippet(JSON.stringify({ access_token: 'unknown-token-value', msg: 'key sk_live_SECRET_1' }), scrub);
    expect(text).toBe('{"access_token":"[REDACTED]","msg":"key [REDACTED]"}');
    expect(bodySnippet('x'.repeat(50), scrub, 10)).toBe('xxxxxxxxxx…[truncated 40 chars]');
    expect(bodySnippet('', scrub)).toBeUndefined();
  });
});

describe('headers', () => {
  it('flattens to lower-case strings and finds a request id', () => {
    const headers = plainHeaders({ 'X-Request-Id': 'req_1', 'Set-Cookie': ['a=1', 'b=2'], Empty: undefined });
    expect(headers).toEqual({ 'x-request-id': 'req_1', 'set-cookie': 'a=1, b=2' });
    expect(findRequestId(headers, ['x-trace', 'x-request-id'], scrub)).toBe('req_1');
  });
});
