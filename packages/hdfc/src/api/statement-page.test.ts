import { createRedactor } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { HDFC_AA_DEPOSIT_MAPPING, HdfcStatementMappingSchema } from '../config/statement-mapping';
import { readStatementPage } from './statement-page';

const mapping = HdfcStatementMappingSchema.parse(HDFC_AA_DEPOSIT_MAPPING);
const redact = createRedactor(['client-secret-value']);

describe('readStatementPage', () => {
  it('reads rows as a list, a single object, or nothing, and the next token', () => {
    expect(readStatementPage({ status: 'SUCCESS', Transactions: { Transaction: [{ a: 1 }, { a: 2 }] }, nextPageToken: 't2' }, mapping, redact)).toEqual({ rows: [{ a: 1 }, { a: 2 }], nextPageToken: 't2' });
    expect(readStatementPage({ status: 'SUCCESS', Transactions: { Transaction: { a: 1 } } }, mapping, redact)).toEqual({ rows: [{ a: 1 }] });
    expect(readStatementPage({ status: 'SUCCESS', Transactions: {} }, mapping, redact)).toEqual({ rows: [] });
  });

  it('fails on a business refusal, scrubbing what the bank echoes', () => {
    const payload = { status: 'FAILURE', errorCode: 'E42', errorMessage: 'bad client client-secret-value' };
    expect(() => readStatementPage(payload, mapping, redact)).toThrow(/E42 bad client \[REDACTED\]/);
    try {
      readStatementPage(payload, mapping, redact);
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('client-secret-value');
      expect(error).toMatchObject({ code: 'BANK_STATEMENT_FAILED', retryable: false });
    }
  });

  it('fails on a payload or rows field it cannot read', () => {
    expect(() => readStatementPage([], mapping, redact)).toThrow(/not a JSON object/);
    expect(() => readStatementPage({ status: 'SUCCESS', Transactions: { Transaction: 'x' } }, mapping, redact)).toThrow(/neither a list nor an object/);
    expect(() => readStatementPage({ Transactions: { Transaction: [] } }, mapping, redact)).toThrow(/status missing/);
  });
});
