import type { StandardTransaction } from '../../schema/transaction';
import { decimal } from '../outcomes/format';
import type { Outcome, ReconResult } from '../types';

/** Columns of {@link exportCsv}, in order. */
export const CSV_COLUMNS = [
  'outcome_id',
  'link',
  'outcome',
  'rule',
  'side',
  'source',
  'txn_id',
  'amount',
  'currency',
  'direction',
  'counterpart_ids',
  'difference',
  'reason',
  'confidence',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const key = (t: StandardTransaction) => `${t.source}:${t.txn_id}`;

function difference(o: Outcome): string {
  if (o.kind === 'matched') return decimal(o.amounts.difference, o.amounts.currency);
  if (o.kind === 'mismatched') {
    const amount = o.mismatches.find((m) => m.type === 'amount');
    if (amount && amount.type === 'amount') return decimal(amount.difference, (o.left[0] ?? o.right[0])!.currency);
    return o.amounts ? decimal(o.amounts.difference, o.amounts.currency) : '';
  }
  return '';
}

function reason(o: Outcome): string {
  switch (o.kind) {
    case 'matched': {
      const e = o.evidence;
      if (!e.identifier) return e.method;
      return `${e.method}: ${e.identifier.name} = ${e.value ?? ''}${e.counterpartValue ? ` ~ ${e.counterpartValue}` : ''}`;
    }
    case 'mismatched':
      return o.mismatches.map((m) => m.type).join(';');
    case 'suggested':
      return `${o.reason} (${o.candidates.length} candidate pairings)`;
    case 'unmatched':
      return o.reason;
    case 'duplicate':
      return `duplicate of ${o.of.source}:${o.of.txn_id} by ${o.key}`;
  }
}

/**
 * Every outcome as CSV (RFC 4180: CRLF line ends, quoted fields where needed), one row per
 * (outcome, record): a matched pair is two rows, a settlement group of 300 lines and its bank
 * credit 301 rows, each naming its counterparts. Columns: {@link CSV_COLUMNS}. Same inputs, same
 * bytes.
 */
export function exportCsv(result: ReconResult): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const o of result.outcomes) {
    const rule = o.kind === 'matched' || o.kind === 'mismatched' || o.kind === 'suggested' ? o.rule : '';
    const confidence = o.kind === 'matched' ? String(o.confidence) : '';
    const diff = difference(o);
    const why = csvField(reason(o));
    const leftIds = o.left.map(key).join(' ');
    const rightIds = o.right.map(key).join(' ');
    for (const [side, list, counterparts] of [
      ['left', o.left, rightIds],
      ['right', o.right, leftIds],
    ] as const) {
      for (const t of list) {
        rows.push(
          [
            o.id,
            csvField(o.link),
            o.kind,
            csvField(rule),
            side,
            csvField(t.source),
            csvField(t.txn_id),
            t.amount,
            t.currency,
            t.direction,
            csvField(counterparts),
            diff,
            why,
            confidence,
          ].join(','),
        );
      }
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
