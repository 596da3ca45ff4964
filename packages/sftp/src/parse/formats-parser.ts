import { readTransactions, type ReadTransactionsOptions } from '@recon/formats';
import type { FileParser } from './types';

/** Options of {@link createFormatsParser}: everything `readTransactions` takes except what the connector supplies. */
export type FormatsParserOptions = Omit<ReadTransactionsOptions, 'source' | 'accountId'>;

/**
 * A parser built on `@recon/formats`: the format is detected from the content (MT940/MT942,
 * camt.052/053/054, bank CSV exports, JSON standard transactions), the encoding too, and entries
 * become standard transactions with deterministic ids under the connector's `source`. A file
 * `@recon/formats` rejects as a whole (not a statement, unknown format, malformed XML) fails;
 * entries it cannot read become invalid records; its warnings are logged.
 *
 * @example
 * sftp({ ..., parse: createFormatsParser({ csv: { mapping: 'kotak' }, bankCode: 'KKBK' }) });
 */
export function createFormatsParser(options: FormatsParserOptions = {}): FileParser {
  return (file, context) => {
    const result = readTransactions(file.bytes, { ...options, source: context.source, ...(context.accountId !== undefined && { accountId: context.accountId }) });
    return {
      transactions: result.transactions,
      invalid: result.errors.map((error) => ({ raw: error.raw ?? { file: file.name, message: error.message }, error })),
      warnings: result.warnings.map((w) => `${w.code}: ${w.message}${w.line !== undefined ? ` (line ${w.line})` : ''}`),
      format: result.format,
    };
  };
}
