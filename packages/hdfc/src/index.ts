/**
 * `@recon/hdfc`: HDFC Bank account statements over HDFC's API Banking transport (OAuth2 client
 * credentials with mutual TLS, JWS-in-JWE payloads). The sandbox server lives in `@recon/hdfc/sandbox`.
 * @packageDocumentation
 */
export { VERSION } from './version';
export { hdfc } from './connector/hdfc-connector';
export type { HdfcCursor } from './connector/cursor';
export { HdfcConfigSchema, type HdfcConfig, type HdfcResolvedConfig } from './config/config-schema';
export {
  HDFC_AA_DEPOSIT_MAPPING,
  HDFC_NETBANKING_COLUMNS_MAPPING,
  HDFC_STATEMENT_MAPPINGS,
  HdfcStatementMappingSchema,
  type HdfcStatementMapping,
  type HdfcStatementMappingInput,
  type HdfcStatementMappingName,
} from './config/statement-mapping';
export { HdfcStatementRequestSchema, type HdfcStatementRequest } from './config/statement-request';
export { createJoseEnvelope, type JoseEnvelope, type JoseEnvelopeKeys } from './crypto/jose-envelope';
export { keyIdOf } from './crypto/key-material';
export { readNarration, type NarrationFacts } from './mapping/narration';
export { DATE_FORMATS, type DateFormat } from './mapping/dates';
export {
  HDFC_SOURCE,
  HDFC_BANK_CODE,
  HDFC_UAT_BASE_URL,
  HDFC_PRODUCTION_BASE_URL,
  HDFC_TOKEN_PATH,
  HDFC_DEFAULT_STATEMENT_PATH,
  HDFC_DEFAULT_REQUESTS_PER_HOUR,
} from './constants';
