import { InvalidDataError } from '@recon/core';
import { parseCamt } from './camt/parse-camt';
import { parseCsvStatement, type CsvOptions } from './csv/parse-csv';
import { detectFormat } from './detect/detect-format';
import { decodeText, type EncodingEvidence } from './encoding/detect-encoding';
import { FormatErrorCode, fileError } from './errors';
import { parseStandardJson } from './json/parse-standard-json';
import { parseMt940, type Mt940Options } from './mt940/parse-mt940';
import { toStandardTransactions, type TransactionOptions, type TransactionsResult } from './statement/to-transactions';
import type { FileFormat, FormatWarning, StatementFile, TextEncoding } from './types';

/** Options of {@link parseStatementFile}. */
export interface ParseStatementOptions extends Mt940Options {
  /** Skip detection and read the file as this format. */
  format?: Exclude<FileFormat, 'json'>;
  /** Decode bytes as this encoding instead of detecting it (the only way to get cp852). */
  encoding?: TextEncoding;
  /** CSV column mapping (preset name, `auto`, or a mapping) and account id. */
  csv?: CsvOptions;
}

/** Bytes or text in; text is used as is (its encoding is the caller's business). */
export type StatementInput = string | Uint8Array;

/** Bytes to text with the file-level encoding warnings (internal: shared with the streaming readers). */
export function decode(input: StatementInput, encoding: TextEncoding | undefined): { text: string; encoding: StatementFile['encoding']; warnings: FormatWarning[] } {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'string', warnings: [] };
  let decoded: { text: string; encoding: TextEncoding; evidence: EncodingEvidence; declared?: string };
  try {
    decoded = decodeText(input, encoding);
  } catch (error) {
    const fallback = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
    throw fileError(FormatErrorCode.ENCODING_INVALID, `The bytes are not valid ${encoding}: ${(error as Error).message}`, fallback);
  }
  const warnings: FormatWarning[] = [];
  if (decoded.evidence === 'fallback') {
    warnings.push({
      code: 'ENCODING_FALLBACK',
      message: `Not valid UTF-8${decoded.declared ? ` (though declared ${decoded.declared})` : ''}; decoded as ${decoded.encoding}. Pass options.encoding if the bank uses another code page (cp852, iso-8859-2).`,
      data: { encoding: decoded.encoding, ...(decoded.declared && { declared: decoded.declared }) },
    });
  }
  return { text: decoded.text, encoding: decoded.encoding, warnings };
}

/**
 * Parse a statement file of any supported format, detected from its content: MT940/MT942,
 * camt.052/053/054, or a bank CSV export. Bytes are decoded first (BOM, XML declaration, UTF-8,
 * then windows-1252 / ISO-8859-1; cp852 on request). Pure: no I/O, no clock.
 *
 * A problem inside the file (a bad line, an unreadable balance, a balance that does not add up)
 * never stops it: it is an `InvalidDataError` in `statement.errors` or a warning. Only a file that
 * is not a statement at all is rejected.
 *
 * @throws InvalidDataError `FORMAT_UNKNOWN`, `NOT_A_STATEMENT`, `ENCODING_INVALID`, `XML_MALFORMED`,
 *   `XML_DTD_FORBIDDEN` or `XML_TOO_DEEP`, each saying why.
 */
export function parseStatementFile(input: StatementInput, options: ParseStatementOptions = {}): StatementFile {
  return parseDecoded(decode(input, options.encoding), options);
}

/** A decoded text to a whole {@link StatementFile} (internal: shared with the streaming readers). */
export function parseDecoded(decoded: ReturnType<typeof decode>, options: ParseStatementOptions): StatementFile {
  const { text, encoding, warnings } = decoded;
  const detected = options.format ? { format: options.format, reason: 'requested' } : detectFormat(text);
  const format = detected.format;
  if (format === undefined) throw fileError(FormatErrorCode.FORMAT_UNKNOWN, `Not a statement file in a supported format: ${detected.reason}`, text);
  if (format === 'json') {
    throw fileError(FormatErrorCode.FORMAT_UNKNOWN, 'This is JSON, not a statement file: read standard-transaction JSON with readTransactions() or parseStandardJson()', text);
  }
  if (format === 'mt940' || format === 'mt942') {
    const result = parseMt940(text, options);
    const allMt942 = result.statements.every((s) => s.format === 'mt942');
    return { format: allMt942 ? 'mt942' : 'mt940', encoding, statements: result.statements, warnings: [...warnings, ...result.warnings] };
  }
  if (format === 'csv') {
    const result = parseCsvStatement(text, options.csv);
    return { format: 'csv', encoding, statements: [result.statement], warnings: [...warnings, ...result.warnings] };
  }
  const camt = parseCamt(text);
  if (options.format && camt.format !== options.format) {
    warnings.push({ code: 'FORMAT_DIFFERS', message: `Requested ${options.format}, but the message is ${camt.format}; read as ${camt.format}`, data: { requested: options.format, found: camt.format } });
  }
  return {
    format: camt.format,
    encoding,
    ...(camt.messageName && { messageName: camt.messageName }),
    ...(camt.messageId && { messageId: camt.messageId }),
    ...(camt.createdAt && { createdAt: camt.createdAt }),
    statements: camt.statements,
    warnings: [...warnings, ...camt.warnings],
  };
}

/** Result of {@link safeParseStatementFile}. */
export type SafeParseStatementResult = { success: true; data: StatementFile } | { success: false; error: InvalidDataError };

/** Like {@link parseStatementFile}, returning the rejection instead of throwing it. */
export function safeParseStatementFile(input: StatementInput, options: ParseStatementOptions = {}): SafeParseStatementResult {
  try {
    return { success: true, data: parseStatementFile(input, options) };
  } catch (error) {
    if (error instanceof InvalidDataError) return { success: false, error };
    throw error;
  }
}

/** Options of {@link readTransactions}. */
export type ReadTransactionsOptions = ParseStatementOptions & TransactionOptions;

/** Result of {@link readTransactions}. */
export interface ReadTransactionsResult extends TransactionsResult {
  format: FileFormat;
  /** The parsed statements (absent for JSON input, which holds transactions directly). */
  file?: StatementFile;
}

/**
 * One call from file to standard transactions: any statement format (through
 * {@link parseStatementFile} and `toStandardTransactions`), or a JSON array of standard
 * transactions (validated element by element). Entry- and field-level errors of the statements are
 * included in `errors`, so nothing that was in the file is missing from the result.
 *
 * @throws InvalidDataError when the file as a whole is rejected (see {@link parseStatementFile}).
 */
export function readTransactions(input: StatementInput, options: ReadTransactionsOptions): ReadTransactionsResult {
  const decoded = decode(input, options.encoding);
  if (!options.format && detectFormat(decoded.text).format === 'json') {
    const json = parseStandardJson(decoded.text);
    return { format: 'json', transactions: json.transactions, errors: json.errors, warnings: decoded.warnings };
  }
  const file = parseDecoded(decoded, options);
  const converted = toStandardTransactions(file, options);
  const statementErrors = file.statements.flatMap((s) => s.errors);
  return {
    format: file.format,
    file,
    transactions: converted.transactions,
    errors: [...statementErrors, ...converted.errors],
    warnings: [...file.warnings, ...file.statements.flatMap((s) => s.warnings), ...converted.warnings],
  };
}
