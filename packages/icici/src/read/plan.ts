import { ConfigError } from '@recon/core';
import { ICICI_SOURCE } from '../constants';
import { addDays, istDayOf, parseBound } from '../mapping/ist-dates';
import type { IciciCursor } from './cursor';

/** One statement call's date range, IST days, both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** What one read will fetch. */
export interface ReadPlan {
  first: string;
  last: string;
  nextFrom: string;
  /** Slices still to read, in order; the first may be resumed with `resumeToken`. Empty: nothing to read. */
  chunks: DayRange[];
  resumeToken: string | null;
}

/** Inputs of {@link planRead}. */
export interface PlanInput {
  from?: string | undefined;
  to?: string | undefined;
  cursor?: IciciCursor | undefined;
  /** Epoch ms standing in for "now" when `to` is absent. */
  now: number;
  maxRangeDays: number;
  initialLookbackDays: number;
}

const rangeError = (message: string) => new ConfigError(`[recon:${ICICI_SOURCE}] ${message}`, { code: 'READ_RANGE_INVALID', connector: ICICI_SOURCE });

function bound(name: 'from' | 'to', value: string): number {
  const ms = parseBound(value);
  if (ms === undefined) throw rangeError(`\`${name}\` must be an ISO 8601 date or date-time (got ${JSON.stringify(value)})`);
  return ms;
}

/** Cut `first`..`last` into consecutive slices of at most `maxDays` days (the API refuses longer ranges). */
export function splitRange(first: string, last: string, maxDays: number): DayRange[] {
  const out: DayRange[] = [];
  for (let from = first; from <= last; from = addDays(from, maxDays)) {
    const end = addDays(from, maxDays - 1);
    out.push({ from, to: end < last ? end : last });
  }
  return out;
}

/**
 * Decide the window and slices of a read. Statement ranges are whole IST days, so the exclusive
 * upper bound `to` becomes the last day it reaches into; a `to` at exactly an IST midnight closes
 * the day before it. With a cursor, an unfinished window continues where it stopped and a
 * finished one opens the next window at its `nextFrom`; `from` is then ignored.
 */
export function planRead(input: PlanInput): ReadPlan {
  const toMs = input.to === undefined ? input.now : bound('to', input.to);
  const last = istDayOf(toMs - 1);
  const closesDay = istDayOf(toMs) !== last;
  const windowNextFrom = closesDay ? addDays(last, 1) : last;
  const { cursor } = input;

  if (cursor && !cursor.done) {
    return { first: cursor.first, last: cursor.last, nextFrom: cursor.nextFrom, chunks: splitRange(cursor.chunk, cursor.last, input.maxRangeDays), resumeToken: cursor.lastTrId };
  }
  let first: string;
  if (cursor) first = cursor.nextFrom;
  else if (input.from !== undefined) {
    const fromMs = bound('from', input.from);
    if (fromMs >= toMs) throw rangeError('`from` must be before `to`');
    first = istDayOf(fromMs);
  } else first = addDays(last, -(input.initialLookbackDays - 1));

  if (first > last) {
    // Nothing new yet (the previous window already reached `to`): keep the position.
    return { first, last, nextFrom: cursor?.nextFrom ?? windowNextFrom, chunks: [], resumeToken: null };
  }
  return { first, last, nextFrom: windowNextFrom, chunks: splitRange(first, last, input.maxRangeDays), resumeToken: null };
}
