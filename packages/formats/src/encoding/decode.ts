import type { TextEncoding } from '../types';
import { decodeCp1252, decodeCp852 } from './single-byte';

/** A UTF-8 decoder that throws on invalid bytes instead of inserting U+FFFD. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode `bytes` as `encoding`. UTF-8 is strict (invalid bytes throw a TypeError, so the caller
 * can fall back to a single-byte code page); the single-byte code pages accept any byte.
 */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return strictUtf8.decode(bytes);
    case 'latin1':
      // Real ISO-8859-1: the WHATWG "latin1" label would mean windows-1252.
      return asBuffer(bytes).toString('latin1');
    case 'windows-1252':
      return decodeCp1252(bytes);
    case 'cp852':
      return decodeCp852(bytes);
    case 'utf-16le':
    case 'utf-16be':
    case 'iso-8859-2':
    case 'iso-8859-15':
      return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  }
}

/** The bytes as a Buffer, without a new view when they are one already (a view per small file adds up). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
