import { describe, expect, it } from 'vitest';
import { reconcile } from '../engine/reconcile';
import { ledger, payment, txn } from '../fixtures.test-helper';
import type { ReconConfig } from '../types';
import { CSV_COLUMNS, csvField, exportCsv } from './csv';
import { OUTCOMES_FORMAT, exportJson } from './json';

const config: ReconConfig = {
  sides: [
    { name: 'l', sources: ['ledger'] },
    { name: 'r', sources: ['razorpay'] },
  ],
  links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'] }] }],
};

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF), to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('exportJson', () => {
  const records = [ledger('L1', 'p1'), payment('p1'), ledger('L2', 'p2', '5.00'), payment('p2', '6.00'), payment('p3')];

  it('is valid JSON with the format tag, the summary and one entry per outcome', () => {
    const result = reconcile(records, config);
    const doc = JSON.parse(exportJson(result)) as { format: string; summary: unknown; outcomes: { id: string; kind: string }[]; rejected: unknown[] };
    expect(doc.format).toBe(OUTCOMES_FORMAT);
    expect(doc.summary).toEqual(JSON.parse(JSON.stringify(result.summary)));
    expect(doc.outcomes.map((o) => o.id)).toEqual(result.outcomes.map((o) => o.id));
    expect(doc.outcomes.map((o) => o.kind)).toEqual(['matched', 'mismatched', 'unmatched']);
    expect(doc.rejected).toEqual([]);
  });

  it('writes amounts as decimal strings and keys in a fixed order', () => {
    const doc = JSON.parse(exportJson(reconcile(records, config))) as { outcomes: Record<string, unknown>[] };
    const mismatched = doc.outcomes[1]!;
    expect(Object.keys(mismatched)).toEqual(['id', 'link', 'kind', 'rule', 'left', 'right', 'mismatches', 'amounts', 'evidence']);
    expect(mismatched.mismatches).toEqual([{ type: 'amount', difference: '-1.00', allowed: '0.00' }]);
    expect(mismatched.amounts).toEqual({ currency: 'INR', left: '5.00', right: '6.00', fee: '0.00', tax: '0.00', difference: '-1.00' });
  });

  it('outcome objects serialise with JSON.stringify to the same form', () => {
    const result = reconcile(records, config);
    const doc = JSON.parse(exportJson(result)) as { outcomes: unknown[] };
    expect(JSON.parse(JSON.stringify(result.outcomes))).toEqual(doc.outcomes);
  });

  it('is one outcome per line and ends with a newline', () => {
    const text = exportJson(reconcile(records, config));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').filter((line) => line.startsWith('{"id"'))).toHaveLength(3);
  });
});

describe('exportCsv', () => {
  it('quotes fields per RFC 4180 and round-trips through a reader', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const records = [txn({ txn_id: 'L,1 "x"', source: 'ledger', references: { payment_id: 'p1' } }), payment('p1')];
    const text = exportCsv(reconcile(records, config));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const left = rows.find((r) => r[4] === 'left')!;
    expect(left[6]).toBe('L,1 "x"');
    expect(left[10]).toBe('razorpay:p1');
    const right = rows.find((r) => r[4] === 'right')!;
    expect(right[10]).toBe('ledger:L,1 "x"');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per (outcome, record), with the outcome, difference and reason', () => {
    const records = [ledger('L1', 'p1', '5.00'), payment('p1', '6.00'), ledger('L2', 'p9')];
    const rows = parseCsv(exportCsv(reconcile(records, config))).slice(1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows.map((r) => `${r[col('outcome')]}:${r[col('txn_id')]}:${r[col('difference')]}:${r[col('reason')]}`)).toEqual([
      'mismatched:L1:-1.00:amount',
      'mismatched:p1:-1.00:amount',
      'unmatched:L2::no-candidate',
    ]);
  });
});
