import { UpstreamError, type Redactor } from '@recon/core';
import type { HdfcStatementMapping } from '../config/statement-mapping';
import { HDFC_SOURCE } from '../constants';
import { pathLabel, readField, readText } from '../mapping/read-field';

/** A decrypted statement page: its rows as received and the token of the next page, if any. */
export interface StatementPage {
  rows: unknown[];
  nextPageToken?: string;
}

/**
 * Read a decrypted statement payload with the configured mapping. A business failure
 * (`status` not a success value) and a payload without a readable rows field are
 * UpstreamErrors: a page that cannot be read must stop the read, not pass as "no rows".
 * One row as a bare object instead of an array (the quirk ICICI shows) is accepted.
 */
export function readStatementPage(payload: unknown, mapping: HdfcStatementMapping, redact: Redactor): StatementPage {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new UpstreamError(`[recon:${HDFC_SOURCE}] Statement payload is not a JSON object`, { code: 'RESPONSE_SHAPE', retryable: false, connector: HDFC_SOURCE });
  }
  if (mapping.status) {
    const status = readText(payload, mapping.status.path);
    if (status === undefined || !mapping.status.success.includes(status)) {
      const bankCode = readText(payload, mapping.status.errorCodePath);
      const bankMessage = readText(payload, mapping.status.errorMessagePath);
      const said = [bankCode, bankMessage].filter((part) => part !== undefined).join(' ');
      throw new UpstreamError(redact(`[recon:${HDFC_SOURCE}] Statement request refused by the bank (status ${status ?? 'missing'})${said ? `: ${said}` : ''}`), {
        code: 'BANK_STATEMENT_FAILED',
        retryable: false,
        connector: HDFC_SOURCE,
        details: redact.value({ status: status ?? null, bankCode: bankCode ?? null, bankMessage: bankMessage ?? null }),
      });
    }
  }
  const found = readField(payload, mapping.rowsPath);
  let rows: unknown[];
  if (Array.isArray(found)) rows = found;
  else if (typeof found === 'object' && found !== null) rows = [found];
  else if (found === undefined || found === null || found === '') rows = [];
  else {
    throw new UpstreamError(`[recon:${HDFC_SOURCE}] Statement rows at ${pathLabel(mapping.rowsPath)} are neither a list nor an object`, {
      code: 'RESPONSE_SHAPE',
      retryable: false,
      connector: HDFC_SOURCE,
    });
  }
  const nextPageToken = mapping.nextPageTokenPath === undefined ? undefined : readText(payload, mapping.nextPageTokenPath);
  return nextPageToken === undefined ? { rows } : { rows, nextPageToken };
}
