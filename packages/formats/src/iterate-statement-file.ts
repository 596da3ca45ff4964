import type { InvalidDataError, StandardTransaction } from '@recon/core';
import { detectFormat } from './detect/detect-format';
import { parseStandardJson } from './json/parse-standard-json';
import { iterateMt940 } from './mt940/parse-mt940';
import { decode, parseDecoded, type ParseStatementOptions, type ReadTransactionsOptions, type StatementInput } from './parse-statement-file';
import { toStandardTransactions } from './statement/to-transactions';
import type { FileFormat, FormatWarning, Statement, StatementFile } from './types';

/**
 * The statements of a file one at a time (see {@link iterateStatementFile}). `format` and
 * `warnings` are final once the iteration has ended: an MT file is `mt942` only if every message
 * was, and skipped header lines are only counted at the end.
 */
export interface StatementIteration extends IterableIterator<Statement> {
  readonly format: FileFormat;
  readonly encoding: StatementFile['encoding'];
  /** camt only, as in `StatementFile`. */
  readonly messageName?: string;
  readonly messageId?: string;
  readonly createdAt?: string;
  /** File-level warnings, as `StatementFile.warnings`; complete once the iteration has ended. */
  readonly warnings: FormatWarning[];
}

/**
 * {@link parseStatementFile} as a stream of statements. MT940/MT942 is read message by message
 * (`iterateMt940`): only the current statement and the one before it are held, so a file of any
 * size goes through in bounded memory besides its own text. Other formats (camt, CSV) are parsed
 * whole and then handed out. Collected, the statements, `format`, `encoding` and `warnings` equal
 * `parseStatementFile`'s exactly.
 *
 * @throws InvalidDataError as {@link parseStatementFile} (for MT text without any message, from
 *   `next()` once the text is exhausted).
 */
export function iterateStatementFile(input: StatementInput, options: ParseStatementOptions = {}): StatementIteration {
  return iterateDecoded(decode(input, options.encoding), options);
}

function iterateDecoded(decoded: ReturnType<typeof decode>, options: ParseStatementOptions): StatementIteration {
  const format = options.format ?? detectFormat(decoded.text).format;
  if (format !== 'mt940' && format !== 'mt942') {
    // parseDecoded rejects unknown and JSON input with the same errors as the batch reader.
    const file = parseDecoded(decoded, options);
    const statements = file.statements[Symbol.iterator]();
    const { statements: _all, ...header } = file;
    const whole: StatementIteration = { ...header, next: () => statements.next(), [Symbol.iterator]: () => whole };
    return whole;
  }
  const mt = iterateMt940(decoded.text, options);
  let allMt942 = true;
  const stream = {
    format: 'mt940' as FileFormat,
    encoding: decoded.encoding,
    warnings: decoded.warnings,
    next(): IteratorResult<Statement, undefined> {
      const step = mt.next();
      if (step.done) {
        // Once only: a second next() after the end must not add the file warnings twice.
        if (stream.warnings === decoded.warnings) {
          stream.warnings = [...decoded.warnings, ...mt.warnings];
          stream.format = allMt942 ? 'mt942' : 'mt940';
        }
        return { done: true, value: undefined };
      }
      if (step.value.format !== 'mt942') allMt942 = false;
      return step;
    },
    [Symbol.iterator]: (): StatementIteration => stream,
  };
  return stream;
}

/** One statement's standard transactions (see {@link iterateTransactions}). */
export interface StatementTransactions {
  /** The statement; absent for JSON input, which holds transactions directly (one chunk). */
  statement?: Statement;
  transactions: StandardTransaction[];
  /** Entries of this statement that made no valid transaction; the statement's own errors stay in `statement.errors`. */
  errors: InvalidDataError[];
  /** Conversion warnings (batch splits); the statement's own stay in `statement.warnings`. */
  warnings: FormatWarning[];
}

/**
 * {@link readTransactions} as a stream: each statement with its standard transactions, as soon as
 * it is read, so a large MT940 file is converted without holding its result (see
 * {@link iterateStatementFile}). Ids are numbered per statement, as in the batch reader, so the
 * transactions are the same. `readTransactions(...)` equals, over the chunks in order:
 * `transactions` = all chunks' transactions; `errors` = all `statement.errors`, then all chunks'
 * errors; `warnings` = the iteration's `warnings`, all `statement.warnings`, all chunks' warnings.
 *
 * @throws InvalidDataError as {@link readTransactions}.
 */
export function iterateTransactions(input: StatementInput, options: ReadTransactionsOptions): IterableIterator<StatementTransactions> & Omit<StatementIteration, keyof IterableIterator<Statement>> {
  const decoded = decode(input, options.encoding);
  if (!options.format && detectFormat(decoded.text).format === 'json') {
    const json = parseStandardJson(decoded.text);
    let given = false;
    const one = {
      format: 'json' as FileFormat,
      encoding: decoded.encoding,
      warnings: decoded.warnings,
      next: (): IteratorResult<StatementTransactions, undefined> => {
        if (given) return { done: true, value: undefined };
        given = true;
        return { done: false, value: { transactions: json.transactions, errors: json.errors, warnings: [] } };
      },
      [Symbol.iterator]: () => one,
    };
    return one;
  }
  const statements = iterateDecoded(decoded, options);
  // toStandardTransactions checks the options; checking them before the first statement makes a bad offset fail early.
  toStandardTransactions([], options);
  const chunks = {
    get format() {
      return statements.format;
    },
    get warnings() {
      return statements.warnings;
    },
    encoding: statements.encoding,
    ...(statements.messageName && { messageName: statements.messageName }),
    ...(statements.messageId && { messageId: statements.messageId }),
    ...(statements.createdAt && { createdAt: statements.createdAt }),
    next(): IteratorResult<StatementTransactions, undefined> {
      const step = statements.next();
      if (step.done) return { done: true, value: undefined };
      const converted = toStandardTransactions(step.value, options);
      return { done: false, value: { statement: step.value, transactions: converted.transactions, errors: converted.errors, warnings: converted.warnings } };
    },
    [Symbol.iterator]: () => chunks,
  };
  return chunks;
}
