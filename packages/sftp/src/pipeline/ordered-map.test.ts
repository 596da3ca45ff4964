import { describe, expect, it } from 'vitest';
import { orderedMap } from './ordered-map';

/** A promise the test settles by hand, so ordering does not depend on timers. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('orderedMap', () => {
  it('yields in input order even when later work finishes first, never exceeding the concurrency', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => deferred<string>());
    let inFlight = 0;
    let maxInFlight = 0;
    const startedOrder: number[] = [];
    const iterator = orderedMap([0, 1, 2, 3, 4], 2, async (item) => {
      startedOrder.push(item);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await (gates[item] as ReturnType<typeof deferred<string>>).promise;
      } finally {
        inFlight--;
      }
    });
    const first = iterator.next();
    await Promise.resolve();
    expect(startedOrder).toEqual([0, 1]);
    gates[1]?.resolve('b');
    gates[0]?.resolve('a');
    expect((await first).value).toBe('a');
    const second = await iterator.next();
    expect(second.value).toBe('b');
    for (const [i, gate] of gates.entries()) if (i > 1) gate.resolve(String.fromCharCode(97 + i));
    const rest: string[] = [];
    for await (const value of iterator) rest.push(value);
    expect(rest).toEqual(['c', 'd', 'e']);
    expect(maxInFlight).toBe(2);
    expect(startedOrder).toEqual([0, 1, 2, 3, 4]);
  });

  it('throws a failure when its turn comes, after the earlier results', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const value of orderedMap([1, 2, 3], 3, async (n) => {
        if (n === 2) throw new Error('boom on 2');
        return n;
      })) {
        seen.push(value);
      }
    };
    await expect(run()).rejects.toThrow('boom on 2');
    expect(seen).toEqual([1]);
  });

  it('starts nothing new once the consumer stops', async () => {
    const startedItems: number[] = [];
    for await (const value of orderedMap([1, 2, 3, 4, 5], 2, async (n) => {
      startedItems.push(n);
      return n;
    })) {
      if (value === 1) break;
    }
    expect(startedItems).toEqual([1, 2, 3]);
  });

  it('rejects a concurrency that is not a positive integer', async () => {
    await expect(orderedMap([1], 0, async (n) => n).next()).rejects.toThrow(RangeError);
  });
});
