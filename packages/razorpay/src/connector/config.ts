import { z } from 'zod';
import { MAX_LIST_COUNT, MAX_RECON_COUNT, RAZORPAY_BASE_URL } from '../constants';

/** The streams a Razorpay connector can read, in the order a read visits them. */
export const RAZORPAY_STREAMS = ['payments', 'refunds', 'settlements', 'settlement_recon'] as const;
/** One of {@link RAZORPAY_STREAMS}. */
export type RazorpayStream = (typeof RAZORPAY_STREAMS)[number];

/**
 * Config of the {@link razorpay} connector. Every option is validated eagerly; unknown keys are
 * rejected (a misspelt `keySecert` is an error, not a silent default).
 */
export const RazorpayConfig = z.object({
  /** API key id: `rzp_live_…` or `rzp_test_…`. */
  keyId: z.string().regex(/^rzp_(live|test)_[A-Za-z0-9]+$/, 'must look like rzp_live_… or rzp_test_…'),
  /** API key secret. Never logged, never in an error. */
  keySecret: z.string().min(8),
  /** API host (default `https://api.razorpay.com`); the sandbox's `url` in tests. */
  baseUrl: z.url().default(RAZORPAY_BASE_URL),
  /** `account_id` of every transaction: your Razorpay merchant account (default `razorpay`). */
  accountId: z.string().trim().min(1).max(128).default('razorpay'),
  /** Partner apps: read a sub-merchant's data (`X-Razorpay-Account` header). */
  subMerchantAccount: z.string().min(1).optional(),
  /** Which streams to read (default all four), always in the order payments, refunds, settlements, settlement_recon. */
  streams: z.array(z.enum(RAZORPAY_STREAMS)).min(1).default([...RAZORPAY_STREAMS]),
  /** Items per list request, 1–100 (default 100, the API's maximum). */
  pageSize: z.number().int().min(1).max(MAX_LIST_COUNT).default(MAX_LIST_COUNT),
  /** Rows per recon request, 1–1000 (default 1000). */
  reconPageSize: z.number().int().min(1).max(MAX_RECON_COUNT).default(MAX_RECON_COUNT),
  /**
   * Each incremental window re-reads this many seconds before the previous window's end (default
   * 3600), so an entity that changed state soon after creation (authorized → captured, a quick
   * refund) is emitted again with its new status; unchanged entities there are skipped.
   */
  overlapSeconds: z.number().int().min(0).max(30 * 86_400).default(3_600),
  /** How far back a first read goes when `read()` gets neither `from` nor a cursor (default 30 days). */
  lookbackDays: z.number().int().min(1).max(9_000).default(30),
  /** Per-attempt deadline in ms (default 30 000). */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Retry tuning; the HTTP kit's defaults (4 retries, 0.5 s doubling to 30 s, full jitter) otherwise. */
  retry: z
    .object({
      retries: z.number().int().min(0).max(10),
      minDelayMs: z.number().int().min(0),
      maxDelayMs: z.number().int().min(0),
      maxElapsedMs: z.number().int().min(0),
    })
    .partial()
    .strict()
    .optional(),
  /** Client-side throttle; Razorpay publishes no limits and answers 429 when exceeded (retried either way). */
  rateLimit: z
    .object({
      perSecond: z.number().positive(),
      perMinute: z.number().positive(),
      maxConcurrent: z.number().int().positive(),
    })
    .partial()
    .strict()
    .optional(),
});

/** What a caller passes to {@link razorpay} (defaults optional). */
export type RazorpayConfig = z.input<typeof RazorpayConfig>;
/** The config after defaults. */
export type ResolvedRazorpayConfig = z.output<typeof RazorpayConfig>;
