/** One CSV record: its cells and where it starts. */
export interface CsvRow {
  cells: string[];
  /** 1-based line of the record's first character. */
  line: number;
  /** Offsets in the text (end exclusive, line terminator excluded), for the raw row. */
  start: number;
  end: number;
}

/** Delimiters a bank export uses. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/**
 * The delimiter of a CSV text: the candidate that splits the most of the first lines into the
 * same number (≥ 2) of cells. Quotes are respected, so commas inside `"1,234.00"` do not count.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const rows = readCsv(sample, delimiter).slice(0, 60);
    const widths = new Map<number, number>();
    for (const row of rows) if (row.cells.length >= 2) widths.set(row.cells.length, (widths.get(row.cells.length) ?? 0) + 1);
    let score = 0;
    for (const [width, count] of widths) score = Math.max(score, count * Math.min(width, 12));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Split CSV text into records (RFC 4180): quoted cells may hold the delimiter, doubled quotes and
 * line breaks; CRLF, LF or CR end a record. Cells are not trimmed. Never throws: an unterminated
 * quote runs to the end of the text.
 */
export function readCsv(text: string, delimiter: CsvDelimiter): CsvRow[] {
  const rows: CsvRow[] = [];
  const length = text.length;
  let pos = 0;
  let line = 1;
  while (pos < length) {
    const start = pos;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    while (!ended) {
      if (pos >= length) {
        cells.push(cell);
        break;
      }
      const c = text[pos] as string;
      if (c === '"' && cell.trim() === '') {
        // Quoted cell (leading spaces before the quote are dropped, as spreadsheet exports do).
        cell = '';
        pos++;
        for (;;) {
          const quote = text.indexOf('"', pos);
          if (quote < 0) {
            cell += text.slice(pos);
            pos = length;
            break;
          }
          const chunk = text.slice(pos, quote);
          for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) line++;
          cell += chunk;
          if (text[quote + 1] === '"') {
            cell += '"';
            pos = quote + 2;
            continue;
          }
          pos = quote + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept (lenient).
        while (pos < length && text[pos] !== delimiter && text[pos] !== '\n' && text[pos] !== '\r') cell += text[pos++];
        continue;
      }
      if (c === delimiter) {
        cells.push(cell);
        cell = '';
        pos++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        cells.push(cell);
        const end = pos;
        pos += c === '\r' && text[pos + 1] === '\n' ? 2 : 1;
        line++;
        rows.push({ cells, line: startLine, start, end });
        ended = true;
        continue;
      }
      // Fast path: copy up to the next special character.
      let next = pos;
      while (next < length) {
        const d = text[next];
        if (d === delimiter || d === '\n' || d === '\r' || d === '"') break;
        next++;
      }
      if (next === pos) {
        cell += c;
        pos++;
      } else {
        cell += text.slice(pos, next);
        pos = next;
      }
    }
    if (!ended) rows.push({ cells, line: startLine, start, end: length });
  }
  return rows;
}
