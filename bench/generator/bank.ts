import { deriveTxnId, money, type StandardTransaction } from '@recon/core';
import { DAY } from './clock';
import type { GenContext } from './context';
import { bankRecord } from './records';
import type { Batch } from './settlement';
import { ACCOUNTS, SOURCES } from './sources';
import { Label } from './truth';
import { settlementNarration, unrelatedNarration, type UtrPresence } from './utr';

/** Output of {@link generateBank}. */
export interface BankPhase {
  lines: StandardTransaction[];
  /** Batch each line credits, −1 for unrelated lines. */
  lineBatch: number[];
  lineLabel: number[];
  /** Position of each batch's (first) bank credit. */
  batchLine: Int32Array;
  /** Statement-overlap copies. */
  duplicates: Set<object>;
}

interface Pending {
  record: StandardTransaction;
  batch: number;
  label: number;
}

function bankLine(ctx: GenContext, p: { day: number; second: number; minor: bigint; credit: boolean; narration: string; rail: 'NEFT' | 'RTGS' | 'IMPS' | 'UPI' }): StandardTransaction {
  const valueDate = ctx.clock.date(p.day);
  // Bank statements carry no stable line id: derive one from the line's content, as a bank connector does.
  const txnId = deriveTxnId({
    source: SOURCES.bank,
    prefix: 'bank',
    parts: { account_id: ACCOUNTS.bank, date: valueDate, direction: p.credit ? 'CREDIT' : 'DEBIT', amount: money(p.minor, 'INR'), description: p.narration },
  });
  return bankRecord({ txnId, amount: ctx.amountText(p.minor), credit: p.credit, timestamp: ctx.clock.timestamp(p.second), valueDate, channel: p.rail, narration: p.narration });
}

/**
 * Phase 3: one bank credit per batch (value date sometimes a day late; the UTR in one of several
 * narration templates, sometimes truncated or absent), unrelated lines, and statement overlaps.
 * Lines come out in statement order (by timestamp).
 */
export function generateBank(ctx: GenContext, batches: readonly Batch[]): BankPhase {
  const rng = ctx.rng.bank;
  const noise = ctx.options.noise;
  const pending: Pending[] = [];
  const duplicates = new Set<object>();
  const push = (record: StandardTransaction, batch: number, label: number): void => {
    pending.push({ record, batch, label });
    if (!rng.chance(noise.bankDuplicate)) return;
    // The same line delivered again by an overlapping statement download: equal content, same id.
    const copy = { ...record, references: { ...record.references } };
    duplicates.add(copy);
    pending.push({ record: copy, batch, label: Label.DUPLICATE });
  };

  batches.forEach((batch, index) => {
    const day = batch.settleDay + (rng.chance(noise.valueDateLag) ? 1 : 0);
    const draw = rng.next();
    const presence: UtrPresence = draw < noise.utrTruncated ? 'truncated' : draw < noise.utrTruncated + noise.utrAbsent ? 'absent' : 'full';
    const narration = settlementNarration(rng, batch.utr, presence);
    push(bankLine(ctx, { day, second: day * DAY + rng.int(9 * 3_600, 18 * 3_600), minor: batch.net, credit: true, narration, rail: batch.utr.rail }), index, Label.MATCHED);

    if (!rng.chance(noise.unrelatedBankLines)) return;
    const credit = rng.chance(0.5);
    const other = batch.settleDay;
    const minor = BigInt(rng.int(1_000, 1_000_000)) * 100n + BigInt(rng.int(0, 99));
    const date = ctx.clock.date(other);
    const unrelated = unrelatedNarration(rng, credit, date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
    const rail = unrelated.startsWith('UPI') ? 'UPI' : unrelated.startsWith('IMPS') ? 'IMPS' : 'NEFT';
    push(bankLine(ctx, { day: other, second: other * DAY + rng.int(9 * 3_600, 18 * 3_600), minor, credit, narration: unrelated, rail }), -1, Label.UNMATCHED);
  });

  // Statement order; the sort is stable, so equal timestamps keep generation order.
  pending.sort((a, b) => (a.record.timestamp < b.record.timestamp ? -1 : a.record.timestamp > b.record.timestamp ? 1 : 0));
  const batchLine = new Int32Array(batches.length).fill(-1);
  const out: BankPhase = { lines: [], lineBatch: [], lineLabel: [], batchLine, duplicates };
  for (const p of pending) {
    if (p.batch >= 0 && batchLine[p.batch] === -1) batchLine[p.batch] = out.lines.length;
    out.lines.push(p.record);
    out.lineBatch.push(p.batch);
    out.lineLabel.push(p.label);
  }
  return out;
}
