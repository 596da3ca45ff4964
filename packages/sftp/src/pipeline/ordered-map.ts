/**
 * Run `work` over `items` with at most `concurrency` calls in flight, yielding results in the
 * order of `items` (not of completion). Work runs ahead of the consumer by up to `concurrency`
 * items, so downloads overlap while checkpoints stay in listing order. A rejection is thrown when
 * the consumer reaches that item; later items already started are left to settle quietly. When
 * the consumer stops early, nothing new is started.
 */
export async function* orderedMap<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer (got ${concurrency})`);
  const started: Array<Promise<R>> = [];
  const start = (index: number) => {
    const promise = work(items[index] as T, index);
    // Marked handled: a failure is rethrown when its turn comes, or dropped if the consumer left.
    promise.catch(() => undefined);
    started.push(promise);
  };
  for (let i = 0; i < Math.min(concurrency, items.length); i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const result = await (started[i] as Promise<R>);
    if (started.length < items.length) start(started.length);
    yield result;
  }
}
