import { formatMoney } from '../money/format';
import { escapeHtml } from './escape-html';
import type { LinkTotals } from './source-totals';

/** The bars of a source, in drawing order, with the class that colours them. */
const SERIES = [
  { key: 'matched', label: 'matched', className: 'bar-matched' },
  { key: 'mismatched', label: 'mismatched', className: 'bar-mismatched' },
  { key: 'unmatched', label: 'unmatched', className: 'bar-unmatched' },
] as const;

const WIDTH = 640;
const LABEL = 150;
const VALUE = 170;
const BAR = 14;
const GAP = 4;
const GROUP_GAP = 14;

/**
 * Bar length in whole pixels for `amount` out of `max`: an integer ratio of bigints, so no money
 * ever goes through a float. A non-zero amount gets at least 2 px, so it stays visible.
 */
export function barLength(amount: bigint, max: bigint, full: number): number {
  if (amount <= 0n || max <= 0n) return 0;
  const px = Number((amount * BigInt(full)) / max);
  return Math.max(2, px);
}

/**
 * One inline SVG horizontal bar chart of a link: per source, the gross amounts matched,
 * mismatched and unmatched, each bar titled with its exact amount and record count. Sizes are in
 * the SVG's own units (`viewBox`), so it scales with the page.
 */
export function renderLinkChart(totals: LinkTotals): string {
  const area = WIDTH - LABEL - VALUE;
  let max = 0n;
  for (const s of totals.sources) for (const { key } of SERIES) if (s[key] > max) max = s[key];
  const groupHeight = SERIES.length * (BAR + GAP) - GAP;
  const height = Math.max(1, totals.sources.length) * (groupHeight + GROUP_GAP) + GROUP_GAP;
  const parts: string[] = [];
  totals.sources.forEach((s, i) => {
    const top = GROUP_GAP + i * (groupHeight + GROUP_GAP);
    parts.push(`<text class="chart-source" x="0" y="${top + groupHeight / 2 + 4}">${escapeHtml(s.source)}</text>`);
    SERIES.forEach(({ key, label, className }, j) => {
      const y = top + j * (BAR + GAP);
      const amount = formatMoney({ minor: s[key], currency: totals.currency }, { symbol: true });
      const count = s.counts[key];
      const title = `${s.source} ${label}: ${amount} in ${count} record${count === 1 ? '' : 's'}`;
      const w = barLength(s[key], max, area);
      parts.push(
        `<g class="bar" data-kind="${label}"><title>${escapeHtml(title)}</title>` +
          `<rect class="${className}" x="${LABEL}" y="${y}" width="${w}" height="${BAR}" rx="2"></rect>` +
          `<text class="chart-value" x="${LABEL + w + 6}" y="${y + BAR - 3}">${escapeHtml(`${amount} (${count})`)}</text></g>`,
      );
    });
  });
  if (totals.sources.length === 0) parts.push(`<text class="chart-value" x="0" y="${GROUP_GAP}">no records</text>`);
  const name = `${totals.link}: ${totals.left} ↔ ${totals.right}`;
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(name)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `${parts.join('')}</svg>`
  );
}
