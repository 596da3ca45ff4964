import { describe, expect, it } from 'vitest';
import { decodeText, encodingFromLabel } from './detect-encoding';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('decodeText', () => {
  it('strips a UTF-8 BOM and says so', () => {
    const result = decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9));
    expect(result).toEqual({ text: 'Aé', encoding: 'utf-8', evidence: 'bom' });
  });

  it('reads UTF-16 by its BOM', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00)).text).toBe('Aé');
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9)).encoding).toBe('utf-16be');
  });

  it('follows an XML declaration that names a single-byte encoding', () => {
    const result = decodeText(ascii('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>'));
    expect(result.encoding).toBe('latin1');
    expect(result.evidence).toBe('xml-declaration');
    expect(result.text).toContain('<a>é</a>');
  });

  it('falls back when bytes declared UTF-8 are not UTF-8 (a known bank mistake)', () => {
    const result = decodeText(ascii('<?xml version="1.0" encoding="UTF-8"?><a>M\xfcller \x80</a>'));
    expect(result).toMatchObject({ encoding: 'windows-1252', evidence: 'fallback', declared: 'UTF-8' });
    expect(result.text).toContain('Müller €');
  });

  it('takes valid UTF-8 as UTF-8', () => {
    expect(decodeText(new Uint8Array(Buffer.from(':86:Überweisung €', 'utf8')))).toEqual({ text: ':86:Überweisung €', encoding: 'utf-8', evidence: 'valid-utf-8' });
  });

  it('decodes windows-1252 properly (Node 20 TextDecoder maps 0x80 to U+0080, not €)', () => {
    const result = decodeText(bytes(0x80, 0x20, 0x8a, 0x9f, 0xdc));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('€ ŠŸÜ');
  });

  it('chooses ISO-8859-1 when a byte is undefined in windows-1252', () => {
    const result = decodeText(bytes(0x81, 0xe9));
    expect(result.encoding).toBe('latin1');
    expect(result.text).toBe('\u0081é');
  });

  it('decodes cp852 only when asked, since it cannot be told from cp1252 by its bytes', () => {
    // "Łódź" in IBM 852.
    const polish = bytes(0x9d, 0xa2, 0x64, 0xab);
    expect(decodeText(polish).encoding).not.toBe('cp852');
    expect(decodeText(polish, 'cp852').text).toBe('Łódź');
  });

  it('throws on a requested UTF-8 decoding of invalid bytes', () => {
    expect(() => decodeText(bytes(0xc3, 0x28), 'utf-8')).toThrow(TypeError);
  });
});

describe('encodingFromLabel', () => {
  it('maps common labels and refuses unknown ones', () => {
    expect(encodingFromLabel(' ISO-8859-1 ')).toBe('latin1');
    expect(encodingFromLabel('CP1252')).toBe('windows-1252');
    expect(encodingFromLabel('IBM852')).toBe('cp852');
    expect(encodingFromLabel('__proto__')).toBeUndefined();
    expect(encodingFromLabel('ebcdic')).toBeUndefined();
  });
});
