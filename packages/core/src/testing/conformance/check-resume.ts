import type { Cursor } from '../../connector';
import { ensure } from './conformance-error';
import { compareIds, duplicatesOf } from './id-sets';
import { prepare } from './prepare';
import { describeThrown, readAll } from './read-all';
import type { ConformanceFixture } from './types';

/**
 * Resume from every checkpoint a full read emits. For checkpoint k, the ids yielded before it plus
 * the ids of a read resumed from it must be exactly the expected ids, with no id in both halves:
 * no gap, no duplicate. The cursor goes through JSON first, as a real cursor store would do.
 */
export async function checkResumeFromEveryCursor<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const first = await readAll(fixture.connector, { ...fixture.readOptions });
  ensure(!first.failed, 'resume', () => `the initial full read threw: ${describeThrown(first.error)}`);
  ensure(first.checkpoints.length > 0, 'resume', 'the read yielded no state message to resume from');
  const expected = fixture.expected.ids;
  const expectedInvalid = fixture.invalidCount ?? 0;

  for (const [k, checkpoint] of first.checkpoints.entries()) {
    const before = first.ids.slice(0, checkpoint.recordsBefore);
    const cursor = JSON.parse(JSON.stringify(checkpoint.cursor)) as C;
    const resumed = await readAll(fixture.connector, { ...fixture.readOptions, cursor });
    const at = `resuming from checkpoint #${k} of ${first.checkpoints.length} (after ${before.length} records)`;
    ensure(!resumed.failed, 'resume', () => `${at} threw: ${describeThrown(resumed.error)}`);

    const after = resumed.ids;
    const repeatedInsideResume = duplicatesOf(after);
    ensure(repeatedInsideResume.length === 0, 'resume', `${at}: the resumed read yielded ${repeatedInsideResume.length} ids twice (${repeatedInsideResume.slice(0, 5).join(', ')})`);
    const beforeSet = new Set(before);
    const overlap = after.filter((id) => beforeSet.has(id));
    ensure(overlap.length === 0, 'resume', `${at}: ${overlap.length} records were yielded again (duplicates: ${overlap.slice(0, 5).join(', ')})`);
    const { missing, unexpected } = compareIds([...before, ...after], expected);
    ensure(missing.length === 0, 'resume', `${at}: ${missing.length} records were never yielded (gap: ${missing.slice(0, 5).join(', ')})`);
    ensure(unexpected.length === 0, 'resume', `${at}: ${unexpected.length} unexpected records (${unexpected.slice(0, 5).join(', ')})`);
    const invalidTotal = checkpoint.invalidBefore + resumed.invalid.length;
    ensure(invalidTotal === expectedInvalid, 'resume', `${at}: invalid messages before + after = ${invalidTotal}, expected ${expectedInvalid}`);
  }
}
