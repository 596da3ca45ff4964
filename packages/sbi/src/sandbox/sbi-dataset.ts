import { deriveTxnId, money } from '@recon/core';
import { createRng } from '@recon/core/testing';
import { SBI_SOURCE } from '../constants';
import { addDays } from '../mapping/dates';
import { sbiNarration, type SbiNarration } from './narrations';

/** How a deliberately invalid line is broken when rendered. */
export type SbiBreakage = 'amount' | 'date' | 'zero';

/** One statement line as the sandbox knows it. */
export interface SbiStatementLine {
  date: string;
  direction: 'CREDIT' | 'DEBIT';
  amountMinor: bigint;
  narration: SbiNarration;
  /** `STATEMENT` column: `TRANSFER FROM <account>` / `TRANSFER TO <account>`, as SBI exports show. */
  statement: string;
  /** 1-based position of the line within its day. */
  recordNumber: string;
  /** Credits sometimes carry no `+` at all. */
  unsignedCredit: boolean;
  broken?: SbiBreakage;
  expectedTxnId?: string;
}

/** A seeded SBI statement. */
export interface SbiDataset {
  accountNumber: string;
  lines: SbiStatementLine[];
  firstDate: string;
  /** Day after the last day (exclusive end). */
  endDate: string;
  validIds: string[];
  invalidCount: number;
}

/** Options of {@link createSbiDataset}. */
export interface SbiDatasetOptions {
  seed?: number | string;
  /** Lines (default 57). */
  count?: number;
  /** Days covered (default 10). */
  days?: number;
  /** First day (default 2026-02-02). */
  startDate?: string;
  /** Make every n-th line deliberately invalid. */
  invalidEvery?: number;
}

const BREAKAGES: readonly SbiBreakage[] = ['amount', 'date', 'zero'];

/**
 * A deterministic SBI current-account statement with NEFT, RTGS, IMPS and UPI lines (UTRs and RRNs
 * in their real layouts), ATM withdrawals and charges, and a byte-identical twin of the 7th line
 * on the same day, told apart only by its record number. Expected ids come from the truth.
 */
export function createSbiDataset(options: SbiDatasetOptions = {}): SbiDataset {
  const rng = createRng(`sbi-dataset:${options.seed ?? 1}`);
  const count = options.count ?? 57;
  const days = options.days ?? 10;
  const firstDate = options.startDate ?? '2026-02-02';
  const accountNumber = `000000${rng.int(3, 4)}${rng.digits(10)}`;
  const slots = Array.from({ length: count }, () => rng.int(0, days - 1)).sort((a, b) => a - b);
  // The 8th line always shares the 7th line's day, so the twin below always exists.
  if (slots.length > 7) slots[7] = slots[6] as number;
  const perDay = new Map<string, number>();
  const lines: SbiStatementLine[] = [];
  for (const [i, dayOffset] of slots.entries()) {
    const date = addDays(firstDate, dayOffset);
    const recordNumber = String((perDay.get(date) ?? 0) + 1);
    perDay.set(date, Number(recordNumber));
    const previous = lines.at(-1);
    let line: SbiStatementLine;
    if (i === 7 && previous) {
      // A byte-identical twin of the line before it: only RECORD_NUMBER tells them apart.
      line = { date, direction: previous.direction, amountMinor: previous.amountMinor, narration: previous.narration, statement: previous.statement, recordNumber, unsignedCredit: previous.unsignedCredit };
    } else {
      const direction = rng.chance(0.55) ? 'CREDIT' : 'DEBIT';
      const narration = sbiNarration(direction, date, rng.int(9, 20), rng);
      const rupees = narration.rail === 'RTGS' ? rng.int(2_00_000, 40_00_000) : narration.rail === 'FEE' ? 5 : rng.int(100, 1_50_000);
      line = {
        date,
        direction,
        amountMinor: BigInt(rupees) * 100n + (narration.rail === 'FEE' ? 90n : BigInt(rng.pick([0, 0, 50, rng.int(1, 99)]))),
        narration,
        statement: narration.rail === 'FEE' || narration.rail === 'ATM' ? '' : `TRANSFER ${direction === 'CREDIT' ? 'FROM' : 'TO'} ${rng.digits(13)}`,
        recordNumber,
        unsignedCredit: direction === 'CREDIT' && rng.chance(0.3),
      };
    }
    if (options.invalidEvery !== undefined && (i + 1) % options.invalidEvery === 0) line.broken = BREAKAGES[lines.filter((l) => l.broken !== undefined).length % BREAKAGES.length] as SbiBreakage;
    else
      line.expectedTxnId = deriveTxnId({
        source: SBI_SOURCE,
        prefix: SBI_SOURCE,
        parts: { account_id: accountNumber, date, direction: line.direction, amount: money(line.amountMinor, 'INR'), reference: line.statement || undefined, description: line.narration.text, extra: [recordNumber] },
      });
    lines.push(line);
  }
  return {
    accountNumber,
    lines,
    firstDate,
    endDate: addDays(firstDate, days),
    validIds: lines.flatMap((l) => (l.expectedTxnId === undefined ? [] : [l.expectedTxnId])),
    invalidCount: lines.filter((l) => l.broken !== undefined).length,
  };
}
