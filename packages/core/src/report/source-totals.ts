import { fromDecimalString } from '../money/wire';
import type { ReconResult, Tally } from '../match/types';

/** The three amounts a chart shows for one source of one link, in minor units. */
export interface SourceTotals {
  source: string;
  matched: bigint;
  mismatched: bigint;
  unmatched: bigint;
  /** Records of the source in each outcome kind. */
  counts: { matched: number; mismatched: number; unmatched: number };
}

/** The totals of one link, sources in name order. */
export interface LinkTotals {
  link: string;
  left: string;
  right: string;
  currency: string;
  sources: SourceTotals[];
}

/** Gross money a tally moved (credits + debits) in `currency`; 0 when it has none. */
export function grossOf(tally: Tally | undefined, currency: string): bigint {
  const amounts = tally?.amounts[currency];
  if (!amounts) return 0n;
  return fromDecimalString(amounts.credit, currency).minor + fromDecimalString(amounts.debit, currency).minor;
}

/** The currencies present in a result's summary, in name order. */
export function currenciesOf(result: ReconResult): string[] {
  const found = new Set<string>();
  for (const link of Object.values(result.summary.links)) {
    for (const kinds of Object.values(link.bySource)) for (const tally of Object.values(kinds)) for (const c of Object.keys(tally.amounts)) found.add(c);
  }
  return [...found].sort();
}

/**
 * Matched, mismatched and unmatched gross amounts per source of every link, from the summary
 * (exact decimal strings summed as bigint minor units).
 */
export function linkTotals(result: ReconResult, currency: string): LinkTotals[] {
  return result.links.map((link) => {
    const summary = result.summary.links[link.name];
    const bySource = summary?.bySource ?? {};
    const sources = Object.keys(bySource)
      .sort()
      .map((source): SourceTotals => {
        const kinds = bySource[source];
        return {
          source,
          matched: grossOf(kinds?.matched, currency),
          mismatched: grossOf(kinds?.mismatched, currency),
          unmatched: grossOf(kinds?.unmatched, currency),
          counts: { matched: kinds?.matched.records ?? 0, mismatched: kinds?.mismatched.records ?? 0, unmatched: kinds?.unmatched.records ?? 0 },
        };
      });
    return { link: link.name, left: link.left, right: link.right, currency, sources };
  });
}
