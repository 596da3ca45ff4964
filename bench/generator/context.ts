import type { Channel, TransactionStore } from '@recon/core';
import type { Clock } from './clock';
import type { FeeBreakdown } from './fees';
import type { ResolvedOptions } from './options';
import type { PriceBook } from './price-points';
import type { BenchRng } from './rng';

/** Payment methods, by code. */
export const METHOD_CHANNEL: readonly Channel[] = ['UPI', 'CARD', 'NETBANKING'];
/** Settlement delay in days, by method code: T+1 for UPI, T+2 for cards and netbanking. */
export const METHOD_SETTLE_DAYS: readonly number[] = [1, 2, 2];
/** Cumulative method shares: 50 % UPI, 30 % card, 20 % netbanking. */
export const METHOD_CDF: readonly number[] = [0.5, 0.8, 1];

/** What every generation phase shares. */
export interface GenContext {
  options: ResolvedOptions;
  clock: Clock;
  prices: PriceBook;
  /** Fee breakdown of each price point. */
  fees: readonly FeeBreakdown[];
  amountText: (minor: bigint) => string;
  /** Wire strings of each price point's gross, fee and GST, looked up by index (cheaper than by bigint). */
  priceText: { gross: readonly string[]; fee: readonly string[]; tax: readonly string[] };
  /** Independent random streams per phase, so a change in one phase does not reshuffle the others. */
  rng: { orders: BenchRng; settlement: BenchRng; bank: BenchRng };
  /** Where records go when the dataset is kept in a store (else they stay objects in arrays). */
  store?: TransactionStore;
}
