import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './read-csv';

describe('readCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const rows = readCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,,z', ',');
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', '', 'z'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 3]);
  });

  it('keeps a quote inside an unquoted cell, and survives an unterminated quote', () => {
    expect(readCsv('12" pipe,5', ',')[0]?.cells).toEqual(['12" pipe', '5']);
    expect(readCsv('a,"open', ',')[0]?.cells).toEqual(['a', 'open']);
  });

  it('records offsets, so a row keeps its raw text', () => {
    const text = 'h1;h2\n01/04/24;"1,00"\n';
    const row = readCsv(text, ';')[1];
    expect(text.slice(row?.start, row?.end)).toBe('01/04/24;"1,00"');
  });

  it('detects the delimiter, ignoring commas inside quoted amounts', () => {
    expect(detectDelimiter('Date;Narration;Amount\n01/04/24;"UPI,X";"1,234.00"\n02/04/24;Y;5\n')).toBe(';');
    expect(detectDelimiter('Date\tNarration\tAmount\n01/04/24\tX, Y\t5\n')).toBe('\t');
    expect(detectDelimiter('Date,Narration,Amount\n01/04/24,X,"1,00,000.00"\n')).toBe(',');
  });
});
