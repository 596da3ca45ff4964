import { UpstreamError, type Redactor } from '@recon/core';
import { SBI_SOURCE, SBI_SUCCESS_STATUS } from '../constants';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/**
 * The `EIS_RESPONSE` of a decrypted answer `{ RESPONSE_STATUS, ERROR_CODE, ERROR_DESCRIPTION,
 * EIS_RESPONSE }` [S, aerele `process_response`]. `RESPONSE_STATUS` other than `"0"` is a refusal
 * (BANK_REQUEST_FAILED); `EIS_RESPONSE` may arrive as a JSON string and is parsed.
 */
export function readEisResponse(decrypted: Record<string, unknown>, redact: Redactor): unknown {
  const status = text(decrypted['RESPONSE_STATUS']);
  if (status !== undefined && status !== SBI_SUCCESS_STATUS) {
    const code = text(decrypted['ERROR_CODE']);
    const description = text(decrypted['ERROR_DESCRIPTION']);
    throw new UpstreamError(redact(`[recon:${SBI_SOURCE}] Request refused by SBI (RESPONSE_STATUS ${status})${code || description ? `: ${[code, description].filter(Boolean).join(' ')}` : ''}`), {
      code: 'BANK_REQUEST_FAILED',
      retryable: false,
      connector: SBI_SOURCE,
      details: redact.value({ status, bankCode: code ?? null, bankMessage: description ?? null }),
    });
  }
  const eis = decrypted['EIS_RESPONSE'];
  if (typeof eis !== 'string') return eis;
  try {
    return JSON.parse(eis) as unknown;
  } catch {
    throw new UpstreamError(`[recon:${SBI_SOURCE}] EIS_RESPONSE is a string but not JSON`, { code: 'PAYLOAD_MALFORMED', retryable: false, connector: SBI_SOURCE });
  }
}
