import type { ConnectorMessage, Cursor } from '../../connector';
import { isReconError } from '../../errors';
import { ConformanceError, ensure } from './conformance-error';
import { prepare, withDeadline } from './prepare';
import { describeThrown } from './read-all';
import type { ConformanceFixture } from './types';

const DEFAULT_DEADLINE_MS = 15_000;
/** How the read ended after its signal was aborted. */
type Ending = { how: 'done' } | { how: 'threw'; error: unknown };

/**
 * Abort between pages: after the first checkpoint the signal is aborted. The read must end (or
 * throw a ReconError of kind `aborted`) without reading the rest: at most one more request (a
 * connector may prefetch), and not every remaining record.
 */
export async function checkAbortBetweenPages<C extends Cursor>(fixture: ConformanceFixture<C>, options: { deadlineMs?: number } = {}): Promise<void> {
  prepare(fixture);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const controller = new AbortController();
  const iterator = fixture.connector.read({ ...fixture.readOptions, signal: controller.signal })[Symbol.asyncIterator]();
  let records = 0;
  let recordsAtAbort = -1;
  let requestsAtAbort = 0;
  let ending: Ending | undefined;
  try {
    while (!ending) {
      const step = await withDeadline(iterator.next(), deadlineMs);
      if (!step.settled) throw new ConformanceError('abort', `the read did not stop within ${deadlineMs} ms after its signal was aborted`);
      if ('error' in step) {
        ensure(recordsAtAbort >= 0, 'abort', () => `the read threw before any checkpoint: ${describeThrown(step.error)}`);
        ending = { how: 'threw', error: step.error };
        break;
      }
      if (step.value.done) {
        ending = { how: 'done' };
        break;
      }
      const message: ConnectorMessage<C> = step.value.value;
      if (message.type === 'record') records += 1;
      if (message.type === 'state' && recordsAtAbort < 0) {
        ensure(records < fixture.expected.ids.length, 'abort', 'the first checkpoint came after every record: the dataset must span several pages to test abort');
        recordsAtAbort = records;
        requestsAtAbort = fixture.sandbox.requests.length;
        controller.abort();
      }
    }
  } finally {
    controller.abort();
    await closeQuietly(iterator);
  }
  ensure(recordsAtAbort >= 0, 'abort', 'the read ended without yielding a checkpoint');
  assertAbortEnding(ending);
  ensure(records < fixture.expected.ids.length, 'abort', `the read went on to yield all ${records} records after its signal was aborted`);
  const extraRequests = fixture.sandbox.requests.length - requestsAtAbort;
  ensure(extraRequests <= 1, 'abort', `the read made ${extraRequests} more requests after its signal was aborted`);
}

/**
 * Abort while a request is in flight: every request after the first checkpoint hangs; once the
 * sandbox holds one, the signal is aborted. The read must stop promptly (not wait for a timeout)
 * with a ReconError of kind `aborted`, or end.
 */
export async function checkAbortInFlight<C extends Cursor>(fixture: ConformanceFixture<C>, options: { deadlineMs?: number } = {}): Promise<void> {
  prepare(fixture);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const controller = new AbortController();
  const iterator = fixture.connector.read({ ...fixture.readOptions, signal: controller.signal })[Symbol.asyncIterator]();
  try {
    // Read up to the first checkpoint with the sandbox healthy.
    for (;;) {
      const step = await iterator.next().catch((error: unknown) => {
        throw new ConformanceError('abort', `the read threw before any checkpoint: ${describeThrown(error)}`);
      });
      ensure(!step.done, 'abort', 'the read ended without yielding a checkpoint');
      if (step.value.type === 'state') break;
    }
    fixture.sandbox.faults.inject({ type: 'hang', times: Infinity });
    const hung = fixture.sandbox.waitForRequest((entry) => entry.fault === 'hang').then(() => 'hung' as const);
    let pending = iterator.next();
    // The connector may still yield buffered messages before it needs the network again.
    for (;;) {
      const winner = await Promise.race([hung, pending.then(() => 'step' as const, () => 'step' as const)]);
      if (winner === 'hung') break;
      const step = await pending.catch((error: unknown) => {
        throw new ConformanceError('abort', `the read threw before the hung request was made: ${describeThrown(error)}`);
      });
      ensure(!step.done, 'abort', 'the read ended after its first checkpoint: the dataset must span several pages to test abort');
      pending = iterator.next();
    }
    controller.abort();
    let ending: Ending | undefined;
    while (!ending) {
      const step = await withDeadline(pending, deadlineMs);
      if (!step.settled) {
        throw new ConformanceError('abort', `the read did not stop within ${deadlineMs} ms after its signal was aborted during a request (is the signal passed to the HTTP client?)`);
      }
      if ('error' in step) ending = { how: 'threw', error: step.error };
      else if (step.value.done) ending = { how: 'done' };
      else pending = iterator.next();
    }
    assertAbortEnding(ending);
  } finally {
    fixture.sandbox.faults.clear();
    controller.abort(); // also when the check failed early: never leave a request hanging
    await closeQuietly(iterator);
  }
}

function assertAbortEnding(ending: Ending | undefined): void {
  if (ending?.how !== 'threw') return;
  const { error } = ending;
  ensure(isReconError(error), 'abort', () => `after abort the read threw ${describeThrown(error)}, not a ReconError`);
  ensure(error.kind === 'aborted', 'abort', `after abort the read threw a ReconError of kind '${error.kind}', expected 'aborted'`);
}

async function closeQuietly(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await withDeadline(Promise.resolve(iterator.return?.()), 1_000);
  } catch {
    // the read already failed; its error was judged above
  }
}
