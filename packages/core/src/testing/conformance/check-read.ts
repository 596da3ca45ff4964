import { isDeepStrictEqual } from 'node:util';
import type { Cursor } from '../../connector';
import { isReconError } from '../../errors';
import { safeParseTransaction } from '../../schema/parse';
import { ensure } from './conformance-error';
import { describeIdDifference } from './id-sets';
import { prepare } from './prepare';
import { describeThrown, readAll, type ReadTranscript } from './read-all';
import type { ConformanceFixture } from './types';

/**
 * A full read yields exactly the expected ids, once each, every record a valid standard
 * transaction, with JSON-safe checkpoints and nothing after the last checkpoint.
 */
export async function checkFullRead<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const transcript = await readAll(fixture.connector, { ...fixture.readOptions });
  assertCompleteRead(fixture, transcript, 'full-read', 'a full read');
  ensure(transcript.checkpoints.length > 0, 'full-read', 'the read yielded no state message, so it can never be resumed');
  const last = transcript.messages.at(-1);
  ensure(last?.type === 'state', 'full-read', 'records were yielded after the last state message; a resumed run would read them again');
  for (const [i, { cursor }] of transcript.checkpoints.entries()) {
    const copy: unknown = JSON.parse(JSON.stringify(cursor) ?? 'null');
    ensure(isDeepStrictEqual(copy, cursor), 'full-read', `cursor #${i} does not survive JSON (cursors are stored as JSON between runs)`);
  }
  for (const message of transcript.messages) {
    if (message.type !== 'record') continue;
    const parsed = safeParseTransaction(message.txn);
    ensure(parsed.success, 'full-read', () => `record ${message.txn.txn_id} is not a valid standard transaction: ${parsed.success ? '' : parsed.error.message}`);
  }
}

/**
 * Every deliberately invalid row surfaces as an `invalid` message with its raw payload and an
 * InvalidDataError, and does not stop the read: nothing is silently dropped.
 */
export async function checkInvalidRecords<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const transcript = await readAll(fixture.connector, { ...fixture.readOptions });
  ensure(!transcript.failed, 'invalid-records', () => `the read threw (${describeThrown(transcript.error)}); an invalid row must become an 'invalid' message, not stop the batch`);
  const expected = fixture.invalidCount ?? 0;
  ensure(transcript.invalid.length === expected, 'invalid-records', `expected ${expected} invalid messages, got ${transcript.invalid.length}`);
  for (const [i, message] of transcript.invalid.entries()) {
    ensure(message.raw !== undefined && message.raw !== null, 'invalid-records', `invalid message #${i} carries no raw payload`);
    ensure(isReconError(message.error) && message.error.kind === 'invalid_data', 'invalid-records', () => `invalid message #${i} carries ${describeThrown(message.error)}, not an InvalidDataError`);
    ensure(Array.isArray(message.error.issues) && message.error.issues.length > 0, 'invalid-records', `invalid message #${i} lists no validation issue`);
  }
}

/** Shared by the full-read, fault and resume checks: no failure, the expected ids, the expected invalid count. */
export function assertCompleteRead<C extends Cursor>(fixture: ConformanceFixture<C>, transcript: ReadTranscript<C>, check: string, what: string): void {
  ensure(!transcript.failed, check, () => `${what} threw: ${describeThrown(transcript.error)}`);
  const difference = describeIdDifference(transcript.ids, fixture.expected.ids);
  ensure(difference === undefined, check, () => `${what}: ${difference}`);
  const invalid = fixture.invalidCount ?? 0;
  ensure(transcript.invalid.length === invalid, check, `${what} yielded ${transcript.invalid.length} invalid messages, expected ${invalid}`);
}
