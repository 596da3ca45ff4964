/**
 * Integer arithmetic on minor units, in one of two representations chosen per run:
 *
 * - `number` when it is provably exact: every amount, fee and tax of the run is below 10^15 and
 *   their grand total is at most 2^53 − 1, so every sum or difference of any subset of them is an
 *   integer within ±(2^53 − 1), which a double holds exactly (see `chooseArith`). This is the fast
 *   path: no allocation per value;
 * - `bigint` otherwise, for runs with amounts too large for that bound.
 *
 * The engine is written once, generic over the representation; nothing ever holds a fraction.
 */
/** A column of minor units: a Float64Array on the fast path, a bigint array otherwise. */
export interface Column<T> {
  [i: number]: T;
  readonly length: number;
}

export interface Arith<T> {
  readonly kind: 'number' | 'bigint';
  /** A zero-filled column of `n` values (off the GC heap on the fast path). */
  column(n: number): Column<T>;
  readonly zero: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  /** −1, 0 or 1. */
  sign(a: T): number;
  /** −1, 0 or 1 as a <, =, > b. */
  cmp(a: T, b: T): number;
  /** A safe integer (a tolerance in minor units) in this representation. */
  fromInt(n: number): T;
  toBigInt(a: T): bigint;
  /** ⌊|base| × bps / 10 000⌋: a basis-point allowance, exact. */
  bpsOf(base: T, bps: number): T;
  /** Minor units from a string of ASCII digits (the decimal point already removed). */
  parseDigits(digits: string): T;
  /** Signed decimal string of minor units (`-150`). */
  toMinorString(a: T): string;
}

export const numberArith: Arith<number> = {
  kind: 'number',
  column: (n) => new Float64Array(n),
  zero: 0,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  neg: (a) => (a === 0 ? 0 : -a),
  abs: (a) => (a < 0 ? -a : a),
  sign: (a) => (a < 0 ? -1 : a > 0 ? 1 : 0),
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  fromInt: (n) => n,
  toBigInt: (a) => BigInt(a),
  bpsOf(base, bps) {
    const b = base < 0 ? -base : base;
    // b × bps can pass 2^53 (b up to 2^53, bps up to 10^4): then do it in bigint, still exact.
    if (bps === 0 || b === 0) return 0;
    if (b <= Number.MAX_SAFE_INTEGER / bps) {
      const p = b * bps; // an exact integer ≤ 2^53 − 1
      return (p - (p % 10_000)) / 10_000; // exact: the dividend is a multiple of 10^4
    }
    return Number((BigInt(b) * BigInt(bps)) / 10_000n);
  },
  parseDigits(digits) {
    let n = 0;
    for (let i = 0; i < digits.length; i++) n = n * 10 + (digits.charCodeAt(i) - 48);
    return n;
  },
  toMinorString: (a) => String(a),
};

export const bigintArith: Arith<bigint> = {
  kind: 'bigint',
  column: (n) => new Array<bigint>(n).fill(0n),
  zero: 0n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  neg: (a) => -a,
  abs: (a) => (a < 0n ? -a : a),
  sign: (a) => (a < 0n ? -1 : a > 0n ? 1 : 0),
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  fromInt: (n) => BigInt(n),
  toBigInt: (a) => a,
  bpsOf: (base, bps) => ((base < 0n ? -base : base) * BigInt(bps)) / 10_000n,
  parseDigits: (digits) => BigInt(digits === '' ? '0' : digits),
  toMinorString: (a) => a.toString(),
};

/** Digits of minor units a `number` may hold per value on the fast path (10^15 < 2^53). */
export const MAX_FAST_DIGITS = 15;
