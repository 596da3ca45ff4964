import { safeParseTransaction, type InvalidDataError, type StandardTransaction } from '@recon/core';
import { FormatErrorCode, fileError, recordError } from '../errors';

/** Result of {@link parseStandardJson}: valid transactions and one error per invalid element. */
export interface StandardJsonResult {
  transactions: StandardTransaction[];
  errors: InvalidDataError[];
}

/**
 * Read a JSON array of standard transactions (the wire format of `@recon/core`), or a JSON-lines
 * file of them. Each element is validated on its own: an invalid one becomes an `InvalidDataError`
 * (`TXN_INVALID`, every issue listed, the element as raw) and the others still come through.
 *
 * @throws InvalidDataError `NOT_A_STATEMENT` when the text is neither a JSON array nor JSON lines of objects.
 */
export function parseStandardJson(text: string): StandardJsonResult {
  const trimmed = text.trim();
  let items: Array<{ value: unknown; line?: number; raw: string }>;
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw fileError(FormatErrorCode.NOT_A_STATEMENT, `Not valid JSON: ${(error as Error).message}`, text);
    }
    if (!Array.isArray(parsed)) throw fileError(FormatErrorCode.NOT_A_STATEMENT, 'Expected a JSON array of standard transactions', text);
    items = parsed.map((value: unknown) => ({ value, raw: JSON.stringify(value) }));
  } else if (trimmed.startsWith('{')) {
    items = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(lineText);
      } catch {
        value = undefined;
      }
      items.push({ value, line: i + 1, raw: lineText });
    });
  } else {
    throw fileError(FormatErrorCode.NOT_A_STATEMENT, 'Expected a JSON array (or JSON lines) of standard transactions', text);
  }
  const result: StandardJsonResult = { transactions: [], errors: [] };
  for (const item of items) {
    if (item.value === undefined) {
      result.errors.push(recordError(FormatErrorCode.TXN_INVALID, 'Line is not valid JSON', item.raw, item.line === undefined ? {} : { line: item.line }));
      continue;
    }
    const parsed = safeParseTransaction(item.value);
    if (parsed.success) result.transactions.push(parsed.data);
    else result.errors.push(parsed.error);
  }
  return result;
}
