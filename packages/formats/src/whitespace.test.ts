import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank, isSpaceCode } from './whitespace';

describe('whitespace', () => {
  it('agrees with \\s and trim() on every BMP character', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(isSpaceCode(c), `U+${c.toString(16)}`).toBe(/\s/.test(ch));
      expect(isSpaceCode(c), `U+${c.toString(16)}`).toBe(ch.trim() === '');
    }
  });

  it('tells blank text as trim() does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', 'a', '?', '\u0085'), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(isBlank(text)).toBe(text.trim() === '');
      }),
    );
  });
});
