import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../port/types';
import { HEADER_SLOTS, MESSAGE_SLOTS, packMessages, packScratch, type PackedMessages } from './pack-messages';

/** Reads a packed write back the way the addon does. */
function unpack(packed: PackedMessages): OutgoingMessage[] {
  const bytes = (at: number, length: number) => (length < 0 ? null : packed.data.subarray(at, at + length).toString('utf8'));
  const out: OutgoingMessage[] = [];
  for (let i = 0; i < packed.count; i++) {
    const m = packed.messages.subarray(i * MESSAGE_SLOTS, (i + 1) * MESSAGE_SLOTS);
    const headers: Record<string, string> = {};
    for (let r = 0; r < m[5]!; r++) {
      const h = packed.headers.subarray(packed.refs[m[4]! + r]! * HEADER_SLOTS);
      headers[bytes(h[0]!, h[1]!)!] = bytes(h[2]!, h[3]!)!;
    }
    out.push({ key: bytes(m[0]!, m[1]!), value: bytes(m[2]!, m[3]!), ...(m[5]! > 0 && { headers }) });
  }
  return out;
}

describe('packMessages', () => {
  it('lays out keys, values and headers so they read back unchanged, nulls and multi-byte text included', () => {
    const messages: OutgoingMessage[] = [
      { key: 'utr:UTR1', value: '{"amount":"10.00"}', headers: { 'recon-source': 'hdfc', 'recon-txn-id': 't1' } },
      { key: null, value: null },
      { key: Buffer.from('k-bytes'), value: Buffer.from('₹ 1 200 — नमस्ते'), headers: { 'recon-source': 'hdfc', 'recon-txn-id': 'टी2' } },
      { key: '', value: '', headers: {} },
    ];
    const packed = packMessages(messages, packScratch());
    expect(packed.count).toBe(4);
    expect(unpack(packed)).toEqual([
      messages[0],
      { key: null, value: null },
      { key: 'k-bytes', value: '₹ 1 200 — नमस्ते', headers: { 'recon-source': 'hdfc', 'recon-txn-id': 'टी2' } },
      { key: '', value: '' },
    ]);
  });

  it('stores a header value once while it repeats, and again when it changes', () => {
    const messages = Array.from({ length: 100 }, (_, i) => ({
      key: `k${i}`,
      value: `v${i}`,
      headers: { source: 'hdfc', stream: i < 50 ? 'a' : 'b', id: `t${i}` },
    }));
    const packed = packMessages(messages, packScratch());
    // source once, stream twice, id 100 times.
    const distinct = new Set(Array.from(packed.refs.subarray(0, 300)));
    expect(distinct.size).toBe(1 + 2 + 100);
    expect(unpack(packed)).toEqual(messages);
  });

  it('grows its scratch space past the first megabyte and keeps earlier bytes', () => {
    const scratch = packScratch();
    const big = 'x'.repeat(400_000);
    const messages = [0, 1, 2, 3].map((i) => ({ key: `k${i}`, value: `${i}${big}` }));
    const packed = packMessages(messages, scratch);
    expect(packed.data.length).toBeGreaterThan(1 << 20);
    expect(unpack(packed)).toEqual(messages);
    // The scratch keeps the larger buffer for the next write, which starts over at offset 0.
    expect(scratch.data).toBe(packed.data);
    expect(unpack(packMessages([{ key: 'again', value: 'small' }], scratch))).toEqual([{ key: 'again', value: 'small' }]);
  });
});
