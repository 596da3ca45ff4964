import { money, percentOf, toDecimalString } from '@recon/core';

/** Gateway fee (MDR) in basis points: Razorpay's standard plan, 2 % on cards, UPI and netbanking. */
export const FEE_BPS = 200n;
/** GST on the fee: 18 %. */
export const GST_BPS = 1_800n;

/** What the gateway keeps and pays out for one captured payment, in paise. */
export interface FeeBreakdown {
  /** Fee including GST (Razorpay's `fee`, and the standard transaction's `fee`). */
  fee: bigint;
  /** The GST part of `fee`. */
  tax: bigint;
  /** gross − fee: what the settlement pays for this payment. */
  net: bigint;
}

/** Fee, GST and net of a gross amount; each step rounds half-up to a whole paisa, as gateways invoice. */
export function feeBreakdown(gross: bigint): FeeBreakdown {
  const mdr = percentOf(money(gross, 'INR'), FEE_BPS, 'half-up').minor;
  const tax = percentOf(money(mdr, 'INR'), GST_BPS, 'half-up').minor;
  const fee = mdr + tax;
  return { fee, tax, net: gross - fee };
}

/**
 * INR amounts as wire strings (`"499.00"`), cached: most amounts come from a few hundred price
 * points, so records share one string per amount the way `JSON.parse` shares short strings.
 */
export function createAmountText(): (minor: bigint) => string {
  const cache = new Map<bigint, string>();
  return (minor) => {
    let text = cache.get(minor);
    if (text === undefined) {
      text = toDecimalString(money(minor, 'INR'));
      cache.set(minor, text);
    }
    return text;
  };
}
