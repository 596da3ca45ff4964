import { deriveTxnId, money, toDecimalString } from '@recon/core';
import { createRng } from '@recon/core/testing';
import { HDFC_SOURCE } from '../constants';
import { addDays } from '../mapping/dates';
import { hdfcNarration, type Narration } from './narrations';

/** How a deliberately invalid line is broken when rendered. */
export type Breakage = 'amount' | 'date' | 'direction';

/** One statement line as the sandbox knows it: the truth, before any rendering. */
export interface HdfcStatementLine {
  /** The bank's line id (AA `txnId`), e.g. `S812345670`. */
  bankTxnId: string;
  /** Posting day (IST) and time. */
  date: string;
  time: string;
  valueDate: string;
  direction: 'CREDIT' | 'DEBIT';
  /** Paise. */
  amountMinor: bigint;
  /** Balance after the line, paise. */
  balanceMinor: bigint;
  narration: Narration;
  /** AA `mode`: UPI rows often say `OTHERS` in real AA data (§6), and so do some here. */
  mode: 'UPI' | 'FT' | 'ATM' | 'OTHERS';
  /** Set on deliberately invalid lines. */
  broken?: Breakage;
  /** The `txn_id` the connector must derive for a valid line. */
  expectedTxnId?: string;
}

/** A seeded statement. */
export interface HdfcDataset {
  accountNumber: string;
  lines: HdfcStatementLine[];
  /** First posting day. */
  firstDate: string;
  /** Day after the last posting day (exclusive end, as read options take it). */
  endDate: string;
  /** Expected `txn_id`s of the valid lines, in statement order. */
  validIds: string[];
  invalidCount: number;
}

/** Options of {@link createHdfcDataset}. */
export interface HdfcDatasetOptions {
  seed?: number | string;
  /** Number of lines (default 61: several pages, and a last page of one row at page size 10). */
  count?: number;
  /** Days the lines spread over (default 12). */
  days?: number;
  /** First day (default 2026-01-05). */
  startDate?: string;
  /** Make every n-th line deliberately invalid (default: none). */
  invalidEvery?: number;
}

const BREAKAGES: readonly Breakage[] = ['amount', 'date', 'direction'];

/**
 * A deterministic HDFC current-account statement: NEFT, RTGS, IMPS and UPI credits and debits with
 * UTRs and RRNs in their real layouts, ATM withdrawals and charges, a running balance, value dates
 * that sometimes trail the posting day, and optionally broken lines. Expected ids are derived from
 * the truth (not from any rendering), so a connector that misreads a field gets different ids.
 */
export function createHdfcDataset(options: HdfcDatasetOptions = {}): HdfcDataset {
  const rng = createRng(`hdfc-dataset:${options.seed ?? 1}`);
  const count = options.count ?? 61;
  const days = options.days ?? 12;
  const firstDate = options.startDate ?? '2026-01-05';
  const accountNumber = `5020${rng.digits(10)}`;
  let balance = 25_00_000_00n + BigInt(rng.int(0, 9_99_999)) * 100n;
  const slots = Array.from({ length: count }, () => ({ day: rng.int(0, days - 1), seconds: rng.int(9 * 3600, 20 * 3600) })).sort((a, b) => a.day - b.day || a.seconds - b.seconds);
  let broken = 0;
  const lines: HdfcStatementLine[] = slots.map((slot, i) => {
    const date = addDays(firstDate, slot.day);
    const hour = Math.floor(slot.seconds / 3600);
    const time = [hour, Math.floor((slot.seconds % 3600) / 60), slot.seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
    const direction = rng.chance(0.55) ? 'CREDIT' : 'DEBIT';
    const narration = hdfcNarration(direction, date, hour, rng);
    const rupees = narration.rail === 'RTGS' ? rng.int(2_00_000, 45_00_000) : narration.rail === 'FEE' ? rng.int(2, 30) : rng.int(50, 1_80_000);
    const amountMinor = BigInt(rupees) * 100n + BigInt(rng.pick([0, 0, 50, rng.int(1, 99)]));
    balance += direction === 'CREDIT' ? amountMinor : -amountMinor;
    const mode = narration.rail === 'UPI' ? (rng.chance(0.5) ? 'UPI' : 'OTHERS') : narration.rail === 'ATM' ? 'ATM' : narration.rail === 'FEE' ? 'OTHERS' : 'FT';
    const line: HdfcStatementLine = {
      bankTxnId: `S${String(81_000_000 + i * 37 + rng.int(0, 30)).padStart(9, '0')}`,
      date,
      time,
      valueDate: rng.chance(0.15) ? addDays(date, 1) : date,
      direction,
      amountMinor,
      balanceMinor: balance,
      narration,
      mode,
    };
    if (options.invalidEvery !== undefined && (i + 1) % options.invalidEvery === 0) line.broken = BREAKAGES[broken++ % BREAKAGES.length] as Breakage;
    else line.expectedTxnId = expectedTxnId(accountNumber, line);
    return line;
  });
  return {
    accountNumber,
    lines,
    firstDate,
    endDate: addDays(firstDate, days),
    validIds: lines.flatMap((l) => (l.expectedTxnId === undefined ? [] : [l.expectedTxnId])),
    invalidCount: lines.filter((l) => l.broken !== undefined).length,
  };
}

/** The id rule the connector documents: account, value date, direction, amount, the bank's line id, the narration. */
function expectedTxnId(accountNumber: string, line: HdfcStatementLine): string {
  return deriveTxnId({
    source: HDFC_SOURCE,
    prefix: HDFC_SOURCE,
    parts: { account_id: accountNumber, date: line.valueDate, direction: line.direction, amount: money(line.amountMinor, 'INR'), reference: line.bankTxnId, description: line.narration.text },
  });
}

/** Paise as the plain decimal the sandbox writes (`"1234.50"`, `"-20.00"`). */
export function rupees(minor: bigint): string {
  return toDecimalString(money(minor, 'INR'));
}
