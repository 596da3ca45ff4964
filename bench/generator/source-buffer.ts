import type { StandardTransaction } from '@recon/core';

/**
 * Records of one source plus their truth columns, in storage sized once up front. Why: a growing
 * JS array copies its backing store every time it outgrows it, and at a million records those
 * dead copies add up to a few hundred MB of garbage that inflates the peak RSS the benchmark
 * reports.
 */
export interface SourceBuffer {
  readonly records: StandardTransaction[];
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

/** A {@link SourceBuffer} for at most `capacity` records. */
export function createSourceBuffer(capacity: number): SourceBuffer {
  const buffer: SourceBuffer = {
    records: new Array<StandardTransaction>(capacity),
    order: new Int32Array(capacity),
    label: new Uint8Array(capacity),
    extra: new Int32Array(capacity),
    length: 0,
    push(record, order, label, extra = 0) {
      const at = buffer.length;
      if (at >= capacity) throw new RangeError(`source buffer full (${capacity})`);
      buffer.records[at] = record;
      buffer.order[at] = order;
      buffer.label[at] = label;
      buffer.extra[at] = extra;
      buffer.length = at + 1;
      return at;
    },
    finish() {
      // Shrinking `length` trims the backing store in place; typed columns become views.
      buffer.records.length = buffer.length;
      Object.assign(buffer, { order: buffer.order.subarray(0, buffer.length), label: buffer.label.subarray(0, buffer.length), extra: buffer.extra.subarray(0, buffer.length) });
    },
  };
  return buffer;
}
