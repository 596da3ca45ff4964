import { describe, expect, it } from 'vitest';
import { parseStandardJson } from './parse-standard-json';

const valid = {
  schema_version: 1,
  txn_id: 'txn_1',
  source: 'ledger',
  account_id: 'ACC-1',
  amount: '5000.00',
  currency: 'INR',
  direction: 'CREDIT',
  status: 'SUCCESS',
  timestamp: '2024-04-01T10:00:00+05:30',
  transaction_type: 'PAYMENT',
  raw: {},
};

describe('parseStandardJson', () => {
  it('validates each element on its own: good ones pass, bad ones become errors with every issue and the raw element', () => {
    const bad = { ...valid, txn_id: 'txn_2', amount: '5000.5', currency: 'XYZ' };
    const result = parseStandardJson(JSON.stringify([valid, bad]));
    expect(result.transactions.map((t) => t.txn_id)).toEqual(['txn_1']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.code).toBe('TXN_INVALID');
    expect(result.errors[0]?.raw).toEqual(bad);
    expect(result.errors[0]?.issues.map((i) => i.path.join('.'))).toContain('currency');
  });

  it('reads JSON lines, reporting an unparseable line with its number', () => {
    const result = parseStandardJson(`${JSON.stringify(valid)}\n{oops\n\n${JSON.stringify({ ...valid, txn_id: 'txn_3' })}\n`);
    expect(result.transactions.map((t) => t.txn_id)).toEqual(['txn_1', 'txn_3']);
    expect(result.errors[0]).toMatchObject({ code: 'TXN_INVALID', raw: '{oops', details: { line: 2 } });
  });

  it('rejects text that is not a JSON array or JSON lines', () => {
    expect(() => parseStandardJson('[1,')).toThrow(expect.objectContaining({ code: 'NOT_A_STATEMENT' }));
    expect(() => parseStandardJson('"x"')).toThrow(/JSON array/);
  });
});
