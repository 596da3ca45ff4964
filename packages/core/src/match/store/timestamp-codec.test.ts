import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLocalSeconds, TimestampFormatter, timestampSuffix } from './timestamp-codec';

describe('timestamp codec', () => {
  it('gives back the same text for every second of 1932–2067 it accepts', () => {
    const f = new TimestampFormatter();
    fc.assert(
      fc.property(fc.date({ min: new Date('1932-01-01T00:00:00Z'), max: new Date('2067-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom('Z', '+05:30', '-03:00'), (d, suffix) => {
        const text = `${d.toISOString().slice(0, 19)}${suffix}`;
        expect(timestampSuffix(text)).toBe(suffix);
        const seconds = encodeLocalSeconds(text);
        expect(Number.isInteger(seconds)).toBe(true);
        expect(f.format(seconds, suffix)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses what it could not give back unchanged', () => {
    for (const text of ['2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-04-01T24:00:00Z', '2024-04-01T10:60:00Z', '2024-04-01T10:00:60Z', '2024-13-01T00:00:00Z', '1931-12-31T23:59:59Z', '2068-01-01T00:00:00Z', '2024-04-01 10:00:00Z']) {
      expect(encodeLocalSeconds(text), text).toBeNaN();
    }
    expect(timestampSuffix('2024-04-01T10:00:00.5Z')).toBeUndefined();
    expect(timestampSuffix('2024-04-01T10:00:00+0530')).toBeUndefined();
  });
});
