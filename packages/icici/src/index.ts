/**
 * `@recon/icici`: ICICI Bank Corporate API Banking (CIB) account statements as standard
 * transactions. The sandbox server lives in `@recon/icici/sandbox`.
 * @packageDocumentation
 */
export { VERSION } from './version';
export { icici } from './connector';
export { IciciConfig, type ResolvedIciciConfig } from './config';
export type { IciciCursor } from './read/cursor';
export {
  ICICI_API_KEY_HEADER,
  ICICI_BANK_CODE,
  ICICI_DEFAULT_REQUESTS_PER_HOUR,
  ICICI_HOSTS,
  ICICI_MAX_RANGE_DAYS,
  ICICI_MAX_RECORDS_PER_PAGE,
  ICICI_SOURCE,
  ICICI_STATEMENT_PATH,
  NO_TRANSACTIONS_MESSAGE,
} from './constants';
export { openEnvelope, sealRequest, sealResponse, type DecryptStage, type HybridEnvelope, type OpenResult, type RequestIvMode, type SealRequestOptions } from './crypto/hybrid-envelope';
export { loadRsaPrivateKey, loadRsaPublicKey, type RsaPrivateKey } from './crypto/rsa';
export { mapStatementRow, type IciciStatementRow, type RowContext, type RowResult } from './mapping/map-statement-row';
export { parseRemarks, type NarrationFacts } from './mapping/narration';
export { parseIciciDate, parseIciciDateTime } from './mapping/ist-dates';
