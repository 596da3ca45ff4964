import { describe, expect, it } from 'vitest';
import { base32Lower } from './base32';

describe('base32Lower', () => {
  // RFC 4648 §10 test vectors, lower-cased and without padding.
  it.each([
    ['', ''],
    ['f', 'my'],
    ['fo', 'mzxq'],
    ['foo', 'mzxw6'],
    ['foob', 'mzxw6yq'],
    ['fooba', 'mzxw6ytb'],
    ['foobar', 'mzxw6ytboi'],
  ])('%j → %j', (input, expected) => {
    expect(base32Lower(Buffer.from(input))).toBe(expected);
  });

  it('cuts to the requested length and refuses more than the bytes hold', () => {
    expect(base32Lower(Buffer.from('foobar'), 4)).toBe('mzxw');
    expect(base32Lower(new Uint8Array(17), 26)).toBe('a'.repeat(26));
    expect(base32Lower(new Uint8Array(17).fill(255), 26)).toBe('7'.repeat(26));
    expect(() => base32Lower(new Uint8Array(2), 5)).toThrow(RangeError);
  });
});
