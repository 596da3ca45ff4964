import { describe, expect, it } from 'vitest';
import { validInr } from './samples';
import { StandardTransactionSchema } from './transaction';

const paths = (input: unknown) => {
  const result = StandardTransactionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('StandardTransactionSchema', () => {
  it('accepts a complete INR transaction and fills references when absent', () => {
    expect(StandardTransactionSchema.parse(validInr()).amount).toBe('5000.00');
    const { references: _omitted, ...minimal } = validInr();
    expect(StandardTransactionSchema.parse(minimal).references).toEqual({});
  });

  it('accepts JPY (0 decimals) and KWD (3 decimals) at their own scale', () => {
    expect(paths({ ...validInr(), currency: 'JPY', amount: '120', fee: '10', tax: '2', balance_after: '-5' })).toEqual([]);
    expect(paths({ ...validInr(), currency: 'KWD', amount: '1.250', fee: '0.100', tax: '0.000', balance_after: '12.000' })).toEqual([]);
  });

  it('rejects a JS number amount (a float cannot carry money exactly)', () => {
    expect(paths({ ...validInr(), amount: 12.5 })).toEqual(['amount']);
    expect(paths({ ...validInr(), amount: 5000 })).toEqual(['amount']);
  });

  it('rejects an amount whose scale does not match the currency', () => {
    expect(paths({ ...validInr(), amount: '12.5' })).toEqual(['amount']);
    expect(paths({ ...validInr(), amount: '12' })).toEqual(['amount']);
    expect(paths({ ...validInr(), amount: '12.500' })).toEqual(['amount']);
    expect(paths({ ...validInr(), currency: 'JPY', amount: '120.00', fee: '10', tax: '2', balance_after: '-5' })).toEqual(['amount']);
    expect(paths({ ...validInr(), currency: 'KWD', amount: '1.25', fee: '0.100', tax: '0.000', balance_after: '12.000' })).toEqual(['amount']);
    expect(paths({ ...validInr(), fee: '1.5', tax: '1', balance_after: '-0.5' })).toEqual(['fee', 'tax', 'balance_after']);
    const result = StandardTransactionSchema.safeParse({ ...validInr(), amount: '12.5' });
    expect(result.error?.issues[0]?.message).toBe('must have exactly 2 decimal places for INR (got "12.5")');
  });

  it.each(['-5000.00', '+5000.00', '1,000.00', '1e3', '05000.00', ' 5000.00', '5000.', '.50', ''])('rejects the amount %j', (amount) => {
    expect(paths({ ...validInr(), amount })).toEqual(['amount']);
  });

  it('rejects unknown keys, at the top level and inside nested objects', () => {
    const result = StandardTransactionSchema.safeParse({ ...validInr(), amountt: '1.00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['amountt'], path: [] })]);
    expect(paths({ ...validInr(), references: { utr: 'X', utrr: 'Y' } })).toEqual(['references']);
    expect(paths({ ...validInr(), counterparty: { name: 'A', phone: '1' } })).toEqual(['counterparty']);
  });

  it('requires a timestamp with an offset (or Z), and a plain date for value_date', () => {
    expect(paths({ ...validInr(), timestamp: '2024-04-01T10:15:30' })).toEqual(['timestamp']);
    expect(paths({ ...validInr(), timestamp: '2024-04-01' })).toEqual(['timestamp']);
    expect(paths({ ...validInr(), timestamp: '2024-04-01T04:45:30Z' })).toEqual([]);
    expect(paths({ ...validInr(), timestamp: '2024-04-01T10:15:30.123+05:30' })).toEqual([]);
    expect(paths({ ...validInr(), value_date: '2024-02-30' })).toEqual(['value_date']);
    expect(paths({ ...validInr(), value_date: '2024-04-02T00:00:00Z' })).toEqual(['value_date']);
  });

  it('checks currency, enums, identifiers and the schema version', () => {
    expect(paths({ ...validInr(), currency: 'inr' })).toEqual(['currency']);
    expect(paths({ ...validInr(), currency: 'XXX' })).toEqual(['currency']);
    expect(paths({ ...validInr(), direction: 'debit' })).toEqual(['direction']);
    expect(paths({ ...validInr(), status: 'CAPTURED' })).toEqual(['status']);
    expect(paths({ ...validInr(), channel: 'SWIFT' })).toEqual(['channel']);
    expect(paths({ ...validInr(), transaction_type: 'SALE' })).toEqual(['transaction_type']);
    expect(paths({ ...validInr(), txn_id: '   ' })).toEqual(['txn_id']);
    expect(paths({ ...validInr(), source: 'Razorpay' })).toEqual(['source']);
    expect(paths({ ...validInr(), schema_version: 2 })).toEqual(['schema_version']);
    expect(paths({ ...validInr(), counterparty: { ifsc: 'HDFC1234567' } })).toEqual(['counterparty.ifsc']);
    expect(paths({ ...validInr(), references: { utr: '' } })).toEqual(['references.utr']);
  });

  it('trims identifiers', () => {
    expect(StandardTransactionSchema.parse({ ...validInr(), txn_id: '  pay_1 ' }).txn_id).toBe('pay_1');
  });

  it('requires raw, and raw must be JSON', () => {
    const { raw: _raw, ...noRaw } = validInr();
    expect(paths(noRaw)).toEqual(['raw']);
    expect(paths({ ...validInr(), raw: { when: new Date(0) } })).toEqual(['raw']);
    expect(paths({ ...validInr(), raw: { n: Number.NaN } })).toEqual(['raw']);
    expect(paths({ ...validInr(), raw: 'a,b,c\n' })).toEqual([]);
    expect(paths({ ...validInr(), raw: [[1, [2, { a: [null] }]]] })).toEqual([]);
  });

  it('still checks the scale when other fields fail, even with aborting issues', () => {
    // A bad enum aborts the object in zod 4; the scale rule must still report the amount.
    expect(paths({ ...validInr(), direction: 'X', amount: '12.5' }).sort()).toEqual(['amount', 'direction']);
    expect(paths({ ...validInr(), amount: 12.5, currency: 7 }).sort()).toEqual(['amount', 'currency']);
  });

  it('rejects non-objects without throwing', () => {
    for (const input of [null, undefined, 'txn', 42, [], [validInr()]]) expect(paths(input)).toEqual(['']);
  });
});
