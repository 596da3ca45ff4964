import { formatMoney } from '../money/format';
import type { OutcomeKind, ReconResult } from '../match/types';
import { renderLinkChart } from './bar-chart';
import { breakRows, type BreakRow } from './break-rows';
import { escapeHtml } from './escape-html';
import { REPORT_CSS, REPORT_SCRIPT } from './report-assets';
import { currenciesOf, grossOf, linkTotals } from './source-totals';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Page title and heading (default `Reconciliation report`). */
  title?: string;
  /** Lines under the heading, e.g. the business day and the sources read. */
  subtitle?: readonly string[];
  /** When the report was made, shown as given (the caller decides the clock, so output stays reproducible). */
  generatedAt?: string;
  /** Currency of the charts (default: the first currency of the result, else INR). */
  currency?: string;
}

const KINDS: readonly OutcomeKind[] = ['matched', 'mismatched', 'unmatched', 'duplicate', 'suggested'];

function summaryTable(result: ReconResult, currency: string): string {
  const head = `<tr><th>link</th>${KINDS.map((k) => `<th class="num">${k}</th>`).join('')}</tr>`;
  const rows = result.links.map((link) => {
    const s = result.summary.links[link.name];
    const cells = KINDS.map((k) => {
      const tally = s?.outcomes[k];
      const amount = formatMoney({ minor: grossOf(tally, currency), currency }, { symbol: true });
      return `<td class="num" data-kind="${k}">${tally?.count ?? 0}<br><small>${escapeHtml(amount)}</small></td>`;
    });
    return `<tr><td>${escapeHtml(`${link.name} (${link.left} ↔ ${link.right})`)}</td>${cells.join('')}</tr>`;
  });
  return `<table id="summary"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function breakRow(row: BreakRow): string {
  const records = row.records
    .map((r) => `<div><code>${escapeHtml(r.key)}</code> ${escapeHtml(r.amount)} <small>${escapeHtml(r.date)}</small>${r.description ? `<div class="desc">${escapeHtml(r.description)}</div>` : ''}</div>`)
    .join('');
  const evidence = row.evidence.map((e) => `<div>${escapeHtml(e)}</div>`).join('');
  return (
    `<tr data-outcome="${escapeHtml(row.id)}" data-kind="${row.kind}">` +
    `<td>${escapeHtml(row.link)}</td><td><span class="kind kind-${row.kind}">${row.kind}</span><br><small>${escapeHtml(row.side)}</small></td>` +
    `<td class="records">${records}</td><td>${escapeHtml(row.why)}</td><td class="evidence">${evidence}</td></tr>`
  );
}

/**
 * One self-contained HTML page for a reconciliation result: a summary table, one inline SVG bar
 * chart per link (matched, mismatched and unmatched gross amounts per source), and a searchable
 * table of every break (mismatched, unmatched, duplicate, suggested) with its records and
 * evidence. No network: CSS and the search script are inline and a Content-Security-Policy
 * forbids every external load. Every value from the data is HTML-escaped. Same result and
 * options, same bytes.
 */
export function renderHtmlReport(result: ReconResult, options: HtmlReportOptions = {}): string {
  const currency = options.currency ?? currenciesOf(result)[0] ?? 'INR';
  const title = options.title ?? 'Reconciliation report';
  const rows = breakRows(result);
  const charts = linkTotals(result, currency)
    .map((t) => `<figure><h3>${escapeHtml(`${t.link}: ${t.left} ↔ ${t.right}`)}</h3>${renderLinkChart(t)}</figure>`)
    .join('');
  const legend = '<p class="legend"><span><i class="bar-matched" style="background:var(--ok)"></i>matched</span><span><i style="background:var(--warn)"></i>mismatched</span><span><i style="background:var(--bad)"></i>unmatched</span> (gross amounts per source, count of records in brackets)</p>';
  const subtitle = [...(options.subtitle ?? []), ...(options.generatedAt ? [`Generated ${options.generatedAt}`] : [])].map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  const rejected = result.rejected.length
    ? `<p>${result.rejected.length} record(s) rejected before matching: ${result.rejected.map((r) => escapeHtml(`${r.record.source}:${r.record.txn_id} (${r.error.message})`)).join('; ')}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${subtitle}</header>
<main>
<section><h2>Summary</h2><p>${result.summary.records} records, ${result.summary.rejected} rejected, ${result.summary.unassigned} on no side. Outcomes per link (count and gross amount):</p>${summaryTable(result, currency)}${rejected}</section>
<section id="charts"><h2>Amounts per source</h2>${legend}${charts}</section>
<section><h2>Breaks</h2>
<p><input id="break-search" type="search" placeholder="Search breaks: id, UTR, amount, reason…" aria-label="Search breaks" autocomplete="off"><span id="break-count">${rows.length} of ${rows.length} shown</span></p>
<table id="breaks"><thead><tr><th>link</th><th>outcome</th><th>records</th><th>why</th><th>evidence</th></tr></thead>
<tbody>${rows.map(breakRow).join('\n')}</tbody></table>
</section>
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
