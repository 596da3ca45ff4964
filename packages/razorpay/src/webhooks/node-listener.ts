import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookHandler, WebhookResult } from './handler';

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Largest body accepted (default 1 MiB; Razorpay events are a few KiB). Larger gets 413. */
  maxBodyBytes?: number;
  /** Sees every result (log refusals and failures here). */
  onResult?(result: WebhookResult): void;
}

/**
 * A `node:http` request listener around a {@link WebhookHandler}: reads the raw body itself (so
 * no parser can touch it first) and writes the handler's answer as JSON. Works as an Express
 * route handler too, as long as no body parser ran on that route.
 */
export function toNodeListener(handler: WebhookHandler, options: NodeListenerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const max = options.maxBodyBytes ?? 1_048_576;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  };
  return (req, res) => {
    if (req.method !== 'POST') return send(res, 405, { status: 'rejected', code: 'METHOD_NOT_ALLOWED' });
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) return send(res, 413, { status: 'rejected', code: 'BODY_TOO_LARGE' });
      handler.handle({ headers: req.headers, rawBody: Buffer.concat(chunks) }).then(
        (result) => {
          options.onResult?.(result);
          send(res, result.status, result.body);
        },
        () => send(res, 500, { status: 'failed' }),
      );
    });
  };
}
