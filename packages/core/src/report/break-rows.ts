import { fromDecimalString } from '../money/wire';
import { formatMoney } from '../money/format';
import type { Mismatch, Outcome, ReconResult } from '../match/types';
import type { StandardTransaction } from '../schema/transaction';

/** What the report shows of one break: plain strings, not yet escaped. */
export interface BreakRow {
  id: string;
  link: string;
  kind: Exclude<Outcome['kind'], 'matched'>;
  /** `left`/`right` side name of the link the records sit on, or `both`. */
  side: string;
  records: { key: string; amount: string; date: string; description: string }[];
  /** Why it is a break, in one line. */
  why: string;
  /** The evidence: identifier and checks for a pair, the candidates of a suggestion. */
  evidence: string[];
}

const money = (minor: bigint, currency: string) => formatMoney({ minor, currency }, { symbol: true });
const signed = (t: StandardTransaction) => `${t.direction === 'DEBIT' ? '−' : ''}${money(fromDecimalString(t.amount, t.currency).minor, t.currency)}`;

function mismatchText(m: Mismatch, currency: string): string {
  switch (m.type) {
    case 'amount':
      return `amount differs by ${money(m.difference, currency)} (allowed ${money(m.allowed, currency)})`;
    case 'date':
      return `date ${m.delta > 0 ? '+' : ''}${m.delta} ${m.unit} (window −${m.before}..+${m.after})`;
    case 'direction':
      return `direction ${m.left.join('/')} vs ${m.right.join('/')} (expected ${m.expected})`;
    default:
      return `${m.type} ${m.left.join('/')} vs ${m.right.join('/')}`;
  }
}

function whyOf(o: Exclude<Outcome, { kind: 'matched' }>, currency: string): string {
  switch (o.kind) {
    case 'mismatched':
      return o.mismatches.map((m) => mismatchText(m, currency)).join('; ');
    case 'unmatched':
      return `no counterpart on the other side (${o.reason})`;
    case 'duplicate':
      return `duplicate of ${o.of.source}:${o.of.txn_id} (same ${o.key})`;
    case 'suggested':
      return `${o.reason}: ${o.candidates.length} possible pairings, none provably right`;
  }
}

function evidenceOf(o: Exclude<Outcome, { kind: 'matched' }>, currency: string): string[] {
  if (o.kind === 'mismatched') {
    const e = o.evidence;
    const found = e.identifier ? [`found by ${e.identifier.name} = ${e.value ?? ''}${e.counterpartValue ? ` ~ ${e.counterpartValue}` : ''} (rule ${o.rule})`] : [`found by ${e.method} (rule ${o.rule})`];
    return [...found, ...e.checks.map((c) => `${c.passed ? '✓' : '✗'} ${c.check}: ${c.detail}`)];
  }
  if (o.kind === 'suggested') {
    return o.candidates.map((c) => {
      const ids = [...c.left, ...c.right].map((k) => `${k.source}:${k.txn_id}`).join(' + ');
      return `${ids}${c.difference === undefined ? '' : ` (Δ ${money(c.difference, currency)})`}`;
    });
  }
  return [];
}

/**
 * Every outcome that is not a match, as report rows in the result's (content-derived) order:
 * mismatched, unmatched, duplicate and suggested outcomes with their records and evidence.
 */
export function breakRows(result: ReconResult): BreakRow[] {
  const rows: BreakRow[] = [];
  for (const o of result.outcomes) {
    if (o.kind === 'matched') continue;
    const link = result.links.find((l) => l.name === o.link);
    const all = [...o.left, ...o.right];
    const currency = all[0]?.currency ?? 'INR';
    const side = o.kind === 'unmatched' || o.kind === 'duplicate' ? ((o.side === 'left' ? link?.left : link?.right) ?? o.side) : 'both';
    rows.push({
      id: o.id,
      link: o.link,
      kind: o.kind,
      side,
      records: all.map((t) => ({ key: `${t.source}:${t.txn_id}`, amount: signed(t), date: t.value_date ?? t.timestamp, description: t.description ?? '' })),
      why: whyOf(o, currency),
      evidence: evidenceOf(o, currency),
    });
  }
  return rows;
}
