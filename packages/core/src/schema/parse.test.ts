import { describe, expect, it } from 'vitest';
import { InvalidDataError, isReconError } from '../errors';
import { formatIssues, parseTransaction, safeParseTransaction } from './parse';
import { validInr } from './samples';

describe('parseTransaction / safeParseTransaction', () => {
  it('returns the validated transaction', () => {
    const txn = parseTransaction(validInr());
    expect(txn.amount).toBe('5000.00');
    expect(txn.references.payment_id).toBe('pay_29QQoUBi66xm2f');
    const result = safeParseTransaction(validInr());
    expect(result.success && result.data.currency).toBe('INR');
  });

  it('lists every problem, not just the first (four distinct problems, four paths)', () => {
    const input = { ...validInr(), amount: '12.5', direction: 'SIDEWAYS', timestamp: '2024-04-01T10:15:30', surprise: true };
    const result = safeParseTransaction(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const byPath = new Map(result.error.issues.map((i) => [i.path.join('.'), i]));
    expect([...byPath.keys()].sort()).toEqual(['', 'amount', 'direction', 'timestamp']);
    expect(byPath.get('')?.code).toBe('unrecognized_keys');
    expect(byPath.get('amount')?.message).toContain('exactly 2 decimal places for INR');
    // The message names each problem too, for logs that only keep the message.
    for (const fragment of ['amount:', 'direction:', 'timestamp:', '(root):']) expect(result.error.message).toContain(fragment);
  });

  it('keeps the raw input on the error, untouched, with a stable code and kind', () => {
    const input = { ...validInr(), amount: 12.5 };
    const result = safeParseTransaction(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const error = result.error;
    expect(error).toBeInstanceOf(InvalidDataError);
    expect(isReconError(error)).toBe(true);
    expect(error.raw).toBe(input);
    expect(error.code).toBe('TXN_INVALID');
    expect(error.kind).toBe('invalid_data');
    expect(error.retryable).toBe(false);
    expect(error.issues).toEqual([expect.objectContaining({ path: ['amount'], code: 'invalid_type' })]);
    expect(error.toJSON().details).toEqual({ issues: error.issues });
  });

  it('parseTransaction throws the same error', () => {
    const input = { ...validInr(), currency: 'XXX' };
    expect(() => parseTransaction(input)).toThrow(InvalidDataError);
    try {
      parseTransaction(input);
    } catch (e) {
      expect((e as InvalidDataError).raw).toBe(input);
      expect((e as InvalidDataError).issues.map((i) => i.path)).toEqual([['currency']]);
    }
  });

  it('never throws on hostile input', () => {
    for (const input of [null, undefined, 0, 'x', [], Object.create(null), { raw: { toJSON: 1 } }]) {
      const result = safeParseTransaction(input);
      expect(result.success).toBe(false);
    }
  });

  it('formatIssues writes one clause per issue and names the root', () => {
    expect(formatIssues([{ path: ['references', 'utr'], message: 'too long' }, { path: [], message: 'Unrecognized key: "x"' }])).toBe(
      'references.utr: too long; (root): Unrecognized key: "x"',
    );
  });
});
