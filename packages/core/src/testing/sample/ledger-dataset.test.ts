import { describe, expect, it } from 'vitest';
import { safeParseTransaction } from '../../schema/parse';
import { createLedgerDataset, groupIndian, toIst } from './ledger-dataset';
import { mapLedgerRow } from './map-ledger-row';

describe('createLedgerDataset', () => {
  it('is deterministic per seed', () => {
    expect(createLedgerDataset({ seed: 5, count: 30 })).toEqual(createLedgerDataset({ seed: 5, count: 30 }));
    expect(createLedgerDataset({ seed: 5, count: 30 }).validIds).not.toEqual(createLedgerDataset({ seed: 6, count: 30 }).validIds);
  });

  it('serves rows in (time, id) order with unique ids, and some rows share a timestamp', () => {
    const { entries } = createLedgerDataset({ seed: 1, count: 200 });
    const ids = entries.map((e) => e.row.id);
    expect(new Set(ids).size).toBe(200);
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1]!, entries[i]!];
      expect(a.at < b.at || (a.at === b.at && a.row.id < b.row.id)).toBe(true);
    }
    // Ties make keyset paging tie-break on the id; the dataset must contain them.
    expect(entries.some((e, i) => i > 0 && entries[i - 1]!.at === e.at)).toBe(true);
  });

  it('produces Indian-looking rows: INR decimal strings, IST timestamps, UTR/RRN formats, narrations', () => {
    const { entries } = createLedgerDataset({ seed: 3, count: 150 });
    const rows = entries.map((e) => e.row);
    for (const row of rows) {
      expect(row.amount).toMatch(/^[1-9]\d*\.\d{2}$/);
      expect(row.currency).toBe('INR');
      expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
      expect(row.value_date).toBe(row.created_at?.slice(0, 10));
      if (row.channel === 'NEFT') {
        expect(row.utr).toMatch(/^[A-Z]{4}N\d{11}$/);
        expect(row.narration).toMatch(/^NEFT (CR|DR)-[A-Z]{4}0\d{6}-/);
        expect(row.narration.endsWith(row.utr ?? '?')).toBe(true);
      } else {
        expect(row.rrn).toMatch(/^\d{12}$/);
        expect(row.narration).toContain(row.rrn);
      }
      if (row.channel === 'UPI' && row.type === 'credit') expect(row.narration).toMatch(/^UPI\/\d{12}\/PAYMENT FROM [A-Z]+\/[a-z0-9.]+@[a-z]+\//);
    }
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['UPI', 'NEFT', 'IMPS']));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['credit', 'debit']));
  });

  it('every valid row maps to a valid standard transaction', () => {
    const { entries } = createLedgerDataset({ seed: 8, count: 120 });
    for (const { row } of entries) expect(safeParseTransaction(mapLedgerRow(row)).success).toBe(true);
  });

  it('makes every n-th row invalid, cycling through the kinds, and lists the ids apart', () => {
    const dataset = createLedgerDataset({ seed: 2, count: 30, invalidEvery: 5 });
    const invalid = dataset.entries.filter((e) => e.invalid);
    expect(invalid.map((e) => e.invalid)).toEqual(['amount_scale', 'missing_timestamp', 'grouped_amount', 'amount_scale', 'missing_timestamp', 'grouped_amount']);
    expect(dataset.invalidIds).toEqual(invalid.map((e) => e.row.id));
    expect(dataset.validIds).toHaveLength(24);
    const byKind = Object.fromEntries(invalid.map((e) => [e.invalid, e.row]));
    expect(byKind['amount_scale']?.amount).toMatch(/^\d+\.\d{3}$/);
    expect(byKind['missing_timestamp']).not.toHaveProperty('created_at');
    expect(byKind['grouped_amount']?.amount).toMatch(/^\d{1,2}(,\d{2})*,\d{3}\.\d{2}$/);
    for (const e of invalid) expect(safeParseTransaction(mapLedgerRow(e.row)).success).toBe(false);
  });

  it('helpers: Indian digit grouping and IST formatting', () => {
    expect(groupIndian('125000')).toBe('1,25,000');
    expect(groupIndian('12345678')).toBe('1,23,45,678');
    expect(groupIndian('999')).toBe('999');
    expect(toIst(Date.UTC(2024, 2, 31, 18, 30))).toBe('2024-04-01T00:00:00+05:30');
  });
});
