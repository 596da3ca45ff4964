/**
 * Human-readable reports of a reconciliation result: one self-contained HTML page with charts and
 * a searchable table of breaks.
 * @packageDocumentation
 */
export { renderHtmlReport, type HtmlReportOptions } from './render-html-report';
export { breakRows, type BreakRow } from './break-rows';
export { linkTotals, type LinkTotals, type SourceTotals } from './source-totals';
