import type { SandboxResponse } from '@recon/core/testing';
import { MAX_TIMESTAMP, MIN_TIMESTAMP } from '../constants';
import { badRequest } from './envelope';

const INTEGER = /^-?\d+$/;

/** A parsed list query, or the 400 Razorpay would answer. */
export type ListQueryResult = { ok: true; from?: number; to?: number; count: number; skip: number } | { ok: false; response: SandboxResponse };

/** `count`: default 10, integer, at least 1, at most `max`. The over-max wording is RazorpayX's (not documented for these lists). */
export function parseCount(value: string | undefined, max: number, fallback = 10): number | SandboxResponse {
  if (value === undefined || value === '') return fallback;
  if (!INTEGER.test(value)) return badRequest('The count must be an integer.', 'count');
  const count = Number.parseInt(value, 10);
  if (count < 1) return badRequest('The count must be at least 1.', 'count');
  if (count > max) return badRequest(`The count may not be greater than ${max}.`, 'count');
  return count;
}

/** `skip`: default 0, a non-negative integer. */
export function parseSkip(value: string | undefined): number | SandboxResponse {
  if (value === undefined || value === '') return 0;
  if (!INTEGER.test(value)) return badRequest('The skip must be an integer.', 'skip');
  const skip = Number.parseInt(value, 10);
  return skip < 0 ? badRequest('The skip must be at least 0.', 'skip') : skip;
}

function parseTime(name: 'from' | 'to', value: string | undefined): number | undefined | SandboxResponse {
  if (value === undefined || value === '') return undefined;
  const n = INTEGER.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  // The documented message, also for a fractional value (which razorpay-node can send).
  if (!(n >= MIN_TIMESTAMP && n <= MAX_TIMESTAMP)) return badRequest(`${name} must be between ${MIN_TIMESTAMP} and ${MAX_TIMESTAMP}`);
  return n;
}

const isResponse = (v: unknown): v is SandboxResponse => typeof v === 'object' && v !== null;

/** Validate `from`, `to`, `count` (1..max) and `skip` as the list endpoints do; unknown parameters are ignored. */
export function parseListQuery(query: Record<string, string>, max = 100): ListQueryResult {
  const from = parseTime('from', query['from']);
  if (isResponse(from)) return { ok: false, response: from };
  const to = parseTime('to', query['to']);
  if (isResponse(to)) return { ok: false, response: to };
  const count = parseCount(query['count'], max);
  if (isResponse(count)) return { ok: false, response: count };
  const skip = parseSkip(query['skip']);
  if (isResponse(skip)) return { ok: false, response: skip };
  return { ok: true, count, skip, ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

/** A parsed recon query. */
export type ReconQueryResult = { ok: true; year: number; month: number; day?: number; count: number; skip: number } | { ok: false; response: SandboxResponse };

/** Validate the recon report's `year`, `month`, `day`, `count` (1..1000) and `skip` with the documented messages. */
export function parseReconQuery(query: Record<string, string>): ReconQueryResult {
  const { year, month, day } = query;
  if (year === undefined || !/^\d{4}$/.test(year)) return { ok: false, response: badRequest('The year must be 4 digits.') };
  if (month === undefined || month === '') return { ok: false, response: badRequest('The month field is required.', 'month') };
  const m = /^\d{1,2}$/.test(month) ? Number.parseInt(month, 10) : 0;
  if (m < 1 || m > 12) return { ok: false, response: badRequest('The month is not a valid month.', 'month') };
  let d: number | undefined;
  if (day !== undefined && day !== '') {
    d = /^\d{1,2}$/.test(day) ? Number.parseInt(day, 10) : 0;
    if (d < 1 || d > 31) return { ok: false, response: badRequest('The day must be between 1 and 2 digits.') };
  }
  const count = parseCount(query['count'], 1000);
  if (isResponse(count)) return { ok: false, response: count };
  const skip = parseSkip(query['skip']);
  if (isResponse(skip)) return { ok: false, response: skip };
  return { ok: true, year: Number.parseInt(year, 10), month: m, count, skip, ...(d !== undefined && { day: d }) };
}
