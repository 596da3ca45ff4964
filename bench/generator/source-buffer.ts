import type { StandardTransaction, TransactionStore } from '@recon/core';

/**
 * Records of one source, read by position: an array, or positions in a {@link TransactionStore}
 * (`at` rebuilds the record). What the scoring and the baselines read.
 */
export interface RecordList extends Iterable<StandardTransaction> {
  readonly length: number;
  at(i: number): StandardTransaction | undefined;
  forEach(fn: (record: StandardTransaction, i: number) => void): void;
}

/**
 * Records of one source plus their truth columns, in storage sized once up front. Why: a growing
 * JS array copies its backing store every time it outgrows it, and at a million records those
 * dead copies add up to a few hundred MB of garbage that inflates the peak RSS the benchmark
 * reports. With a store, records go straight into it and only their positions are kept here, so
 * the generated objects die young and the whole dataset is never held as objects.
 */
export interface SourceBuffer {
  readonly records: RecordList;
  /** Order index per record. */
  readonly order: Int32Array;
  /** Label code per record. */
  readonly label: Uint8Array;
  /** Extra integer column per record (the batch, for settlement lines). */
  readonly extra: Int32Array;
  length: number;
  push(record: StandardTransaction, order: number, label: number, extra?: number): number;
  /** Trims the storage to `length` (in place for the records; views for the columns). */
  finish(): void;
}

/** Positions `index[0..length)` of `store`, as a {@link RecordList}. */
function storeSlice(store: TransactionStore, index: () => Int32Array, length: () => number): RecordList {
  return {
    get length() {
      return length();
    },
    at(i) {
      const k = i < 0 ? length() + i : i;
      return k >= 0 && k < length() ? store.get(index()[k]!) : undefined;
    },
    *[Symbol.iterator]() {
      for (let k = 0; k < length(); k++) yield store.get(index()[k]!);
    },
    forEach(fn) {
      for (let k = 0; k < length(); k++) fn(store.get(index()[k]!), k);
    },
  };
}

/** A {@link SourceBuffer} for at most `capacity` records, kept as objects or in `store`. */
export function createSourceBuffer(capacity: number, store?: TransactionStore): SourceBuffer {
  const objects = store ? null : new Array<StandardTransaction>(capacity);
  let position = store ? new Int32Array(capacity) : null;
  const buffer: SourceBuffer = {
    records: store ? storeSlice(store, () => position!, () => buffer.length) : objects!,
    order: new Int32Array(capacity),
    label: new Uint8Array(capacity),
    extra: new Int32Array(capacity),
    length: 0,
    push(record, order, label, extra = 0) {
      const at = buffer.length;
      if (at >= capacity) throw new RangeError(`source buffer full (${capacity})`);
      if (objects) objects[at] = record;
      else position![at] = store!.add(record);
      buffer.order[at] = order;
      buffer.label[at] = label;
      buffer.extra[at] = extra;
      buffer.length = at + 1;
      return at;
    },
    finish() {
      // Shrinking `length` trims the backing store in place; typed columns become views.
      if (objects) objects.length = buffer.length;
      if (position) position = position.subarray(0, buffer.length);
      Object.assign(buffer, { order: buffer.order.subarray(0, buffer.length), label: buffer.label.subarray(0, buffer.length), extra: buffer.extra.subarray(0, buffer.length) });
    },
  };
  return buffer;
}
