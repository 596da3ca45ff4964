import { describe, expect, it } from 'vitest';
import { assignOccurrences, createOccurrenceCounter } from './occurrences';

describe('occurrences', () => {
  it('numbers identical keys in input order, each key on its own count', () => {
    const rows = ['coffee', 'rent', 'coffee', 'coffee', 'rent', 'tea'];
    expect(assignOccurrences(rows, (r) => r).map((x) => `${x.row}#${x.occurrence}`)).toEqual([
      'coffee#0',
      'rent#0',
      'coffee#1',
      'coffee#2',
      'rent#1',
      'tea#0',
    ]);
  });

  it('keeps the row objects and works on any iterable', () => {
    const a = { k: 'x' };
    const b = { k: 'x' };
    const out = assignOccurrences(new Set([a, b]), (r) => r.k);
    expect(out[0]?.row).toBe(a);
    expect(out[1]).toEqual({ row: b, occurrence: 1 });
    expect(assignOccurrences([], String)).toEqual([]);
  });

  it('a counter per statement: two counters do not share counts', () => {
    const first = createOccurrenceCounter();
    const second = createOccurrenceCounter();
    expect([first('k'), first('k'), second('k')]).toEqual([0, 1, 0]);
  });
});
