import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';

describe('detectFormat', () => {
  it('recognises camt by root element, then by namespace', () => {
    expect(detectFormat('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20023:tech:xsd:camt.053.001.02"><BkToCstmrStmt>').format).toBe('camt.053');
    expect(detectFormat('<Document><ns:BkToCstmrAcctRptV01>').format).toBe('camt.052');
    expect(detectFormat('<message><AppHdr/><Document><BkToCstmrDbtCdtNtfctn>').format).toBe('camt.054');
    expect(detectFormat('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"></Document>').format).toBe('camt.052');
    expect(detectFormat('<?xml version="1.0"?><Document xmlns="urn:x:pain.001"><CstmrCdtTrfInitn/></Document>')).toEqual({ format: undefined, reason: 'XML with root <Document>, but no camt.052/053/054 message' });
  });

  it('recognises MT940 by a tag or a SWIFT block at the start of a line, after headers', () => {
    expect(detectFormat('ABNANL2A\r\n940\r\nABNANL2A\r\n:20:ABN\r\n').format).toBe('mt940');
    expect(detectFormat('{1:F01KNABNL2HAXXX0000000000}{2:I942X}{4:\n:20:A').format).toBe('mt940');
    expect(detectFormat('@@:20:STARTUMS@@:25:1').format).toBe('mt940');
  });

  it('recognises JSON and CSV, and says when nothing fits', () => {
    expect(detectFormat(' [{"schema_version":1}]').format).toBe('json');
    expect(detectFormat('{"schema_version":1}\n').format).toBe('json');
    expect(detectFormat('Date,Narration,Amount\n01/04/24,X,5\n').format).toBe('csv');
    expect(detectFormat('\uFEFF')).toEqual({ format: undefined, reason: 'the file is empty' });
    expect(detectFormat('hello world').format).toBeUndefined();
  });
});
