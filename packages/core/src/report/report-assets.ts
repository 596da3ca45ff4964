/** The page's stylesheet, inlined: the report must open from a file with no network. */
export const REPORT_CSS = `
:root { color-scheme: light; --ok: #2e7d32; --warn: #d98c00; --bad: #c62828; --ink: #1d2330; --muted: #5b6475; --line: #dde2ea; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header h1 { margin: 8px 0 2px; font-size: 22px; }
header p { margin: 2px 0; color: var(--muted); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
h2 { font-size: 17px; margin: 0 0 10px; }
h3 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart { max-width: 100%; height: auto; display: block; }
.chart text { font-size: 12px; fill: var(--ink); }
.chart .chart-source { font-weight: 600; }
.bar-matched { fill: var(--ok); }
.bar-mismatched { fill: var(--warn); }
.bar-unmatched { fill: var(--bad); }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
.kind { display: inline-block; padding: 1px 6px; border-radius: 10px; font-size: 12px; color: #fff; }
.kind-mismatched { background: var(--warn); }
.kind-unmatched { background: var(--bad); }
.kind-duplicate { background: #6a1b9a; }
.kind-suggested { background: #1565c0; }
.records, .evidence { overflow-wrap: anywhere; }
.records code { font-size: 12px; }
.evidence div { font-size: 12px; }
.desc { color: var(--muted); font-size: 12px; white-space: normal !important; }
#break-search { width: 100%; max-width: 420px; padding: 6px 10px; font-size: 14px; border: 1px solid var(--line); border-radius: 6px; }
#break-count { margin-left: 10px; color: var(--muted); }
tr[hidden] { display: none; }
`;

/**
 * The search box's script, inlined and constant (no user data inside it): hides the break rows
 * whose text does not contain every word typed, and updates the count.
 */
export const REPORT_SCRIPT = `
(function () {
  var input = document.getElementById('break-search');
  var count = document.getElementById('break-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#breaks tbody tr'));
  function apply() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' shown';
  }
  input.addEventListener('input', apply);
  apply();
})();
`;
