import { isAscii, isUtf8 } from 'node:buffer';
import type { TextEncoding } from '../types';
import { decodeBytes } from './decode';
import { CP1252_UNDEFINED } from './single-byte';

/** How the encoding was chosen. */
export type EncodingEvidence = 'requested' | 'bom' | 'xml-declaration' | 'valid-utf-8' | 'fallback';

/** Result of {@link decodeText}. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  evidence: EncodingEvidence;
  /** The encoding an XML declaration named, when there was one (even if it was wrong). */
  declared?: string;
}

const LABELS: Readonly<Record<string, TextEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  'iso_8859-1': 'latin1',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'iso-8859-2': 'iso-8859-2',
  cp852: 'cp852',
  ibm852: 'cp852',
};

/** Map an encoding label (an XML declaration, a user option) to one this package decodes, or undefined. */
export function encodingFromLabel(label: string): TextEncoding | undefined {
  const key = label.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(LABELS, key) ? LABELS[key] : undefined;
}

/**
 * Decode statement bytes, detecting the encoding unless one is requested. Order, as the
 * statement-formats research found safest: a BOM; the XML declaration's `encoding`; strict UTF-8
 * (pure ASCII included); windows-1252; ISO-8859-1 when a byte is undefined in windows-1252.
 * cp852 and ISO-8859-2 look like windows-1252 to any byte-level test, so they are never guessed.
 *
 * UTF-8 is tried by decoding strictly, so a valid file is decoded exactly once.
 *
 * @throws TypeError only when a *requested* UTF-8 decoding meets invalid bytes.
 */
export function decodeText(bytes: Uint8Array, requested?: TextEncoding): DecodedText {
  if (requested) {
    const skip = requested === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { text: decodeBytes(bytes.subarray(skip), requested), encoding: requested, evidence: 'requested' };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fromUtf8OrFallback(bytes.subarray(3), 'bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeBytes(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', evidence: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeBytes(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', evidence: 'bom' };
  const declared = xmlDeclaredEncoding(bytes);
  const declaredEncoding = declared === undefined ? undefined : encodingFromLabel(declared);
  if (declaredEncoding && declaredEncoding !== 'utf-8') {
    return { text: decodeBytes(bytes, declaredEncoding), encoding: declaredEncoding, evidence: 'xml-declaration', declared: declared as string };
  }
  const result = fromUtf8OrFallback(bytes, declaredEncoding ? 'xml-declaration' : 'valid-utf-8');
  return declared === undefined ? result : { ...result, declared };
}

function fromUtf8OrFallback(bytes: Uint8Array, evidence: EncodingEvidence): DecodedText {
  // Pure ASCII (most MT940 files) is the same text in UTF-8 and ISO-8859-1, and the latin1 copy is
  // a plain byte copy into a one-byte string, faster than the UTF-8 decoder.
  if (isAscii(bytes)) return { text: decodeBytes(bytes, 'latin1'), encoding: 'utf-8', evidence };
  // A native check first: a failed strict decode throws, and an exception per file costs more
  // than validating the bytes once more.
  if (isUtf8(bytes)) {
    try {
      return { text: decodeBytes(bytes, 'utf-8'), encoding: 'utf-8', evidence };
    } catch {
      // Not reached when isUtf8 said yes; the single-byte fallback below is the safe answer anyway.
    }
  }
  // Not UTF-8 (a declared UTF-8 included: banks mislabel ISO-8859-x files). Single-byte it is.
  const encoding = guessSingleByte(bytes);
  return { text: decodeBytes(bytes, encoding), encoding, evidence: 'fallback' };
}

/** windows-1252, unless a byte undefined there says the file is ISO-8859-1. */
function guessSingleByte(bytes: Uint8Array): TextEncoding {
  // One native search per undefined byte (five in all) instead of a script loop over every byte.
  for (const byte of CP1252_UNDEFINED) if (bytes.indexOf(byte) >= 0) return 'latin1';
  return 'windows-1252';
}

/** The `encoding="…"` of an XML declaration at the very start (ASCII-compatible bytes only). */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  // Most files are not XML: the first byte after the blanks `\s` allows in latin1 (tab to CR,
  // space, no-break space) settles it without building the head as text.
  let at = 0;
  while (at < bytes.length && at < 256) {
    const b = bytes[at] as number;
    if (b === 32 || (b >= 9 && b <= 13) || b === 0xa0) at++;
    else break;
  }
  if (bytes[at] !== 60 /* < */) return undefined;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString('latin1');
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1];
}
