import { describe, expect, it } from 'vitest';
import { StringTable } from './string-table';

describe('StringTable', () => {
  it('interns to dense ids, finds equal strings from other objects, and grows', () => {
    const t = new StringTable(2);
    const ids = Array.from({ length: 1000 }, (_, k) => t.intern(`key_${k}`));
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, k) => k));
    expect(t.intern(['key', '500'].join('_'))).toBe(500);
    expect(t.get(`key_${999}`)).toBe(999);
    expect(t.get('missing')).toBe(-1);
    expect(t.size).toBe(1000);
    expect(t.keys[42]).toBe('key_42');
  });
});
