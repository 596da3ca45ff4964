import type { CheckResult, Cursor } from '../../connector';
import { isReconError } from '../../errors';
import { ConformanceError, ensure } from './conformance-error';
import { prepare } from './prepare';
import { describeThrown } from './read-all';
import type { ConformanceFixture } from './types';

/** `check()` resolves `ok: true` against the sandbox with valid credentials. */
export async function checkConnectionOk<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const result = await settleCheck(fixture.connector.check(), 'check-ok');
  ensure(result.ok, 'check-ok', () => `check() resolved ok:false against the sandbox: ${result.ok ? '' : result.message}`);
}

/** With wrong credentials `check()` resolves (never rejects) `ok: false` with a ReconError of kind `auth`. */
export async function checkBadCredentials<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const bad = fixture.makeWithBadCredentials();
  try {
    const result = await settleCheck(bad.check(), 'check-bad-credentials');
    ensure(!result.ok, 'check-bad-credentials', 'check() with wrong credentials resolved ok:true');
    ensure(isReconError(result.error), 'check-bad-credentials', () => `check() reported ${describeThrown(result.ok ? undefined : result.error)}, not a ReconError`);
    ensure(result.error.kind === 'auth', 'check-bad-credentials', `check() with wrong credentials reported kind '${result.error.kind}', expected 'auth'`);
    ensure(typeof result.message === 'string' && result.message.length > 0, 'check-bad-credentials', 'check() gave no message to show the user');
  } finally {
    await bad.close();
  }
}

async function settleCheck(promise: Promise<CheckResult>, check: string): Promise<CheckResult> {
  try {
    return await promise;
  } catch (error) {
    throw new ConformanceError(check, `check() rejected (${describeThrown(error)}); it must resolve to { ok: false, error } instead`);
  }
}
