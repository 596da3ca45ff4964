/**
 * Paise arithmetic for the sandbox, in bigint, so the dataset's fees, nets and settlement totals
 * add up exactly. Values leave as JSON numbers (what Razorpay sends) through {@link toWire}.
 */

/** Fee in paise at `basisPoints` of `amount` plus 18% GST on it: Razorpay's `fee` includes `tax`. */
export function feeFor(amount: bigint, basisPoints: bigint): { fee: bigint; tax: bigint } {
  const base = (amount * basisPoints) / 10_000n;
  const tax = (base * 18n) / 100n;
  return { fee: base + tax, tax };
}

/** A bigint paise value as the JSON number Razorpay puts on the wire (always a safe integer here). */
export function toWire(value: bigint): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`paise value out of range: ${value}`);
  return Number(value);
}
