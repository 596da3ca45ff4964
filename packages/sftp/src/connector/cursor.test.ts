import { describe, expect, it } from 'vitest';
import { openLedger, type EntryDraft, type Ledger } from '../ledger/ledger';
import { createMemoryLedgerStore } from '../ledger/memory-ledger-store';
import { cursorAt, parseCursor, planResume } from './cursor';

const draft = (name: string): EntryDraft => ({
  name,
  size: 10,
  mtimeMs: 1_717_200_000_000,
  sha256: 'c'.repeat(64),
  outcome: 'processed',
  records: 1,
  invalid: 0,
  at: '2024-06-01T00:00:00.000Z',
  disposition: { action: 'archive', done: false, location: `/outbox/${name}` },
});

async function ledgerOf(names: string[]): Promise<Ledger> {
  const ledger = await openLedger(createMemoryLedgerStore());
  for (const name of names) await ledger.append(ledger.seal(draft(name)));
  return ledger;
}

/** The cursor after the last of `names`, made by a ledger holding all of them. */
async function cursorAfter(names: string[]) {
  const json = JSON.stringify(cursorAt((await ledgerOf(names)).head()));
  return JSON.parse(json) as unknown;
}

describe('planResume', () => {
  it('without a cursor trusts the ledger; at the head there is nothing to do', async () => {
    const ledger = await ledgerOf(['a', 'b']);
    expect(planResume(ledger, undefined)).toEqual({ replay: [] });
    expect(planResume(ledger, await cursorAfter(['a', 'b']))).toEqual({ replay: [] });
    expect(planResume(await ledgerOf([]), cursorAt(undefined))).toEqual({ replay: [] });
  });

  it('behind the ledger: replays what the sink lacks, in order', async () => {
    const ledger = await ledgerOf(['a', 'b', 'c']);
    expect(planResume(ledger, await cursorAfter(['a'])).replay.map((e) => e.name)).toEqual(['b', 'c']);
    expect(planResume(ledger, cursorAt(undefined)).replay.map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('one file ahead: rolls the ledger forward from the cursor (the sink has it, the ledger missed it)', async () => {
    const ledger = await ledgerOf(['a']);
    const plan = planResume(ledger, await cursorAfter(['a', 'b']));
    expect(plan.replay).toEqual([]);
    expect(plan.rollForward).toMatchObject({ seq: 2, name: 'b', disposition: { action: 'archive', done: false, location: '/outbox/b' } });
    await ledger.append(plan.rollForward!);
    expect(ledger.length).toBe(2);
  });

  it('refuses a cursor of another ledger, and a ledger that lost entries', async () => {
    const ledger = await ledgerOf(['a', 'x']);
    await expect(async () => planResume(ledger, await cursorAfter(['a', 'b']))).rejects.toMatchObject({ code: 'SFTP_CURSOR_MISMATCH', kind: 'config' });
    await expect(async () => planResume(await ledgerOf(['a']), await cursorAfter(['a', 'b', 'c']))).rejects.toMatchObject({ code: 'SFTP_LEDGER_BEHIND_CURSOR' });
    // One ahead, but not a continuation of this ledger.
    await expect(async () => planResume(await ledgerOf(['z']), await cursorAfter(['a', 'b']))).rejects.toMatchObject({ code: 'SFTP_LEDGER_BEHIND_CURSOR' });
  });

  it('checks a stored cursor before trusting it', () => {
    expect(() => parseCursor({ v: 2, seq: 0 })).toThrow(expect.objectContaining({ code: 'SFTP_CURSOR_INVALID' }));
    expect(() => parseCursor('seq=3')).toThrow(expect.objectContaining({ code: 'SFTP_CURSOR_INVALID' }));
    expect(parseCursor(cursorAt(undefined))).toEqual({ v: 1, seq: 0, chain: '0'.repeat(64), file: null });
  });
});
