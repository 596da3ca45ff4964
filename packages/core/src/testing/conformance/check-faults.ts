import type { Cursor } from '../../connector';
import type { FaultPlan } from '../sandbox/faults';
import { assertCompleteRead } from './check-read';
import { ensure } from './conformance-error';
import { prepare } from './prepare';
import { describeThrown, readAll } from './read-all';
import type { ConformanceFixture } from './types';

/**
 * The faults every connector must ride out, each injected once after the first request (so it
 * lands mid-read): the read must still return exactly the full result. `Retry-After: 1` keeps the
 * honest wait short.
 */
export const DEFAULT_FAULT_SCENARIOS: Readonly<Record<string, FaultPlan>> = Object.freeze({
  'rate limited (429, Retry-After: 1)': [{ type: 'status', status: 429, retryAfter: 1, after: 1 }],
  'server error (500)': [{ type: 'status', status: 500, after: 1 }],
  'bad gateway (502)': [{ type: 'status', status: 502, after: 1 }],
  'service unavailable (503)': [{ type: 'status', status: 503, after: 1 }],
  'connection reset': [{ type: 'reset', after: 1 }],
  'truncated JSON body': [{ type: 'truncate', after: 1 }],
});

/** The scenarios to run: the defaults, with overrides applied (`false` removes one, a new name adds one). */
export function resolveFaultScenarios(overrides: Record<string, FaultPlan | false> = {}): Array<[string, FaultPlan]> {
  const merged: Record<string, FaultPlan | false> = { ...DEFAULT_FAULT_SCENARIOS, ...overrides };
  return Object.entries(merged).filter((entry): entry is [string, FaultPlan] => entry[1] !== false);
}

/** Inject `plan`, read everything, and demand the same full result as without faults (and that the fault really fired). */
export async function checkSurvivesFault<C extends Cursor>(fixture: ConformanceFixture<C>, scenario: string, plan: FaultPlan): Promise<void> {
  prepare(fixture);
  fixture.sandbox.faults.inject(plan);
  let transcript;
  let active;
  try {
    transcript = await readAll(fixture.connector, { ...fixture.readOptions });
    active = fixture.sandbox.faults.active;
  } finally {
    fixture.sandbox.faults.clear();
  }
  const what = `a read under "${scenario}"`;
  ensure(!transcript.failed, 'faults', () => `${what} failed instead of retrying: ${describeThrown(transcript.error)}`);
  for (const { fault, applied, seen } of active) {
    const times = fault.times ?? 1;
    const fired = Number.isFinite(times) ? applied === times : applied > 0;
    ensure(fired, 'faults', `the ${fault.type} fault fired ${applied} of ${times} times (${seen} matching requests): the dataset must span several requests, or the plan's match must fit this connector`);
  }
  assertCompleteRead(fixture, transcript, 'faults', what);
}
