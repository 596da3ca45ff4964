import type { StandardTransaction } from '../../schema/transaction';
import { decimal } from '../outcomes/format';
import type { Evidence, Mismatch, Outcome, OutcomeAmounts, ReconResult, RejectedRecord } from '../types';

/** Format tag of {@link exportJson} documents. */
export const OUTCOMES_FORMAT = 'recon.outcomes/v1';

const ref = (t: StandardTransaction) => ({ source: t.source, txn_id: t.txn_id, amount: t.amount, currency: t.currency, direction: t.direction });

function amountsJson(a: OutcomeAmounts) {
  const d = (v: bigint) => decimal(v, a.currency);
  return { currency: a.currency, left: d(a.left), right: d(a.right), fee: d(a.fee), tax: d(a.tax), difference: d(a.difference) };
}

function evidenceJson(e: Evidence) {
  return {
    method: e.method,
    ...(e.identifier && { identifier: { name: e.identifier.name, left: e.identifier.left, right: e.identifier.right, compare: e.identifier.compare } }),
    ...(e.value !== undefined && { value: e.value }),
    ...(e.counterpartValue !== undefined && { counterpartValue: e.counterpartValue }),
    candidates: e.candidates,
    checks: e.checks.map((c) => ({ check: c.check, passed: c.passed, detail: c.detail })),
    explanation: e.explanation.map((f) => ({ factor: f.factor, value: f.value, note: f.note })),
  };
}

function mismatchJson(m: Mismatch, currency: string) {
  switch (m.type) {
    case 'amount':
      return { type: m.type, difference: decimal(m.difference, currency), allowed: decimal(m.allowed, currency) };
    case 'date':
      return { type: m.type, delta: m.delta, before: m.before, after: m.after, unit: m.unit };
    case 'direction':
      return { type: m.type, left: m.left, right: m.right, expected: m.expected };
    default:
      return { type: m.type, left: m.left, right: m.right };
  }
}

/** The currency an outcome's differences are stated in (its first record's). */
function currencyOf(o: Outcome): string {
  return (o.left[0] ?? o.right[0])!.currency;
}

/**
 * One outcome as a JSON-safe plain object with a fixed key order: amounts as decimal strings at
 * the currency's scale, records as `{ source, txn_id, amount, currency, direction }`.
 */
export function outcomeToJson(o: Outcome): Record<string, unknown> {
  const base = { id: o.id, link: o.link, kind: o.kind };
  const sides = { left: o.left.map(ref), right: o.right.map(ref) };
  switch (o.kind) {
    case 'matched':
      return { ...base, rule: o.rule, confidence: o.confidence, ...sides, amounts: amountsJson(o.amounts), evidence: evidenceJson(o.evidence) };
    case 'mismatched':
      return {
        ...base,
        rule: o.rule,
        ...sides,
        mismatches: o.mismatches.map((m) => mismatchJson(m, currencyOf(o))),
        ...(o.amounts && { amounts: amountsJson(o.amounts) }),
        evidence: evidenceJson(o.evidence),
      };
    case 'suggested':
      return {
        ...base,
        rule: o.rule,
        reason: o.reason,
        ...sides,
        candidates: o.candidates.map((c) => ({
          left: c.left.map((k) => ({ source: k.source, txn_id: k.txn_id })),
          right: c.right.map((k) => ({ source: k.source, txn_id: k.txn_id })),
          ...(c.difference !== undefined && { difference: decimal(c.difference, currencyOf(o)) }),
        })),
      };
    case 'unmatched':
      return { ...base, side: o.side, reason: o.reason, ...sides };
    case 'duplicate':
      return { ...base, side: o.side, key: o.key, of: { source: o.of.source, txn_id: o.of.txn_id }, ...sides };
  }
}

function rejectedJson(r: RejectedRecord) {
  return { source: r.record.source, txn_id: r.record.txn_id, code: r.error.code, message: r.error.message };
}

/**
 * Every outcome of a run as one JSON document: `{ format, summary, outcomes, rejected }`, one
 * outcome per line. Key order is fixed and outcomes are in the result's (content-derived) order,
 * so the same inputs give the same bytes, whatever order the records came in.
 */
export function exportJson(result: ReconResult): string {
  const lines: string[] = [];
  lines.push(`{"format":${JSON.stringify(OUTCOMES_FORMAT)},`);
  lines.push(`"summary":${JSON.stringify(result.summary)},`);
  lines.push('"outcomes":[');
  const n = result.outcomes.length;
  for (let i = 0; i < n; i++) lines.push(JSON.stringify(outcomeToJson(result.outcomes[i]!)) + (i < n - 1 ? ',' : ''));
  lines.push('],');
  lines.push(`"rejected":${JSON.stringify(result.rejected.map(rejectedJson))}}`);
  return `${lines.join('\n')}\n`;
}
