import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-03-01T10:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Fri, 01 Mar 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 Mar 2024 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent and unreadable values', () => {
    for (const value of [undefined, '', 'soon', '1.5', '-3']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
