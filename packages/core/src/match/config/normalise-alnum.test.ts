import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAlnum } from './compile';

/** The definition: upper-case, then keep A–Z and 0–9 only. */
const reference = (value: string): string => value.toUpperCase().replace(/[^A-Z0-9]/g, '');

describe('normaliseAlnum', () => {
  it('equals upper-casing and stripping for any string (clean keys take the scan-only path)', () => {
    const clean = fc.stringMatching(/^[A-Z0-9]{0,24}$/);
    const messy = fc.string({ unit: fc.constantFrom(...'aZ9-/ _.ßıﬀ€\u0130x0'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(fc.oneof(clean, messy, fc.string({ unit: 'grapheme', maxLength: 16 })), (value) => {
        expect(normaliseAlnum(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the same string instance when nothing changes', () => {
    const utr = 'KKBKH98022742151';
    expect(normaliseAlnum(utr)).toBe(utr);
    expect(normaliseAlnum('ax-is/cn 0118')).toBe('AXISCN0118');
    expect(normaliseAlnum('straße')).toBe('STRASSE');
  });
});
