import { InvalidDataError, type ValidationIssue } from '@recon/core';

/**
 * Error codes of `@recon/formats`. File-level codes reject the whole input (it is not a statement,
 * or not safely parseable); entry- and field-level codes land in `Statement.errors` while the rest
 * of the file still parses.
 */
export const FormatErrorCode = {
  /** Content matches no supported format. */
  FORMAT_UNKNOWN: 'FORMAT_UNKNOWN',
  /** Recognised format, but nothing in it is a statement (no tags, no `Stmt`/`Rpt`/`Ntfctn`, no rows). */
  NOT_A_STATEMENT: 'NOT_A_STATEMENT',
  /** The bytes do not decode in the requested encoding. */
  ENCODING_INVALID: 'ENCODING_INVALID',
  /** XML that is not well formed. */
  XML_MALFORMED: 'XML_MALFORMED',
  /** XML with a DTD (`<!DOCTYPE`): refused, because entity expansion is how XML bombs work. */
  XML_DTD_FORBIDDEN: 'XML_DTD_FORBIDDEN',
  /** XML nested deeper than the parser allows. */
  XML_TOO_DEEP: 'XML_TOO_DEEP',
  /** One entry (`:61:`, `Ntry`, CSV row) could not be read. */
  ENTRY_INVALID: 'ENTRY_INVALID',
  /** One statement-level field (a balance, `:28C:`, `:34F:`) could not be read. */
  FIELD_INVALID: 'FIELD_INVALID',
  /** A row of a JSON array is not a valid standard transaction. */
  TXN_INVALID: 'TXN_INVALID',
} as const;
/** One of the {@link FormatErrorCode} values. */
export type FormatErrorCode = (typeof FormatErrorCode)[keyof typeof FormatErrorCode];

/** Where a problem is, for the error's `details`. */
export interface ProblemLocation {
  /** 1-based line in the decoded text. */
  line?: number;
  /** Field tag or element path (`61`, `Ntry/Amt`). */
  field?: string;
}

/**
 * An {@link InvalidDataError} for one entry or field: message, one issue per problem, the raw
 * text so it can be dead-lettered, and the location in `details`.
 */
export function recordError(
  code: FormatErrorCode,
  message: string,
  raw: string,
  location: ProblemLocation = {},
  problems: string[] = [message],
): InvalidDataError {
  const path = location.field ? location.field.split('/') : [];
  const issues: ValidationIssue[] = problems.map((p) => ({ path, message: p, code }));
  const where = location.line !== undefined ? ` (line ${location.line})` : '';
  return new InvalidDataError(`${message}${where}`, {
    code,
    issues,
    raw,
    details: { issues, ...(location.line !== undefined && { line: location.line }), ...(location.field && { field: location.field }) },
  });
}

/** The file as a whole is rejected: `why` says what was expected and not found. */
export function fileError(code: FormatErrorCode, why: string, raw: string): InvalidDataError {
  // A rejected file can be large; the error keeps it (a reference, not a copy) for dead-lettering.
  return new InvalidDataError(why, { code, issues: [{ path: [], message: why, code }], raw });
}
