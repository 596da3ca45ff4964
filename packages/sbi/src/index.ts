/**
 * `@recon/sbi`: State Bank of India account statements over OAuth2 and the AES-GCM + RSA payload
 * envelope of SBI's corporate APIs. The sandbox server lives in `@recon/sbi/sandbox`.
 * @packageDocumentation
 */
export { VERSION } from './version';
export { sbi } from './connector/sbi-connector';
export type { SbiCursor } from './connector/cursor';
export { SbiConfigSchema, type SbiConfig, type SbiResolvedConfig } from './config/config-schema';
export { SbiStatementMappingSchema, type SbiStatementMapping, type SbiStatementMappingInput } from './config/statement-mapping';
export { SbiStatementRequestSchema, type SbiStatementRequest } from './config/statement-request';
export { SbiEnvelopeSchema, SBI_EIS_AERELE_ENVELOPE, type SbiEnvelopeSettings, type SbiEnvelopeInput } from './crypto/envelope-settings';
export { createSbiEnvelope, type SbiEnvelope, type SealedRequest } from './crypto/sbi-envelope';
export { readSbiNarration, type SbiNarrationFacts } from './mapping/narration';
export { SBI_DATE_FORMATS, type SbiDateFormat } from './mapping/dates';
export { SBI_SOURCE, SBI_BANK_CODE, SBI_DEFAULT_TOKEN_PATH, SBI_DEFAULT_STATEMENT_PATH, SBI_DEFAULT_REQUESTS_PER_HOUR, SBI_DEFAULT_SESSION_KEY_HEADER } from './constants';
