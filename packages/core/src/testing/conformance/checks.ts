import { checkAbortBetweenPages, checkAbortInFlight } from './check-abort';
import { checkBadCredentials, checkConnectionOk } from './check-connection';
import { checkErrorsAreReconErrors } from './check-errors';
import { checkSurvivesFault, resolveFaultScenarios } from './check-faults';
import { checkFullRead, checkInvalidRecords } from './check-read';
import { checkResumeFromEveryCursor } from './check-resume';
import { checkNoSecretLeak } from './check-secrets';
import type { ConformanceCheck, ConformanceSettings } from './types';

/**
 * The suite as plain data: every check with a title and a `run(fixture)` that resolves or throws a
 * ConformanceError. `describeConnectorConformance` wraps each in an `it`; tests of the suite itself
 * (or another runner) call `run` directly.
 */
export function conformanceChecks(settings: ConformanceSettings = {}): ConformanceCheck[] {
  const deadline = { deadlineMs: settings.abortDeadlineMs };
  const all: ConformanceCheck[] = [
    { id: 'check-ok', title: 'check() resolves ok:true against the sandbox', run: checkConnectionOk },
    { id: 'check-bad-credentials', title: 'check() resolves ok:false (kind auth) with wrong credentials, never throws', run: checkBadCredentials },
    { id: 'full-read', title: 'a full read yields exactly the expected ids, once each, ending on a checkpoint', run: checkFullRead },
    { id: 'invalid-records', title: 'invalid rows become invalid messages with raw payload and InvalidDataError', run: checkInvalidRecords },
    { id: 'resume', title: 'resuming from every checkpoint gives no gap and no duplicate', run: checkResumeFromEveryCursor },
    ...resolveFaultScenarios(settings.faults).map(
      ([scenario, plan]): ConformanceCheck => ({ id: 'faults', title: `survives ${scenario} mid-read with the same full result`, run: (fixture) => checkSurvivesFault(fixture, scenario, plan) }),
    ),
    { id: 'abort', title: 'abort between pages stops the read', run: (fixture) => checkAbortBetweenPages(fixture, deadline) },
    { id: 'abort', title: 'abort during a hung request stops the read promptly', run: (fixture) => checkAbortInFlight(fixture, deadline) },
    { id: 'errors', title: 'every thrown error is a classified ReconError, and retries end', run: checkErrorsAreReconErrors },
    { id: 'no-secret-leak', title: 'no secret in output, logs, check results or errors', run: checkNoSecretLeak },
  ];
  const skip = new Set(settings.skip ?? []);
  return all.filter((check) => !skip.has(check.id));
}
