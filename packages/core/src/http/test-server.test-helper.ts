import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logging/logger';

/** A request as the test server saw it. */
export interface SeenRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request head arrived. */
  at: number;
}

/** A real HTTP server on 127.0.0.1 for tests. */
export interface TestServer {
  url: string;
  requests: SeenRequest[];
  /** Highest number of requests being handled at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** Handles one request; `seen.index` tells which hit this is. */
export type TestHandler = (seen: SeenRequest, res: ServerResponse, req: IncomingMessage) => unknown;

/** Start a node:http server on an ephemeral port that records every request and runs `handler`. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const at = performance.now();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = { index: requests.length, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at };
      requests.push(seen);
      Promise.resolve(handler(seen, res, req)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(599);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answer with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Resolve after `ms` (server-side delays only; tests never assert on them). */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One captured log call. */
export interface LogLine {
  level: string;
  obj: object;
  msg?: string | undefined;
}

/** A logger that keeps every line (all levels, children included) for inspection. */
export function collectingLogger(): { lines: LogLine[]; logger: Logger } {
  const lines: LogLine[] = [];
  const make = (bindings: object): Logger => ({
    debug: (obj, msg) => lines.push({ level: 'debug', obj: { ...bindings, ...obj }, msg }),
    info: (obj, msg) => lines.push({ level: 'info', obj: { ...bindings, ...obj }, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj: { ...bindings, ...obj }, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj: { ...bindings, ...obj }, msg }),
    child: (b) => make({ ...bindings, ...b }),
  });
  return { lines, logger: make({}) };
}
