/**
 * @recon/formats: statement file parsers. MT940/MT942, camt.052/053/054 and bank CSV exports in;
 * statements (balances, entries, warnings) and standard transactions out. Pure: no I/O.
 * @packageDocumentation
 */
export { VERSION } from './version';
export * from './types';
export { FormatErrorCode } from './errors';
export {
  parseStatementFile,
  safeParseStatementFile,
  readTransactions,
  type ParseStatementOptions,
  type SafeParseStatementResult,
  type StatementInput,
  type ReadTransactionsOptions,
  type ReadTransactionsResult,
} from './parse-statement-file';
export { iterateStatementFile, iterateTransactions, type StatementIteration, type StatementTransactions } from './iterate-statement-file';
export { detectFormat, type DetectedFormat } from './detect/detect-format';
export { decodeText, encodingFromLabel, type DecodedText, type EncodingEvidence } from './encoding/detect-encoding';
export { parseMt940, iterateMt940, type Mt940Options, type Mt940Result, type Mt940Iteration } from './mt940/parse-mt940';
export { parseField61, type Field61, type Field61Result, type Mark61 } from './mt940/field-61';
export {
  readNarrative,
  subfieldsDialect,
  slashTagsDialect,
  freeTextDialect,
  DEFAULT_NARRATIVE_DIALECTS,
  type NarrativeDialect,
} from './mt940/narrative';
export { parseCamt, type CamtResult } from './camt/parse-camt';
export { parseCsvStatement, type CsvOptions, type CsvResult } from './csv/parse-csv';
export { CSV_PRESETS, type CsvPresetName } from './csv/presets';
export type { CsvMapping, CsvColumn } from './csv/mapping';
export type { CsvDateFormat } from './csv/csv-dates';
export type { CsvDelimiter } from './csv/read-csv';
export { parseStandardJson, type StandardJsonResult } from './json/parse-standard-json';
export { toStandardTransactions, type TransactionOptions, type TransactionsResult, type BatchSplit } from './statement/to-transactions';
export { referencesFromNarration, type NarrationReferences } from './statement/narration-references';
export { balanceWarnings, continuityWarnings, continuityWarning } from './statement/balance-check';
