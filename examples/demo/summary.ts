import { breakRows, formatMoney, fromDecimalString, type BreakRow, type OutcomeKind, type ReconResult, type Tally } from '@recon/core';

const KINDS: readonly OutcomeKind[] = ['matched', 'mismatched', 'unmatched', 'duplicate', 'suggested'];

/** Gross amount of a tally (credits + debits) in INR, formatted `₹1,23,456.78`. */
function gross(tally: Tally | undefined): string {
  const a = tally?.amounts['INR'];
  const minor = a ? fromDecimalString(a.credit, 'INR').minor + fromDecimalString(a.debit, 'INR').minor : 0n;
  return formatMoney({ minor, currency: 'INR' }, { grouping: 'indian', symbol: true });
}

/**
 * The console summary: per link, records and gross amounts per outcome and per source, then
 * every break in one line.
 */
export function summaryLines(result: ReconResult): string[] {
  const lines: string[] = [];
  for (const link of result.links) {
    const s = result.summary.links[link.name];
    if (!s) continue;
    lines.push(`  ${link.name} (${link.left} ↔ ${link.right}): ${s.records.left} + ${s.records.right} records`);
    const kinds = KINDS.filter((k) => s.outcomes[k].records > 0);
    lines.push(`    ${'outcome'.padEnd(12)}${kinds.map((k) => k.padStart(26)).join('')}`);
    lines.push(`    ${'all sources'.padEnd(12)}${kinds.map((k) => `${s.outcomes[k].records} · ${gross(s.outcomes[k])}`.padStart(26)).join('')}`);
    for (const [source, tallies] of Object.entries(s.bySource).sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`    ${source.padEnd(12)}${kinds.map((k) => (tallies[k].records ? `${tallies[k].records} · ${gross(tallies[k])}` : '–').padStart(26)).join('')}`);
    }
  }
  const breaks = breakRows(result);
  lines.push('');
  lines.push(`Breaks (${breaks.length} outcomes; the table in report.html has them all with their evidence):`);
  for (const group of groupBreaks(breaks)) {
    const first = group[0]!;
    const keys = group.flatMap((b) => b.records.map((r) => r.key));
    const records = keys.length > 2 ? `${keys[0]} and ${keys.length - 1} more` : keys.join(' ↔ ');
    lines.push(`  ${first.kind.padEnd(10)} ${first.link.padEnd(19)} ${records}: ${first.why}`);
  }
  return lines;
}

/** `razorpay:setl_X:pay_Y` → `razorpay:setl_X`: the settlement a recon row belongs to. */
const parentOf = (key: string) => key.split(':').slice(0, 2).join(':');

/**
 * Consecutive breaks of one link, kind and reason whose first records share a parent (the rows of
 * one settlement, left unmatched one by one) print as one line.
 */
function groupBreaks(breaks: readonly BreakRow[]): BreakRow[][] {
  const groups: BreakRow[][] = [];
  for (const b of breaks) {
    const last = groups.at(-1)?.[0];
    const same = last && last.link === b.link && last.kind === b.kind && last.why === b.why && last.records.length === 1 && b.records.length === 1 && parentOf(last.records[0]!.key) === parentOf(b.records[0]!.key);
    if (same) groups.at(-1)!.push(b);
    else groups.push([b]);
  }
  return groups;
}
