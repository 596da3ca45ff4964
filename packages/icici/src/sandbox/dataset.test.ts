import { parseAmount } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { parseRemarks } from '../mapping/narration';
import { createIciciDataset } from './dataset';

describe('createIciciDataset', () => {
  const options = { seed: 3, count: 300, accountNumber: '000412345678' };

  it('is deterministic per seed', () => {
    expect(createIciciDataset(options)).toEqual(createIciciDataset(options));
    expect(createIciciDataset({ ...options, seed: 4 }).entries[0]!.row).not.toEqual(createIciciDataset(options).entries[0]!.row);
  });

  it('rows look like ICICI rows: IST strings, Indian grouping, CR/DR, a chained running balance', () => {
    const { entries } = createIciciDataset(options);
    let previous: bigint | undefined;
    for (const { row, at } of entries) {
      expect(Object.keys(row)).toEqual(['TRANSACTIONID', 'TXNDATE', 'VALUEDATE', 'TYPE', 'AMOUNT', 'BALANCE', 'CHEQUENO', 'REMARKS']);
      expect(row['TRANSACTIONID']).toMatch(/^S[0-9]{7,9}$/);
      expect(row['TXNDATE']).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
      expect(row['TXNDATE']!.startsWith(row['VALUEDATE']!)).toBe(true);
      expect(row['AMOUNT']).toMatch(/^\d{1,2}(,\d{2})*(,\d{3})?\.\d{2}$|^\d{1,3}\.\d{2}$/);
      const amount = parseAmount(row['AMOUNT']!, 'INR').minor;
      const balance = parseAmount(row['BALANCE']!, 'INR').minor;
      if (previous !== undefined) expect(balance - previous).toBe(row['TYPE'] === 'CR' ? amount : -amount);
      previous = balance;
      expect(at).toBeGreaterThan(0);
    }
    expect(entries.every((e, i) => i === 0 || e.at > entries[i - 1]!.at)).toBe(true);
  });

  it('narrations cover the rails with references in their real formats', () => {
    const { entries } = createIciciDataset(options);
    const facts = entries.map((e) => parseRemarks(e.row['REMARKS']));
    for (const channel of ['NEFT', 'RTGS', 'IMPS', 'UPI', 'INTERNAL', 'NETBANKING', 'CHEQUE'] as const) expect(facts.some((f) => f.channel === channel), channel).toBe(true);
    expect(facts.some((f) => f.transactionType === 'REVERSAL')).toBe(true);
    expect(facts.some((f) => f.transactionType === 'FEE')).toBe(true);
    expect(facts.some((f) => f.utr?.length === 16)).toBe(true);
    expect(facts.some((f) => f.utr?.length === 22)).toBe(true);
    expect(facts.filter((f) => f.channel === 'UPI' || f.channel === 'IMPS').every((f) => /^[0-9]{12}$/.test(f.rrn ?? ''))).toBe(true);
  });

  it('TRANSACTIONIDs repeat (as ICICI ones do), but never with the same TXNDATE', () => {
    const { entries } = createIciciDataset(options);
    const ids = entries.map((e) => e.row['TRANSACTIONID']);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    const pairs = entries.map((e) => `${e.row['TRANSACTIONID']}|${e.row['TXNDATE']}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('breaks every n-th row in one of three ways, on purpose', () => {
    const dataset = createIciciDataset({ ...options, count: 30, invalidEvery: 5 });
    expect(dataset.invalidRows).toHaveLength(6);
    expect(dataset.entries.filter((e) => e.invalid).map((e) => e.invalid)).toEqual(['bad_amount', 'bad_txndate', 'bad_type', 'bad_amount', 'bad_txndate', 'bad_type']);
    expect(dataset.validRows).toHaveLength(24);
  });
});
