import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBic, isIban } from './identifiers';

/** The patterns the two functions replace; they must agree on every string. */
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;

describe('identifier shapes', () => {
  it('tells BICs and IBANs from other text', () => {
    expect(isBic('DEUTDEFF')).toBe(true);
    expect(isBic('DEUTDEFF500')).toBe(true);
    expect(isBic('DEUTDEF')).toBe(false);
    expect(isBic('10020030')).toBe(false);
    expect(isBic('deutdeff')).toBe(false);
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('NL91ABNA0417164300')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(false);
    expect(isIban('1234567890')).toBe(false);
  });

  it('agree with the patterns on generated strings near both shapes', () => {
    const char = fc.constantFrom('A', 'Z', 'D', 'E', '0', '9', '5', 'a', ' ', '-', 'Ä', '/');
    const text = fc.array(char, { minLength: 0, maxLength: 36 }).map((cs) => cs.join(''));
    const shaped = fc.tuple(fc.constantFrom('DEUTDE', 'NL91AB', 'DE89', 'XX00'), text).map(([head, tail]) => head + tail);
    fc.assert(
      fc.property(fc.oneof(text, shaped), (s) => {
        expect(isBic(s)).toBe(BIC.test(s));
        expect(isIban(s)).toBe(IBAN.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});
