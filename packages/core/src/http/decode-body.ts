import type { ResponseType } from './types';

/** A decoded body, or the text that failed to decode. */
export type DecodedBody = { ok: true; data: unknown } | { ok: false; text: string; reason: string };

const toBuffer = (raw: unknown): Buffer => {
  if (Buffer.isBuffer(raw)) return raw;
  if (raw instanceof ArrayBuffer) return Buffer.from(raw);
  if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
  return Buffer.alloc(0);
};

/**
 * Decode a raw body as the caller asked. JSON is parsed here rather than by axios because axios
 * silently hands back the raw string when parsing fails, and a truncated or HTML body on a 2xx must
 * become an error, not data. An empty JSON body (204, HEAD) decodes to `undefined`.
 */
export function decodeBody(raw: unknown, type: ResponseType): DecodedBody {
  const buffer = toBuffer(raw);
  if (type === 'arraybuffer') return { ok: true, data: buffer };
  const text = buffer.toString('utf8');
  if (type === 'text') return { ok: true, data: text };
  if (text.trim() === '') return { ok: true, data: undefined };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, text, reason: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

/** Best-effort decoding of an error body for rules and snippets: JSON when it parses, else text. */
export function decodeErrorBody(raw: unknown): unknown {
  const decoded = decodeBody(raw, 'json');
  return decoded.ok ? decoded.data : decoded.text;
}
