import type { IncomingMessage } from 'node:http';

/** Default largest request body a sandbox accepts. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Thrown by {@link readBody} when the body is over the limit or not what its content type says. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Read a request body up to `maxBytes` (a test double must not be knocked over by a runaway
 * client either), then parse it by content type. Invalid JSON is a 400, never a crash.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<{ raw: Buffer; parsed: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyError(`Request body larger than ${maxBytes} bytes`, 413);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  return { raw, parsed: parseBody(raw, req.headers['content-type']) };
}

/** Parse a body by content type: JSON, form, or text; `undefined` when empty. */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = raw.toString('utf8');
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BodyError('Request body is not valid JSON', 400);
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  return text;
}
