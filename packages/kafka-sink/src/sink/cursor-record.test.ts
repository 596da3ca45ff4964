import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../port/types';
import { cursorKey, decodeCursor, encodeCursor, type StoredCursor } from './cursor-record';

const incoming = (value: string | null): IncomingMessage => ({ topic: 'c', partition: 0, offset: '4', key: Buffer.from('k'), value: value === null ? null : Buffer.from(value), headers: {}, timestamp: '0' });

describe('cursor records', () => {
  it('round-trips a cursor under a Connect-style key', () => {
    const stored: StoredCursor = { v: 1, cursor: { after: 'abc', done: false }, batch: 'b1', records: 2, invalid: 0, committed_at: '2026-01-01T00:00:00.000Z' };
    const message = encodeCursor('recon', 'hdfc', stored);
    expect(message.key).toBe(cursorKey('recon', 'hdfc'));
    expect(message.key).toBe('["recon","hdfc"]');
    expect(decodeCursor(incoming(String(message.value)))).toEqual(stored);
  });

  it('reads a tombstone as no cursor and refuses a foreign record', () => {
    expect(decodeCursor(incoming(null))).toBeUndefined();
    expect(() => decodeCursor(incoming('{"offset": 3}'))).toThrow(/not a recon cursor/);
    expect(() => decodeCursor(incoming('nope'))).toThrow(/not a recon cursor/);
  });
});
