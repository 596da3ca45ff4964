import { createRedactor } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { SbiStatementMappingSchema } from '../config/statement-mapping';
import { readEisResponse } from './eis-result';
import { readStatementPage } from './statement-page';

const redact = createRedactor(['secret-token-value']);
const mapping = SbiStatementMappingSchema.parse({});

describe('readEisResponse and readStatementPage', () => {
  it('parses EIS_RESPONSE given as a JSON string or an object', () => {
    expect(readEisResponse({ RESPONSE_STATUS: '0', EIS_RESPONSE: '{"responseStatus":"0"}' }, redact)).toEqual({ responseStatus: '0' });
    expect(readEisResponse({ RESPONSE_STATUS: '0', EIS_RESPONSE: { a: 1 } }, redact)).toEqual({ a: 1 });
    expect(() => readEisResponse({ RESPONSE_STATUS: '0', EIS_RESPONSE: '{oops' }, redact)).toThrow(/not JSON/);
  });

  it('turns RESPONSE_STATUS and responseStatus refusals into typed errors, scrubbed', () => {
    expect(() => readEisResponse({ RESPONSE_STATUS: '1', ERROR_CODE: 'SI003', ERROR_DESCRIPTION: 'bad secret-token-value' }, redact)).toThrow(/SI003 bad \[REDACTED\]/);
    expect(() => readStatementPage({ responseStatus: '1', errorCode: 'ACC001', errorDescription: 'Account not linked' }, mapping, redact)).toThrow(/ACC001 Account not linked/);
  });

  it('reads rows as a list or a single object, and the next record number', () => {
    expect(readStatementPage({ responseStatus: '0', accountStatementDetails: [{ a: 1 }], nextRecordNumber: '21' }, mapping, redact)).toEqual({ rows: [{ a: 1 }], nextRecord: '21' });
    expect(readStatementPage({ accountStatementDetails: { a: 1 } }, mapping, redact)).toEqual({ rows: [{ a: 1 }] });
    expect(readStatementPage({ responseStatus: '0' }, mapping, redact)).toEqual({ rows: [] });
    expect(() => readStatementPage({ accountStatementDetails: 7 }, mapping, redact)).toThrow(/neither a list nor an object/);
    expect(() => readStatementPage('x', mapping, redact)).toThrow(/not a JSON object/);
  });
});
