import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../../logging/logger';
import type { FaultController, FaultPlan, FaultType } from './faults';

/** What a route handler sees of a request. */
export interface SandboxRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Values of `:name` segments in the route path, URL-decoded. */
  params: Record<string, string>;
  /** Query parameters; a repeated parameter keeps its last value (use `searchParams` for all). */
  query: Record<string, string>;
  searchParams: URLSearchParams;
  /** Lower-case header names, as node gives them. */
  headers: IncomingHttpHeaders;
  /**
   * Parsed body: JSON for `application/json`, an object of strings for
   * `application/x-www-form-urlencoded`, text otherwise, `undefined` when empty.
   */
  body: unknown;
  rawBody: Buffer;
}

/** What a route handler answers. */
export interface SandboxResponse {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. `undefined` sends no body. */
  body?: unknown;
}

/** Handles one route. May be async. A thrown error becomes a 500 (and is logged). */
export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** One route of a sandbox. */
export interface SandboxRoute {
  method: string;
  /** Path pattern with `:name` segments, e.g. `/v1/settlements/:id`. */
  path: string;
  handler: RouteHandler;
  /** Skip the server's `auth` check (token endpoints, health checks). */
  public?: boolean;
  /** Per-route auth, replacing the server's. */
  auth?: Authenticate;
}

/** A refusal: sent as the response instead of running the handler. */
export interface AuthFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Pluggable credential check: `true` lets the request through. */
export type Authenticate = (req: SandboxRequest) => true | AuthFailure | Promise<true | AuthFailure>;

/** Options of {@link createSandboxServer}. */
export interface SandboxServerOptions {
  /** Shown in logs and error bodies. */
  name: string;
  routes: SandboxRoute[];
  auth?: Authenticate;
  /** Initial fault plan. */
  faults?: FaultPlan;
  logger?: Logger;
  /** Largest accepted request body in bytes (default 1 MiB); larger bodies get 413. */
  maxBodyBytes?: number;
}

/** One line of the request log. Credentials are redacted by header and parameter name. */
export interface RequestLogEntry {
  /** 0-based arrival order. */
  index: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Status sent; absent when the fault was `reset` or `hang` (no response). */
  status?: number;
  /** The fault applied to this request, if any. */
  fault?: FaultType;
}

/** A running sandbox: a real HTTP server on 127.0.0.1. */
export interface SandboxServer {
  readonly name: string;
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:51234`. */
  readonly url: string;
  readonly faults: FaultController;
  /** Live request log, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /** Empty the request log. */
  clearRequests(): void;
  /**
   * Resolves with the next log entry matching `predicate` (entries are logged as soon as the
   * outcome is known: when a fault is applied, or when the response is sent).
   */
  waitForRequest(predicate?: (entry: RequestLogEntry) => boolean): Promise<RequestLogEntry>;
  /** Stop listening and destroy every open socket (keep-alive, hung, delayed). Idempotent, never hangs. */
  close(): Promise<void>;
}

/**
 * What every connector's sandbox starter returns (DESIGN: `start({ seed, faults }) → { url, credentials, close }`).
 * `server` gives tests the fault controller and request log.
 */
export interface SandboxHandle<Credentials> {
  url: string;
  credentials: Credentials;
  server: SandboxServer;
  close(): Promise<void>;
}

/** Options every sandbox starter accepts, plus its own. */
export interface SandboxStartOptions {
  /** Seed for the generated dataset and credentials: the same seed gives the same data. */
  seed?: number | string;
  faults?: FaultPlan;
  logger?: Logger;
}

/** The shape of every connector's sandbox starter, e.g. `startSampleLedgerSandbox`. */
export type SandboxStarter<Options extends SandboxStartOptions, Credentials> = (options?: Options) => Promise<SandboxHandle<Credentials>>;
