import { describe, expect, it } from 'vitest';
import { reconcile } from '../match/engine/reconcile';
import { ledger, payment, txn } from '../match/fixtures.test-helper';
import { indianPaymentsPreset } from '../match/presets/indian-payments';
import { barLength } from './bar-chart';
import { breakRows } from './break-rows';
import { escapeHtml } from './escape-html';
import { renderHtmlReport } from './render-html-report';
import { linkTotals } from './source-totals';

const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

// A small day: two matches, one amount mismatch, one unmatched ledger entry whose narration is
// hostile markup, one duplicate ledger entry.
const records = [
  ledger('L1', 'pay_1', '100.00'),
  payment('pay_1', '100.00'),
  ledger('L2', 'pay_2', '250.00'),
  payment('pay_2', '249.00'),
  ledger('L3', 'pay_3', '75.50', { description: hostile }),
  ledger('L4', 'pay_4', '10.00'),
  payment('pay_4', '10.00'),
  txn({ txn_id: 'L4', source: 'ledger', amount: '10.00', references: { payment_id: 'pay_4' } }),
];
const result = reconcile(records, indianPaymentsPreset());
const html = renderHtmlReport(result, { title: 'Day <1>', subtitle: ['Business day 2024-04-01'], generatedAt: '2024-04-02T09:00:00+05:30' });

describe('renderHtmlReport', () => {
  it('escapes every piece of user data: no markup from a narration reaches the page', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('<title>Day &lt;1&gt;</title>');
    // The only script element is the page's own search script.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('is self-contained: no external resource, and a policy that forbids loading any', () => {
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain(`default-src 'none'`);
  });

  it('lists one table row per break, with its records and why', () => {
    const breaks = breakRows(result);
    const expected = result.outcomes.filter((o) => o.kind !== 'matched');
    expect(breaks.map((b) => b.id)).toEqual(expected.map((o) => o.id));
    const tbody = html.slice(html.indexOf('<table id="breaks">'), html.indexOf('</table>', html.indexOf('<table id="breaks">')));
    expect(tbody.match(/<tr data-outcome=/g)).toHaveLength(expected.length);
    const mismatch = breaks.find((b) => b.kind === 'mismatched');
    expect(mismatch?.why).toBe('amount differs by ₹1.00 (allowed ₹0.00)');
    expect(mismatch?.evidence[0]).toContain('references.payment_id');
    expect(breaks.find((b) => b.kind === 'duplicate')?.why).toContain('duplicate of ledger:L4');
    expect(breaks.find((b) => b.kind === 'unmatched')?.records[0]).toMatchObject({ key: 'ledger:L3', amount: '₹75.50' });
  });

  it('draws one chart per link with bars proportional to the exact amounts', () => {
    const totals = linkTotals(result, 'INR');
    expect(totals.map((t) => t.link)).toEqual(result.links.map((l) => l.name));
    const ledgerSide = totals[0]?.sources.find((s) => s.source === 'ledger');
    // Matched ledger: L1 100.00 + L4 10.00; mismatched L2 250.00; unmatched L3 75.50.
    expect(ledgerSide).toMatchObject({ matched: 11_000n, mismatched: 25_000n, unmatched: 7_550n });
    expect(html.match(/<svg class="chart"/g)).toHaveLength(result.links.length);
    expect(html).toContain('ledger mismatched: ₹250.00 in 1 record');
  });

  it('sizes bars with integer arithmetic on bigint amounts', () => {
    expect(barLength(0n, 100n, 300)).toBe(0);
    expect(barLength(100n, 100n, 300)).toBe(300);
    expect(barLength(1n, 10n ** 20n, 300)).toBe(2);
    expect(barLength(12_345_678_901_234_567_890n, 24_691_357_802_469_135_780n, 300)).toBe(150);
  });

  it('gives the same bytes for the same result', () => {
    expect(renderHtmlReport(reconcile([...records].reverse(), indianPaymentsPreset()), { title: 'Day <1>', subtitle: ['Business day 2024-04-01'], generatedAt: '2024-04-02T09:00:00+05:30' })).toBe(html);
  });
});

describe('renderHtmlReport on edge cases', () => {
  it('renders an empty run, and lists rejected records escaped', () => {
    const empty = renderHtmlReport(reconcile([], indianPaymentsPreset()));
    expect(empty).toContain('<span id="break-count">0 of 0 shown</span>');
    expect(empty).toContain('no records');
    const rejected = reconcile([ledger('<b>L9</b>', 'pay_9', '1.5')], indianPaymentsPreset());
    expect(rejected.rejected).toHaveLength(1);
    const html = renderHtmlReport(rejected);
    expect(html).toContain('1 record(s) rejected before matching: ledger:&lt;b&gt;L9&lt;/b&gt;');
    expect(html).not.toContain('<b>L9</b>');
  });
});

describe('breakRows', () => {
  it('lists the candidate pairings of a suggestion as its evidence', () => {
    // Two ledger entries and two payments of the same amount within minutes, no reference in
    // common: the keyless rule cannot tell which is which, so it suggests instead of matching.
    const at = (m: string) => `2024-04-01T10:0${m}:00+05:30`;
    const ambiguous = reconcile(
      [ledger('L5', undefined, '500.00', { timestamp: at('0') }), ledger('L6', undefined, '500.00', { timestamp: at('1') }), payment('pay_5', '500.00', { timestamp: at('0') }), payment('pay_6', '500.00', { timestamp: at('1') })],
      indianPaymentsPreset(),
    );
    const suggested = breakRows(ambiguous).filter((b) => b.kind === 'suggested');
    expect(suggested.length).toBeGreaterThan(0);
    for (const row of suggested) {
      expect(row.why).toMatch(/possible pairings, none provably right/);
      expect(row.evidence.length).toBeGreaterThan(1);
      expect(row.evidence.every((e) => /ledger:L[56] \+ razorpay:pay_[56]/.test(e))).toBe(true);
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
