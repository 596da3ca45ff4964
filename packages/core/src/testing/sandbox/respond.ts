import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from './types';

/** A response ready for the wire: status, headers (lower-case names) and body bytes. */
export interface EncodedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Encode a handler's answer: a Buffer or string is sent as is (octet-stream / text), anything else
 * as JSON. Handler headers win over the defaults, including content-type.
 */
export function encodeResponse(response: SandboxResponse): EncodedResponse {
  const { body } = response;
  let bytes: Buffer;
  let contentType: string | undefined;
  if (body === undefined) {
    bytes = Buffer.alloc(0);
  } else if (Buffer.isBuffer(body)) {
    bytes = body;
    contentType = 'application/octet-stream';
  } else if (typeof body === 'string') {
    bytes = Buffer.from(body, 'utf8');
    contentType = 'text/plain; charset=utf-8';
  } else {
    bytes = Buffer.from(JSON.stringify(body), 'utf8');
    contentType = 'application/json; charset=utf-8';
  }
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
  return { status: response.status ?? 200, headers, body: bytes };
}

/** Send an encoded response whole, with its Content-Length. */
export function sendEncoded(res: ServerResponse, encoded: EncodedResponse): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(encoded.status, { ...encoded.headers, 'content-length': String(encoded.body.length) });
  res.end(encoded.body);
}

/**
 * Send only the first `bytes` of the body (default: half, at least one byte, never all of it).
 * Clean mode ends a chunked response normally, so the client sees a complete 200 whose JSON is
 * cut; abort mode announces the full length and then drops the connection.
 */
export function sendTruncated(res: ServerResponse, encoded: EncodedResponse, options: { bytes?: number; abort?: boolean }): void {
  if (res.destroyed || res.headersSent) return;
  const full = encoded.body.length;
  const wanted = options.bytes ?? Math.floor(full / 2);
  const size = full <= 1 ? 0 : Math.min(Math.max(wanted, 1), full - 1);
  const prefix = encoded.body.subarray(0, size);
  if (options.abort) {
    res.writeHead(encoded.status, { ...encoded.headers, 'content-length': String(full) });
    res.write(prefix, () => res.socket?.destroy());
    return;
  }
  const headers = { ...encoded.headers };
  delete headers['content-length'];
  // No Content-Length: node frames the body as chunked, so ending it is a clean, "complete" response.
  res.writeHead(encoded.status, headers);
  res.end(prefix);
}

/** The JSON error envelope a status fault sends when the plan gives no body. */
export function faultErrorBody(sandbox: string, status: number): unknown {
  return { error: { code: `SANDBOX_FAULT_${status}`, message: `Injected ${status} fault (${sandbox} sandbox)` } };
}
