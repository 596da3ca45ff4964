import type { Connector, Cursor } from '../../connector';
import { isReconError } from '../../errors';
import type { FaultPlan } from '../sandbox/faults';
import { ConformanceError, ensure } from './conformance-error';
import { prepare } from './prepare';
import { describeThrown, readAll } from './read-all';
import type { ConformanceFixture } from './types';

/** Failures that cannot be retried away; each read must end with a ReconError. */
const LASTING_FAILURES: ReadonlyArray<[string, FaultPlan]> = [
  ['a lasting outage (503 on every request)', [{ type: 'status', status: 503, times: Infinity }]],
  ['a client error (400 on every request)', [{ type: 'status', status: 400, times: Infinity }]],
  ['connections reset on every request', [{ type: 'reset', times: Infinity }]],
];

/**
 * Every error a read throws is a ReconError with a real classification: with wrong credentials
 * (kind `auth`), under a lasting outage, on a client error, when every connection resets. Kind
 * `internal` means a raw error escaped the connector and was only wrapped by `defineConnector`.
 * Retries must be bounded: each read has to end.
 */
export async function checkErrorsAreReconErrors<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const bad = fixture.makeWithBadCredentials();
  try {
    const error = await expectFailure(bad, fixture, 'a read with wrong credentials');
    ensure(error.kind === 'auth', 'errors', `a read with wrong credentials threw kind '${error.kind}', expected 'auth'`);
  } finally {
    await bad.close();
  }
  for (const [what, plan] of LASTING_FAILURES) {
    prepare(fixture);
    fixture.sandbox.faults.inject(plan);
    try {
      await expectFailure(fixture.connector, fixture, `a read under ${what}`);
    } finally {
      fixture.sandbox.faults.clear();
    }
  }
}

async function expectFailure<C extends Cursor>(connector: Connector<C>, fixture: ConformanceFixture<C>, what: string) {
  const transcript = await readAll(connector, { ...fixture.readOptions });
  if (!transcript.failed) throw new ConformanceError('errors', `${what} ended without an error (${transcript.ids.length} records): failures must not pass silently`);
  const { error } = transcript;
  ensure(isReconError(error), 'errors', () => `${what} threw ${describeThrown(error)}, not a ReconError`);
  ensure(error.kind !== 'internal', 'errors', () => `${what} threw an unclassified error (kind 'internal': ${error.message}); map it to a ReconError subclass`);
  ensure(typeof error.code === 'string' && error.code.length > 0, 'errors', `${what} threw a ReconError without a code`);
  return error;
}
