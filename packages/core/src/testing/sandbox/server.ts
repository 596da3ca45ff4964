import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { redactHeaders, redactUrl } from '../../errors';
import { silentLogger } from '../../logging/logger';
import { BodyError, DEFAULT_MAX_BODY_BYTES, readBody } from './body';
import { createFaultController, type Fault } from './faults';
import { encodeResponse, faultErrorBody, sendEncoded, sendTruncated, type EncodedResponse } from './respond';
import { compileRoute, findRoute } from './router';
import type { RequestLogEntry, SandboxRequest, SandboxServer, SandboxServerOptions } from './types';

type Waiter = { predicate: (entry: RequestLogEntry) => boolean; resolve: (entry: RequestLogEntry) => void };

/**
 * Start a real HTTP server on 127.0.0.1 (random port) that serves `routes`, checks `auth`, and
 * applies the fault plan before anything else, so connectors are tested through their real
 * transport: sockets, keep-alive, status codes, broken bodies.
 */
export async function createSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const routes = options.routes.map(compileRoute);
  const faults = createFaultController(options.faults);
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log: RequestLogEntry[] = [];
  let waiters: Waiter[] = [];
  const sockets = new Set<Socket>();
  const pendingDelays = new Set<() => void>();
  let arrivals = 0;
  let closing: Promise<void> | undefined;

  const record = (entry: RequestLogEntry) => {
    log.push(entry);
    logger.debug({ sandbox: options.name, method: entry.method, path: entry.path, status: entry.status, fault: entry.fault }, 'sandbox request');
    const ready = waiters.filter((w) => w.predicate(entry));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(entry);
  };

  // Resolves true after `ms`, or false at once if the server closes first (no stray timers).
  const sleep = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        pendingDelays.delete(wake);
        resolve(false);
      };
      const timer = setTimeout(() => {
        pendingDelays.delete(wake);
        resolve(true);
      }, ms);
      pendingDelays.add(wake);
    });

  const answer = async (req: IncomingMessage, method: string, url: URL): Promise<EncodedResponse> => {
    const found = findRoute(routes, method, url.pathname);
    if (!('route' in found)) {
      req.resume();
      return found.methodMismatch
        ? encodeResponse({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: `${method} not allowed on ${url.pathname}` } } })
        : encodeResponse({ status: 404, body: { error: { code: 'NOT_FOUND', message: `No route for ${method} ${url.pathname}` } } });
    }
    let body: { raw: Buffer; parsed: unknown };
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return encodeResponse({ status: error.status, headers: { connection: 'close' }, body: { error: { code: 'BAD_REQUEST_BODY', message: error.message } } });
    }
    const request: SandboxRequest = {
      method,
      path: url.pathname,
      params: found.params,
      query: Object.fromEntries(url.searchParams),
      searchParams: url.searchParams,
      headers: req.headers,
      body: body.parsed,
      rawBody: body.raw,
    };
    const authenticate = found.route.auth ?? (found.route.public ? undefined : options.auth);
    if (authenticate) {
      const verdict = await authenticate(request);
      if (verdict !== true) return encodeResponse(verdict);
    }
    try {
      return encodeResponse(await found.route.handler(request));
    } catch (error) {
      logger.error({ sandbox: options.name, path: url.pathname, error: error instanceof Error ? error.message : String(error) }, 'sandbox handler failed');
      return encodeResponse({ status: 500, body: { error: { code: 'SANDBOX_HANDLER_ERROR', message: `Handler for ${method} ${url.pathname} failed` } } });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    // Log views are redacted by name (authorization, x-api-key, ?access_token=...): a request log
    // printed by a failing test must not show credentials either.
    const safeUrl = new URL(redactUrl(`${url.pathname}${url.search}`), 'http://sandbox.invalid');
    const entry: RequestLogEntry = {
      index: arrivals++,
      method,
      path: url.pathname,
      query: Object.fromEntries(safeUrl.searchParams),
      headers: redactHeaders(req.headers),
    };
    const fault: Fault | undefined = faults.next(method, url.pathname);
    if (fault) entry.fault = fault.type;

    if (fault?.type === 'reset') {
      record(entry);
      // RST rather than FIN where supported: what a dropped connection looks like to a client.
      if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
      else req.socket.destroy();
      return;
    }
    if (fault?.type === 'hang') {
      req.resume();
      record(entry);
      return; // never answered; close() or the client ends the socket
    }
    if (fault?.type === 'status') {
      req.resume();
      const headers: Record<string, string> = { ...fault.headers };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      const encoded = encodeResponse({ status: fault.status, headers, body: fault.body ?? faultErrorBody(options.name, fault.status) });
      sendEncoded(res, encoded);
      record({ ...entry, status: encoded.status });
      return;
    }
    if (fault?.type === 'delay' && !(await sleep(fault.ms))) return;

    const encoded = await answer(req, method, url);
    if (closing) return;
    if (fault?.type === 'truncate') sendTruncated(res, encoded, fault);
    else sendEncoded(res, encoded);
    record({ ...entry, status: encoded.status });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only a bug in the kit itself lands here; answer 500 rather than leave the client hanging.
      logger.error({ sandbox: options.name, error: error instanceof Error ? error.message : String(error) }, 'sandbox failed');
      if (!res.headersSent && !res.destroyed) sendEncoded(res, encodeResponse({ status: 500, body: { error: { code: 'SANDBOX_ERROR' } } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A test's client may be torn down first; socket errors are expected noise here.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    name: options.name,
    url: `http://127.0.0.1:${port}`,
    faults,
    requests: log,
    clearRequests() {
      log.length = 0;
    },
    waitForRequest(predicate = () => true) {
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const wake of [...pendingDelays]) wake();
        server.close(() => resolve());
        // server.close() alone waits for keep-alive and hung sockets: end them ourselves.
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
