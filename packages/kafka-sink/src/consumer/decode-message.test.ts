import { describe, expect, it } from 'vitest';
import { HEADERS } from '../message/headers';
import type { IncomingMessage } from '../port/types';
import { deadLetterOf, decodeMessage } from './decode-message';

const message = (value: string | null): IncomingMessage => ({ topic: 'hdfc_txns', partition: 2, offset: '17', key: Buffer.from('utr:X'), value: value === null ? null : Buffer.from(value), headers: { trace: 't1' }, timestamp: '0' });
const valid = { schema_version: 1, txn_id: 'T1', source: 'hdfc', account_id: 'A', amount: '10.00', currency: 'INR', direction: 'DEBIT', status: 'SUCCESS', timestamp: '2024-04-01T10:00:00+05:30', transaction_type: 'PAYMENT', raw: {} };

describe('decodeMessage', () => {
  it('accepts a standard transaction and rejects every other shape with a code', () => {
    const ok = decodeMessage(message(JSON.stringify(valid)));
    expect(ok.ok && ok.txn.amount).toBe('10.00');
    const codes = [null, '', '{bad', JSON.stringify({ ...valid, amount: '10.5' }), '42'].map((v) => {
      const r = decodeMessage(message(v));
      return r.ok ? 'ok' : r.error.code;
    });
    expect(codes).toEqual(['EMPTY_VALUE', 'EMPTY_VALUE', 'NOT_JSON', 'TXN_INVALID', 'TXN_INVALID']);
  });

  it('builds a dead letter with the original bytes, key and headers plus reason and origin', () => {
    const m = message(JSON.stringify({ ...valid, currency: 'XYZ' }));
    const r = decodeMessage(m);
    if (r.ok) throw new Error('expected invalid');
    const dead = deadLetterOf(m, r.error);
    expect(dead.value).toBe(m.value);
    expect(dead.key).toBe(m.key);
    expect(dead.headers).toMatchObject({ trace: 't1', [HEADERS.dlqCode]: 'TXN_INVALID', [HEADERS.dlqTopic]: 'hdfc_txns', [HEADERS.dlqPartition]: '2', [HEADERS.dlqOffset]: '17', [HEADERS.dlqStage]: 'consumer' });
    expect(JSON.parse(dead.headers?.[HEADERS.dlqIssues] ?? '[]')).toEqual([{ path: ['currency'], message: 'is not an active ISO 4217 currency code' }]);
  });
});
