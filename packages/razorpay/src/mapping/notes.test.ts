import { describe, expect, it } from 'vitest';
import { merchantReferenceFromNotes, normalizeNotes } from './notes';

describe('normalizeNotes', () => {
  it('reads the empty-object-as-[] quirk, objects, JSON strings, plain strings and null', () => {
    expect(normalizeNotes([])).toEqual({});
    expect(normalizeNotes(null)).toEqual({});
    expect(normalizeNotes({ a: 'x', n: 5, gone: null })).toEqual({ a: 'x', n: '5' });
    expect(normalizeNotes('{}')).toEqual({});
    expect(normalizeNotes('{"order":"A1"}')).toEqual({ order: 'A1' });
    expect(normalizeNotes('Beam me up Scotty.')).toEqual({ text: 'Beam me up Scotty.' });
    expect(normalizeNotes('{broken')).toEqual({ text: '{broken' });
  });

  it('finds a merchant reference under the usual keys only', () => {
    expect(merchantReferenceFromNotes({ merchant_order_id: 'ORD-1' })).toBe('ORD-1');
    expect(merchantReferenceFromNotes({ colour: 'blue' })).toBeUndefined();
  });
});
