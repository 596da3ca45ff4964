/**
 * What the generator produces and how noisy it is. Defaults follow `reference/matching.md` §5.2,
 * so figures from different runs (and from the prototype there) stay comparable.
 */
export interface NoiseRates {
  /** Gateway payments that fail (status FAILED, never settled). */
  failedPayment: number;
  /** Orders whose ledger entry is missing (the gateway has a payment the books do not). */
  missingInLedger: number;
  /** Orders whose gateway payment is missing (the books claim a payment the gateway never saw). */
  missingInGateway: number;
  /** Ledger amount differs from the gateway's (±1..500 paise, or a ×100 unit error). */
  amountMismatch: number;
  /** Share of amount mismatches that are ×100 unit errors rather than small differences. */
  unitErrorShare: number;
  /** Ledger says paid where the gateway says failed, or the reverse. */
  statusMismatch: number;
  /** Gateway webhook replays: the same payment twice, same id. */
  gatewayDuplicate: number;
  /** Ledger double posts: a second entry for the same order, different entry id. */
  ledgerDuplicate: number;
  /** Bank statement overlap: a bank line delivered twice, same id (share of bank lines). */
  bankDuplicate: number;
  /** Ledger timestamps further off by ±1–26 h (time-zone mistakes), on top of N(0, 20 s). */
  largeSkew: number;
  /** Ledger entries without any order id. */
  ledgerKeyless: number;
  /** Ledger entries whose order id is reformatted (`ORD-…` instead of `order_…`). */
  ledgerReformatted: number;
  /** Captured payments not yet settled (no settlement line, no bank credit). */
  unsettled: number;
  /** Captured payments refunded later; the refund is netted into a later settlement batch. */
  refund: number;
  /** Settlement batches whose report lines are withheld (the bank credit is still there). */
  withheldReport: number;
  /** Bank credits whose value date is one day later than the settlement date. */
  valueDateLag: number;
  /** Bank narrations with the UTR cut short (last 4 characters missing). */
  utrTruncated: number;
  /** Bank narrations without any UTR. */
  utrAbsent: number;
  /** Unrelated bank lines, as a share of the number of settlement batches. */
  unrelatedBankLines: number;
}

/** Options of {@link generateDataset}. */
export interface GeneratorOptions {
  /** Number of customer orders to simulate. */
  orders: number;
  /** Seed: the same seed and options give byte-identical data. */
  seed: number;
  /** First day of the simulated period (UTC date `YYYY-MM-DD`; times are written in IST). */
  startDate?: string;
  /** Length of the period over which orders are spread uniformly, in days. */
  days?: number;
  /** Largest number of lines in one settlement batch. */
  batchSize?: number;
  /** Noise rates; any rate not given keeps its default. */
  noise?: Partial<NoiseRates>;
}

/** The default noise rates (matching.md §5.2). */
export const DEFAULT_NOISE: Readonly<NoiseRates> = Object.freeze({
  failedPayment: 0.03,
  missingInLedger: 0.005,
  missingInGateway: 0.003,
  amountMismatch: 0.003,
  unitErrorShare: 0.2,
  statusMismatch: 0.005,
  gatewayDuplicate: 0.003,
  ledgerDuplicate: 0.002,
  bankDuplicate: 0.001,
  largeSkew: 0.01,
  ledgerKeyless: 0.02,
  ledgerReformatted: 0.01,
  unsettled: 0.002,
  refund: 0.01,
  withheldReport: 0.05,
  valueDateLag: 0.1,
  utrTruncated: 0.03,
  utrAbsent: 0.01,
  unrelatedBankLines: 0.05,
});

/** Options with every default filled in. */
export interface ResolvedOptions {
  orders: number;
  seed: number;
  startDate: string;
  days: number;
  batchSize: number;
  noise: NoiseRates;
}

/** Fills defaults and rejects nonsense early, so a typo in a benchmark flag fails loudly. */
export function resolveOptions(options: GeneratorOptions): ResolvedOptions {
  const { orders, seed } = options;
  if (!Number.isSafeInteger(orders) || orders < 1) throw new RangeError(`orders must be a positive integer, got ${String(orders)}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  const days = options.days ?? 30;
  const batchSize = options.batchSize ?? 500;
  const startDate = options.startDate ?? '2024-04-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new RangeError(`startDate must be YYYY-MM-DD, got ${startDate}`);
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${String(days)}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${String(batchSize)}`);
  const noise = { ...DEFAULT_NOISE, ...options.noise };
  for (const [name, rate] of Object.entries(noise)) {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`noise.${name} must be within [0, 1], got ${String(rate)}`);
  }
  return { orders, seed, startDate, days, batchSize, noise };
}
