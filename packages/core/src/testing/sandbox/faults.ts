/**
 * The one fault vocabulary every `@recon` sandbox speaks. A connector's conformance run injects the
 * same plans into a ledger sandbox, a Razorpay sandbox or a bank sandbox, so "survives a reset
 * mid-read" means the same thing everywhere.
 */

/** Which requests a fault applies to. Omitted fields match everything. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Exact path (no query string) or a pattern tested against the path. */
  path?: string | RegExp;
}

/** Fields every fault shares. */
export interface FaultBase {
  match?: FaultMatch;
  /** How many matching requests the fault hits. Default 1; `Infinity` for a lasting outage. */
  times?: number;
  /** Let the first N matching requests through untouched (e.g. `after: 1` = "after the first page"). */
  after?: number;
}

/** Answer with an error status instead of the real response. */
export interface StatusFault extends FaultBase {
  type: 'status';
  status: number;
  /** Sends `Retry-After: <seconds>`. */
  retryAfter?: number;
  /** Response body; defaults to a JSON error envelope naming the status. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Wait, then answer normally. */
export interface DelayFault extends FaultBase {
  type: 'delay';
  ms: number;
}

/** Destroy the socket without any response (the client sees ECONNRESET / socket hang up). */
export interface ResetFault extends FaultBase {
  type: 'reset';
}

/**
 * Send only a prefix of the real response body. By default the response ends cleanly (chunked,
 * status 200) so the client receives a "successful" response with broken JSON, the nastier case.
 * With `abort: true` the full Content-Length is announced and the socket is destroyed after the
 * prefix, as when a connection drops mid-body.
 */
export interface TruncateFault extends FaultBase {
  type: 'truncate';
  /** Bytes of the real body to send; default half of it (at least 1 byte, never all of it). */
  bytes?: number;
  abort?: boolean;
}

/** Accept the request and never answer; the socket stays open until the client gives up or the server closes. */
export interface HangFault extends FaultBase {
  type: 'hang';
}

/** One injected failure. */
export type Fault = StatusFault | DelayFault | ResetFault | TruncateFault | HangFault;

/** The kinds of fault, as recorded in the request log. */
export type FaultType = Fault['type'];

/** An ordered list of faults; for each request the first applicable fault wins. */
export type FaultPlan = Fault[];

/** A fault in a live plan, with its counters. */
export interface ActiveFault {
  readonly fault: Fault;
  /** Matching requests seen so far (including the ones let through by `after`). */
  readonly seen: number;
  /** Times the fault was applied. */
  readonly applied: number;
}

/** The live fault plan of one sandbox server. */
export interface FaultController {
  /** Append faults to the live plan. */
  inject(plan: FaultPlan | Fault): void;
  /** Remove every fault. Requests already hanging stay hung until the client or `close()` ends them. */
  clear(): void;
  /** The live plan with counters, for assertions such as "the fault really fired". */
  readonly active: readonly ActiveFault[];
  /** How many times faults were applied since the server started (optionally of one type). */
  appliedCount(type?: FaultType): number;
  /** Picks the fault for a request and counts it; `undefined` when the request passes untouched. */
  next(method: string, path: string): Fault | undefined;
}

interface MutableActiveFault {
  fault: Fault;
  seen: number;
  applied: number;
}

/** True when `fault.match` selects the request. */
export function faultMatches(fault: Fault, method: string, path: string): boolean {
  const match = fault.match;
  if (!match) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return match.path === path;
  match.path.lastIndex = 0; // a /g or /y pattern would otherwise alternate between hit and miss
  return match.path.test(path);
}

/** A fault controller with an optional initial plan. */
export function createFaultController(initial: FaultPlan = []): FaultController {
  let plan: MutableActiveFault[] = [];
  const appliedByType = new Map<FaultType, number>();

  const inject = (faults: FaultPlan | Fault) => {
    for (const fault of Array.isArray(faults) ? faults : [faults]) {
      validateFault(fault);
      plan.push({ fault, seen: 0, applied: 0 });
    }
  };
  inject(initial);

  return {
    inject,
    clear() {
      plan = [];
    },
    get active() {
      return plan.map((entry) => ({ ...entry }));
    },
    appliedCount(type) {
      if (type) return appliedByType.get(type) ?? 0;
      let total = 0;
      for (const count of appliedByType.values()) total += count;
      return total;
    },
    next(method, path) {
      let chosen: Fault | undefined;
      // Every matching fault counts the request (so `after` means "after N matching requests"
      // whatever other faults do), but only the first applicable one is applied.
      for (const entry of plan) {
        if (!faultMatches(entry.fault, method, path)) continue;
        entry.seen += 1;
        if (chosen) continue;
        if (entry.seen <= (entry.fault.after ?? 0)) continue;
        if (entry.applied >= (entry.fault.times ?? 1)) continue;
        entry.applied += 1;
        chosen = entry.fault;
      }
      if (chosen) appliedByType.set(chosen.type, (appliedByType.get(chosen.type) ?? 0) + 1);
      return chosen;
    },
  };
}

function validateFault(fault: Fault): void {
  const times = fault.times ?? 1;
  const after = fault.after ?? 0;
  if (!(times >= 0) || !(after >= 0)) throw new RangeError(`Fault ${fault.type}: times and after must be >= 0`);
  if (fault.type === 'status' && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
    throw new RangeError(`Fault status: ${String(fault.status)} is not an HTTP status`);
  }
  if (fault.type === 'delay' && !(fault.ms >= 0)) throw new RangeError('Fault delay: ms must be >= 0');
}
