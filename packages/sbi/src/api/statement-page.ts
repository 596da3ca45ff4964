import { UpstreamError, type Redactor } from '@recon/core';
import type { SbiStatementMapping } from '../config/statement-mapping';
import { SBI_SOURCE } from '../constants';
import { readField, readText } from '../mapping/read-field';

/** A statement page: its rows as received and where the next page starts, if anywhere. */
export interface SbiStatementPage {
  rows: unknown[];
  nextRecord?: string;
}

/**
 * Read the statement inside `EIS_RESPONSE` with the mapping. A refusal (`responseStatus` not a
 * success value) or an unreadable rows field stops the read; one row as a bare object is accepted
 * (aerele guards against exactly that).
 */
export function readStatementPage(eis: unknown, mapping: SbiStatementMapping, redact: Redactor): SbiStatementPage {
  if (typeof eis !== 'object' || eis === null || Array.isArray(eis)) {
    throw new UpstreamError(`[recon:${SBI_SOURCE}] EIS_RESPONSE is not a JSON object`, { code: 'RESPONSE_SHAPE', retryable: false, connector: SBI_SOURCE });
  }
  if (mapping.status) {
    const status = readText(eis, mapping.status.path);
    // aerele treats a missing responseStatus as success ("0" by default); so do we.
    if (status !== undefined && !mapping.status.success.includes(status)) {
      const code = readText(eis, mapping.status.errorCodePath);
      const message = readText(eis, mapping.status.errorMessagePath);
      throw new UpstreamError(redact(`[recon:${SBI_SOURCE}] Statement refused by SBI (responseStatus ${status})${code || message ? `: ${[code, message].filter(Boolean).join(' ')}` : ''}`), {
        code: 'BANK_STATEMENT_FAILED',
        retryable: false,
        connector: SBI_SOURCE,
        details: redact.value({ status, bankCode: code ?? null, bankMessage: message ?? null }),
      });
    }
  }
  const found = readField(eis, mapping.rowsPath);
  let rows: unknown[];
  if (Array.isArray(found)) rows = found;
  else if (typeof found === 'object' && found !== null) rows = [found];
  else if (found === undefined || found === null || found === '') rows = [];
  else throw new UpstreamError(`[recon:${SBI_SOURCE}] Statement rows at ${mapping.rowsPath} are neither a list nor an object`, { code: 'RESPONSE_SHAPE', retryable: false, connector: SBI_SOURCE });
  const nextRecord = mapping.nextRecordPath === null ? undefined : readText(eis, mapping.nextRecordPath);
  return nextRecord === undefined ? { rows } : { rows, nextRecord };
}
