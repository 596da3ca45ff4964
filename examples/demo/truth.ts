/**
 * The demo's ground truth, in the shape of the report: records and gross paise per link, source
 * and outcome kind, from the scenario on one hand and from a written report.json on the other.
 * The tests compare the two; neither side is a number typed by hand.
 */
import { fromDecimalString } from '@recon/core';
import type { ExpectedOutcome } from './scenario';

/** The parts of report.json (recon.outcomes/v1) the checks read. */
export interface ReportJson {
  summary: { links: Record<string, { bySource: Record<string, Record<string, { records: number; amounts: Record<string, { credit: string; debit: string }> }>> }> };
  outcomes: { link: string; kind: string; left: { source: string; txn_id: string }[]; right: { source: string; txn_id: string }[] }[];
}

/** `"1234.50"` → paise, exactly. */
const paise = (decimal: string) => fromDecimalString(decimal, 'INR').minor;

/** Records and gross paise per link, source and outcome kind, from the scenario's truth. */
export function expectedTallies(expected: readonly ExpectedOutcome[]): Map<string, { records: number; gross: bigint }> {
  const out = new Map<string, { records: number; gross: bigint }>();
  for (const e of expected) {
    const key = `${e.link} ${e.source} ${e.kind}`;
    const t = out.get(key) ?? { records: 0, gross: 0n };
    out.set(key, { records: t.records + 1, gross: t.gross + e.amountMinor });
  }
  return out;
}

/** The same from a report's summary (tallies with no record left out). */
export function reportedTallies(report: ReportJson): Map<string, { records: number; gross: bigint }> {
  const out = new Map<string, { records: number; gross: bigint }>();
  for (const [link, summary] of Object.entries(report.summary.links)) {
    for (const [source, kinds] of Object.entries(summary.bySource)) {
      for (const [kind, tally] of Object.entries(kinds)) {
        if (tally.records === 0) continue;
        const inr = tally.amounts['INR'] ?? { credit: '0.00', debit: '0.00' };
        out.set(`${link} ${source} ${kind}`, { records: tally.records, gross: paise(inr.credit) + paise(inr.debit) });
      }
    }
  }
  return out;
}

