import { describe, expect, it } from 'vitest';
import { chunkBySize, requestsOf } from './chunk';

const msg = (bytes: number) => ({ key: null, value: 'x'.repeat(bytes) });

describe('chunkBySize', () => {
  it('keeps every message, in order, and no request above the bound', () => {
    const batch = [
      { topic: 'a', messages: Array.from({ length: 50 }, () => msg(1000)) },
      { topic: 'b', messages: Array.from({ length: 30 }, () => msg(500)) },
    ];
    const requests = chunkBySize(batch, 10_000);
    expect(requests.length).toBeGreaterThan(5);
    const flat = requests.flatMap((r) => r.flatMap((t) => t.messages.map((m) => `${t.topic}:${String(m.value).length}`)));
    expect(flat).toEqual([...Array(50).fill('a:1000'), ...Array(30).fill('b:500')]);
    for (const r of requests) {
      const bytes = r.reduce((n, t) => n + t.messages.reduce((k, m) => k + String(m.value).length + 64, 0), 0);
      expect(bytes).toBeLessThanOrEqual(10_000);
    }
  });

  it('sends a message larger than the bound on its own, and nothing for an empty batch', () => {
    expect(chunkBySize([{ topic: 'a', messages: [msg(10), msg(50_000), msg(10)] }], 1000).map((r) => r[0]?.messages.length)).toEqual([1, 1, 1]);
    expect(chunkBySize([], 1000)).toEqual([]);
  });
});

describe('requestsOf', () => {
  const batch = [{ topic: 'a', messages: Array.from({ length: 20 }, () => msg(1000)) }];

  it('hands the whole write over when the client cuts requests itself, unless a limit is asked for', () => {
    expect(requestsOf(batch, undefined, true)).toEqual([batch]);
    expect(requestsOf(batch, 5000, true).length).toBeGreaterThan(1);
    expect(requestsOf([{ topic: 'a', messages: [] }], undefined, true)).toEqual([]);
  });

  it('cuts at the default bound for a client that needs it (kafkajs)', () => {
    const big = [{ topic: 'a', messages: Array.from({ length: 2000 }, () => msg(1000)) }];
    expect(requestsOf(big, undefined, false)).toEqual(chunkBySize(big));
    expect(requestsOf(big, undefined, false).length).toBeGreaterThan(1);
  });
});
