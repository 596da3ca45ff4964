import { ConfigError } from '@recon/core';
import { MAX_LIST_COUNT, MAX_RECON_COUNT, MAX_TIMESTAMP, MIN_TIMESTAMP, RAZORPAY_SOURCE } from '../constants';

/** Query of the payments, refunds and settlements lists. */
export interface ListParams {
  /** Unix seconds, integer; entities created after this. */
  from?: number;
  /** Unix seconds, integer; entities created before this. */
  to?: number;
  /** Page size, 1 to 100 (default 100: fewer round trips than Razorpay's own default of 10). */
  count?: number;
  /** Offset of the first page (default 0). */
  skip?: number;
}

/** Query of the settlement recon report: one IST day, or a whole month when `day` is absent. */
export interface ReconParams {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31; absent for the whole month. */
  day?: number;
  /** Page size, 1 to 1000 (default 1000). */
  count?: number;
  skip?: number;
}

const fail = (message: string) => new ConfigError(`[recon:${RAZORPAY_SOURCE}] ${message}`, { code: 'RAZORPAY_PARAM_INVALID', connector: RAZORPAY_SOURCE });

function integerIn(name: string, value: number, min: number, max: number): number {
  // Integers only: razorpay-node divides milliseconds by 1000 and can send a fractional `from`.
  if (!Number.isSafeInteger(value) || value < min || value > max) throw fail(`${name} must be an integer from ${min} to ${max} (got ${String(value)})`);
  return value;
}

/**
 * Check list parameters before sending them, with the limits Razorpay enforces (count 1–100,
 * from/to within 946684800–4765046400): a mistake becomes a ConfigError here rather than a 400 on
 * every page. Returns the query to send, with the defaults filled in.
 */
export function listQuery(params: ListParams): Record<string, number> {
  const query: Record<string, number> = {
    count: integerIn('count', params.count ?? MAX_LIST_COUNT, 1, MAX_LIST_COUNT),
    skip: integerIn('skip', params.skip ?? 0, 0, Number.MAX_SAFE_INTEGER),
  };
  if (params.from !== undefined) query['from'] = integerIn('from', params.from, MIN_TIMESTAMP, MAX_TIMESTAMP);
  if (params.to !== undefined) query['to'] = integerIn('to', params.to, MIN_TIMESTAMP, MAX_TIMESTAMP);
  if (query['from'] !== undefined && query['to'] !== undefined && query['from'] > query['to']) throw fail(`from (${query['from']}) is after to (${query['to']})`);
  return query;
}

/** Check recon parameters; year, month and day are sent zero-padded (`2024`, `06`, `09`). */
export function reconQuery(params: ReconParams): Record<string, string | number> {
  const query: Record<string, string | number> = {
    year: String(integerIn('year', params.year, 2000, 2120)),
    month: String(integerIn('month', params.month, 1, 12)).padStart(2, '0'),
    count: integerIn('count', params.count ?? MAX_RECON_COUNT, 1, MAX_RECON_COUNT),
    skip: integerIn('skip', params.skip ?? 0, 0, Number.MAX_SAFE_INTEGER),
  };
  if (params.day !== undefined) query['day'] = String(integerIn('day', params.day, 1, 31)).padStart(2, '0');
  return query;
}
